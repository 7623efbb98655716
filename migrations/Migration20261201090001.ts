import { Migration } from '@mikro-orm/migrations';

// The kept counts' row-level update triggers (Migration20261201023945, Migration20261201050637) took
// their upserts old key first, then new key. Two updates that cross (an account ACTIVE → LOCKED while
// another of the same municipality and job type goes LOCKED → ACTIVE; the nightly ID-stop job against
// a reactivation) each locked one count row and waited for the other's: a deadlock, and PostgreSQL
// aborted one of them. Now each update is one upsert of both keys in key order, as the statement-level
// branches and the applications' counts (application_counts_add) already were, so every writer locks
// count rows in the same order. Keys whose changes cancel out (closing a room leaves its opening
// month as it was) are not touched, so they are not locked either.
// The row triggers get functions of their own; the *_keep functions serve inserts and deletes, their
// row branch no longer reached (it called the *_add helpers dropped here).
export class Migration20261201090001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function user_headcount_changed() returns trigger language plpgsql as $$
begin
  insert into user_headcount as h (municipality_id, job_type, status, stop_date, n)
    select k.municipality_id, k.job_type, k.status, case when k.status = 'ACTIVE' then k.stop_date end, sum(k.n)
      from (values (old.municipality_id, old.job_type, old.status, old.stop_date, -1), (new.municipality_id, new.job_type, new.status, new.stop_date, 1))
           as k(municipality_id, job_type, status, stop_date, n)
     group by 1, 2, 3, 4 having sum(k.n) <> 0 order by 1, 2, 3, 4
    on conflict (municipality_id, job_type, status, stop_date) do update set n = h.n + excluded.n;
  return null;
end $$;`);
    this.addSql(`create function room_month_count_changed() returns trigger language plpgsql as $$
begin
  insert into room_month_count as c (municipality_id, month, opened, closed)
    select k.municipality_id, date_trunc('month', k.at at time zone 'Asia/Tokyo')::date, sum(k.opened), sum(k.closed)
      from (values (old.municipality_id, old.created_at, -1, 0), (old.municipality_id, old.closed_at, 0, -1),
                   (new.municipality_id, new.created_at, 1, 0), (new.municipality_id, new.closed_at, 0, 1))
           as k(municipality_id, at, opened, closed)
     where k.at is not null
     group by 1, 2 having sum(k.opened) <> 0 or sum(k.closed) <> 0 order by 1, 2
    on conflict (municipality_id, month) do update set opened = c.opened + excluded.opened, closed = c.closed + excluded.closed;
  return null;
end $$;`);
    this.addSql(`create function post_month_count_changed() returns trigger language plpgsql as $$
begin
  insert into post_month_count as c (municipality_id, office_id, month, posts, care_reports)
    select r.municipality_id, u.office_id, date_trunc('month', k.at at time zone 'Asia/Tokyo')::date, sum(k.n), coalesce(sum(k.n) filter (where k.kind = 'CARE_REPORT'), 0)
      from (values (old.room_id, old.author_id, old.kind, old.created_at, -1), (new.room_id, new.author_id, new.kind, new.created_at, 1))
           as k(room_id, author_id, kind, at, n)
      join room r on r.id = k.room_id join app_user u on u.id = k.author_id
     where u.office_id is not null
     group by 1, 2, 3 having sum(k.n) <> 0 or coalesce(sum(k.n) filter (where k.kind = 'CARE_REPORT'), 0) <> 0 order by 1, 2, 3
    on conflict (municipality_id, office_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
  return null;
end $$;`);
    for (const t of TRIGGERS) this.addSql(t.create(t.changed));
    this.addSql(`drop function user_headcount_add(uuid, text, text, date, int);`);
    this.addSql(`drop function room_month_count_add(uuid, timestamptz, int, int);`);
    this.addSql(`drop function post_month_count_add(uuid, uuid, text, timestamptz, int);`);
  }

  override async down(): Promise<void> {
    // the helpers the *_keep functions' row branch calls, as the earlier migrations made them
    this.addSql(`create function user_headcount_add(municipality uuid, job_type text, status text, stop_date date, n int) returns void language sql as $$
  insert into user_headcount as h (municipality_id, job_type, status, stop_date, n)
  values ($1, $2, $3, case when $3 = 'ACTIVE' then $4 end, $5)
  on conflict (municipality_id, job_type, status, stop_date) do update set n = h.n + excluded.n;
$$;`);
    this.addSql(`create function room_month_count_add(municipality uuid, at timestamptz, opened int, closed int) returns void language sql as $$
  insert into room_month_count as c (municipality_id, month, opened, closed)
  values ($1, date_trunc('month', $2 at time zone 'Asia/Tokyo')::date, $3, $4)
  on conflict (municipality_id, month) do update set opened = c.opened + excluded.opened, closed = c.closed + excluded.closed;
$$;`);
    this.addSql(`create function post_month_count_add(room uuid, author uuid, kind text, at timestamptz, n int) returns void language sql as $$
  insert into post_month_count as c (municipality_id, office_id, month, posts, care_reports)
  select r.municipality_id, u.office_id, date_trunc('month', $4 at time zone 'Asia/Tokyo')::date, $5, case when $3 = 'CARE_REPORT' then $5 else 0 end
    from room r, app_user u where r.id = $1 and u.id = $2 and u.office_id is not null
  on conflict (municipality_id, office_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
$$;`);
    for (const t of TRIGGERS) this.addSql(t.create(t.keep));
    this.addSql(`drop function user_headcount_changed();`);
    this.addSql(`drop function room_month_count_changed();`);
    this.addSql(`drop function post_month_count_changed();`);
  }

}

/** The three row-level update triggers, unchanged but for the function they run. */
const TRIGGERS = [
  {
    keep: 'user_headcount_keep',
    changed: 'user_headcount_changed',
    create: (fn: string) => `create or replace trigger "user_headcount_changed" after update of "municipality_id", "job_type", "status", "stop_date" on "app_user" for each row
  when (old.municipality_id is distinct from new.municipality_id or old.job_type is distinct from new.job_type or old.status is distinct from new.status or old.stop_date is distinct from new.stop_date)
  execute function ${fn}();`,
  },
  {
    keep: 'room_month_count_keep',
    changed: 'room_month_count_changed',
    create: (fn: string) => `create or replace trigger "room_month_count_changed" after update of "municipality_id", "created_at", "closed_at" on "room" for each row
  when (old.municipality_id is distinct from new.municipality_id or old.created_at is distinct from new.created_at or old.closed_at is distinct from new.closed_at)
  execute function ${fn}();`,
  },
  {
    keep: 'post_month_count_keep',
    changed: 'post_month_count_changed',
    create: (fn: string) => `create or replace trigger "post_month_count_changed" after update of "room_id", "author_id", "kind", "created_at" on "post" for each row
  when (old.room_id is distinct from new.room_id or old.author_id is distinct from new.author_id or old.kind is distinct from new.kind or old.created_at is distinct from new.created_at)
  execute function ${fn}();`,
  },
];
