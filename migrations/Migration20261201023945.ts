import { Migration } from '@mikro-orm/migrations';

// The counts the home pages read (api/reports/kept-counts.entity.ts says why), kept by triggers in
// the writing transaction. Updates fire them only when a counted column changed (a sign-in or a
// room's newest activity does not call them). report_counts_rebuild() recounts them from the rows:
// the backfill below, and the remedy should they ever be found to disagree.
export class Migration20261201023945 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "room_month_count" ("municipality_id" uuid not null, "month" date not null, "opened" int not null, "closed" int not null, constraint "room_month_count_pkey" primary key ("municipality_id", "month"));`);

    this.addSql(`create table "user_headcount" ("id" bigserial primary key, "municipality_id" uuid null, "job_type" text check ("job_type" in ('DOCTOR', 'DENTIST', 'PHARMACIST', 'NURSE', 'CARE_MANAGER', 'CARE_WORKER', 'THERAPIST', 'SOCIAL_WORKER', 'OFFICE_STAFF', 'ADMINISTRATOR', 'OTHER')) not null, "status" text check ("status" in ('PENDING', 'ACTIVE', 'LOCKED', 'STOPPED')) not null, "stop_date" date null, "n" int not null);`);
    this.addSql(`create unique index "user_headcount_key" on "user_headcount" ("municipality_id", "job_type", "status", "stop_date") nulls not distinct;`);

    this.addSql(`alter table "room_month_count" add constraint "room_month_count_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "user_headcount" add constraint "user_headcount_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function report_counts_rebuild() returns void language plpgsql as $$
begin
  -- writers wait while the counts are rebuilt, so none is counted twice or missed
  lock table app_user, room in share mode;
  delete from user_headcount;
  insert into user_headcount (municipality_id, job_type, status, stop_date, n)
    select municipality_id, job_type, status, case when status = 'ACTIVE' then stop_date end, count(*) from app_user group by 1, 2, 3, 4;
  delete from room_month_count;
  insert into room_month_count (municipality_id, month, opened, closed)
    select municipality_id, month, sum(opened), sum(closed) from (
      select municipality_id, date_trunc('month', created_at at time zone 'Asia/Tokyo')::date as month, 1 as opened, 0 as closed from room
      union all
      select municipality_id, date_trunc('month', closed_at at time zone 'Asia/Tokyo')::date, 0, 1 from room where closed_at is not null) r
    group by 1, 2;
end $$;`);

    // An account counts under its municipality, job type and status; its stop date only while ACTIVE
    // (an active account past its stop date is reported as STOPPED). Inserts and deletes are counted
    // per statement, one upsert per key (a bulk import of accounts updates each count once, in key
    // order); an update per row, and only when a counted column changed.
    this.addSql(`create function user_headcount_add(municipality uuid, job_type text, status text, stop_date date, n int) returns void language sql as $$
  insert into user_headcount as h (municipality_id, job_type, status, stop_date, n)
  values ($1, $2, $3, case when $3 = 'ACTIVE' then $4 end, $5)
  on conflict (municipality_id, job_type, status, stop_date) do update set n = h.n + excluded.n;
$$;`);
    this.addSql(`create function user_headcount_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into user_headcount as h (municipality_id, job_type, status, stop_date, n)
      select municipality_id, job_type, status, case when status = 'ACTIVE' then stop_date end, count(*) from added group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (municipality_id, job_type, status, stop_date) do update set n = h.n + excluded.n;
  elsif tg_op = 'DELETE' then
    insert into user_headcount as h (municipality_id, job_type, status, stop_date, n)
      select municipality_id, job_type, status, case when status = 'ACTIVE' then stop_date end, -count(*) from removed group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (municipality_id, job_type, status, stop_date) do update set n = h.n + excluded.n;
  else
    perform user_headcount_add(old.municipality_id, old.job_type, old.status, old.stop_date, -1);
    perform user_headcount_add(new.municipality_id, new.job_type, new.status, new.stop_date, 1);
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "user_headcount_added" after insert on "app_user" referencing new table as added for each statement execute function user_headcount_keep();`);
    this.addSql(`create trigger "user_headcount_removed" after delete on "app_user" referencing old table as removed for each statement execute function user_headcount_keep();`);
    this.addSql(`create trigger "user_headcount_changed" after update of "municipality_id", "job_type", "status", "stop_date" on "app_user" for each row
  when (old.municipality_id is distinct from new.municipality_id or old.job_type is distinct from new.job_type or old.status is distinct from new.status or old.stop_date is distinct from new.stop_date)
  execute function user_headcount_keep();`);

    // A room counts as opened in the month (Japan time) of its created_at, closed in that of its
    // closed_at; inserts and deletes per statement, updates per row, as above.
    this.addSql(`create function room_month_count_add(municipality uuid, at timestamptz, opened int, closed int) returns void language sql as $$
  insert into room_month_count as c (municipality_id, month, opened, closed)
  values ($1, date_trunc('month', $2 at time zone 'Asia/Tokyo')::date, $3, $4)
  on conflict (municipality_id, month) do update set opened = c.opened + excluded.opened, closed = c.closed + excluded.closed;
$$;`);
    this.addSql(`create function room_month_count_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into room_month_count as c (municipality_id, month, opened, closed)
      select municipality_id, month, sum(o), sum(cl) from (
        select municipality_id, date_trunc('month', created_at at time zone 'Asia/Tokyo')::date as month, 1 as o, 0 as cl from added
        union all
        select municipality_id, date_trunc('month', closed_at at time zone 'Asia/Tokyo')::date, 0, 1 from added where closed_at is not null) r
      group by 1, 2 order by 1, 2
      on conflict (municipality_id, month) do update set opened = c.opened + excluded.opened, closed = c.closed + excluded.closed;
  elsif tg_op = 'DELETE' then
    insert into room_month_count as c (municipality_id, month, opened, closed)
      select municipality_id, month, -sum(o), -sum(cl) from (
        select municipality_id, date_trunc('month', created_at at time zone 'Asia/Tokyo')::date as month, 1 as o, 0 as cl from removed
        union all
        select municipality_id, date_trunc('month', closed_at at time zone 'Asia/Tokyo')::date, 0, 1 from removed where closed_at is not null) r
      group by 1, 2 order by 1, 2
      on conflict (municipality_id, month) do update set opened = c.opened + excluded.opened, closed = c.closed + excluded.closed;
  else
    perform room_month_count_add(old.municipality_id, old.created_at, -1, 0);
    if old.closed_at is not null then perform room_month_count_add(old.municipality_id, old.closed_at, 0, -1); end if;
    perform room_month_count_add(new.municipality_id, new.created_at, 1, 0);
    if new.closed_at is not null then perform room_month_count_add(new.municipality_id, new.closed_at, 0, 1); end if;
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "room_month_count_added" after insert on "room" referencing new table as added for each statement execute function room_month_count_keep();`);
    this.addSql(`create trigger "room_month_count_removed" after delete on "room" referencing old table as removed for each statement execute function room_month_count_keep();`);
    this.addSql(`create trigger "room_month_count_changed" after update of "municipality_id", "created_at", "closed_at" on "room" for each row
  when (old.municipality_id is distinct from new.municipality_id or old.created_at is distinct from new.created_at or old.closed_at is distinct from new.closed_at)
  execute function room_month_count_keep();`);

    this.addSql(`select report_counts_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const t of ['added', 'removed', 'changed']) {
      this.addSql(`drop trigger "room_month_count_${t}" on "room";`);
      this.addSql(`drop trigger "user_headcount_${t}" on "app_user";`);
    }
    this.addSql(`drop function room_month_count_keep();`);
    this.addSql(`drop function room_month_count_add(uuid, timestamptz, int, int);`);
    this.addSql(`drop function user_headcount_keep();`);
    this.addSql(`drop function user_headcount_add(uuid, text, text, date, int);`);
    this.addSql(`drop function report_counts_rebuild();`);

    this.addSql(`drop table if exists "room_month_count" cascade;`);

    this.addSql(`drop table if exists "user_headcount" cascade;`);
  }

}
