import { Migration } from '@mikro-orm/migrations';

// The applications report's counts (api/reports/kept-counts.entity.ts says why), kept by triggers on
// application as the home page's are on app_user and room (Migration20261201023945): applications per
// type and state, and per step the days from the first submission in tenths. The first submission
// gets its own column (a correction moves submitted_at); the backfill takes it from the history.
export class Migration20261201044943 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "application_step_count" ("municipality_id" uuid not null, "type" text check ("type" in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP', 'ROOM_CREATION', 'ROOM_JOIN', 'ROOM_END')) not null, "step" text not null, "tenths" int not null, "n" int not null, constraint "application_step_count_pkey" primary key ("municipality_id", "type", "step", "tenths"));`);

    this.addSql(`create table "application_count" ("municipality_id" uuid not null, "type" text check ("type" in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP', 'ROOM_CREATION', 'ROOM_JOIN', 'ROOM_END')) not null, "state" text check ("state" in ('SUBMITTED', 'RETURNED', 'REJECTED', 'FORWARDED', 'COMPLETED', 'WITHDRAWN')) not null, "n" int not null, constraint "application_count_pkey" primary key ("municipality_id", "type", "state"));`);

    this.addSql(`alter table "application_step_count" add constraint "application_step_count_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "application_count" add constraint "application_count_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "application" add column "first_submitted_at" timestamptz null;`);
    this.addSql(`update "application" a set "first_submitted_at" = coalesce((select min(e.at) from application_event e where e.application_id = a.id and e.action = 'SUBMIT'), a.submitted_at);`);
    this.addSql(`alter table "application" alter column "first_submitted_at" set not null;`);

    // the days from the first submission to a step, in tenths of a day, rounded (8,640 s each)
    this.addSql(`create function application_step_tenths(first_submitted timestamptz, at timestamptz) returns int language sql immutable as $$
  select round(extract(epoch from ($2 - $1)) / 8640)::int;
$$;`);
    // what of an application the counts key on
    this.addSql(`create function application_counted(a application) returns jsonb language sql stable as $$
  select jsonb_build_object('municipality_id', a.municipality_id, 'type', a.type, 'state', a.state,
                            'first_submitted_at', a.first_submitted_at, 'forwarded_at', a.forwarded_at, 'completed_at', a.completed_at);
$$;`);
    // Adds applications (n 1) to the counts or takes them out (n -1), one upsert per key in key order
    // (a bulk import touches each count once; two writers take the rows' locks in the same order).
    // The rows come as JSON because a trigger cannot hand its transition table to a function.
    this.addSql(COUNTS_ADD);
    this.addSql(`create function application_counts_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform application_counts_add((select jsonb_agg(application_counted(a) || '{"n": 1}') from added a));
  elsif tg_op = 'DELETE' then
    perform application_counts_add((select jsonb_agg(application_counted(a) || '{"n": -1}') from removed a));
  else
    perform application_counts_add(jsonb_build_array(application_counted(old) || '{"n": -1}', application_counted(new) || '{"n": 1}'));
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "application_count_added" after insert on "application" referencing new table as added for each statement execute function application_counts_keep();`);
    this.addSql(`create trigger "application_count_removed" after delete on "application" referencing old table as removed for each statement execute function application_counts_keep();`);
    this.addSql(`create trigger "application_count_changed" after update of "municipality_id", "type", "state", "first_submitted_at", "forwarded_at", "completed_at" on "application" for each row
  when (old.municipality_id is distinct from new.municipality_id or old.type is distinct from new.type or old.state is distinct from new.state
        or old.first_submitted_at is distinct from new.first_submitted_at or old.forwarded_at is distinct from new.forwarded_at or old.completed_at is distinct from new.completed_at)
  execute function application_counts_keep();`);

    this.addSql(REBUILD_WITH_APPLICATIONS);
    this.addSql(`select report_counts_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const t of ['added', 'removed', 'changed']) this.addSql(`drop trigger "application_count_${t}" on "application";`);
    this.addSql(REBUILD_BEFORE);
    this.addSql(`drop function application_counts_keep();`);
    this.addSql(`drop function application_counts_add(jsonb);`);
    this.addSql(`drop function application_counted(application);`);
    this.addSql(`drop function application_step_tenths(timestamptz, timestamptz);`);
    this.addSql(`drop table if exists "application_step_count" cascade;`);

    this.addSql(`drop table if exists "application_count" cascade;`);

    this.addSql(`alter table "application" drop column "first_submitted_at";`);
  }

}

const REBUILD_HOME = `
  delete from user_headcount;
  insert into user_headcount (municipality_id, job_type, status, stop_date, n)
    select municipality_id, job_type, status, case when status = 'ACTIVE' then stop_date end, count(*) from app_user group by 1, 2, 3, 4;
  delete from room_month_count;
  insert into room_month_count (municipality_id, month, opened, closed)
    select municipality_id, month, sum(opened), sum(closed) from (
      select municipality_id, date_trunc('month', created_at at time zone 'Asia/Tokyo')::date as month, 1 as opened, 0 as closed from room
      union all
      select municipality_id, date_trunc('month', closed_at at time zone 'Asia/Tokyo')::date, 0, 1 from room where closed_at is not null) r
    group by 1, 2;`;

const REBUILD_BEFORE = `create or replace function report_counts_rebuild() returns void language plpgsql as $$
begin
  -- writers wait while the counts are rebuilt, so none is counted twice or missed
  lock table app_user, room in share mode;${REBUILD_HOME}
end $$;`;

// one municipality at a time, so that no JSON grows with the whole country's applications
const REBUILD_WITH_APPLICATIONS = `create or replace function report_counts_rebuild() returns void language plpgsql as $$
declare
  m uuid;
begin
  -- writers wait while the counts are rebuilt, so none is counted twice or missed
  lock table app_user, room, application in share mode;${REBUILD_HOME}
  delete from application_count;
  delete from application_step_count;
  for m in select id from municipality loop
    perform application_counts_add((select jsonb_agg(application_counted(a) || '{"n": 1}') from application a where a.municipality_id = m));
  end loop;
end $$;`;

// application_counts_add() as this migration defines it (Migration20261201142133 puts it back on the way down)
export const COUNTS_ADD = `create function application_counts_add(rows jsonb) returns void language sql as $$
  insert into application_count as c (municipality_id, type, state, n)
    select r.municipality_id, r.type, r.state, sum(r.n)
      from jsonb_to_recordset(rows) as r(municipality_id uuid, type text, state text, n int)
     group by 1, 2, 3 having sum(r.n) <> 0 order by 1, 2, 3
    on conflict (municipality_id, type, state) do update set n = c.n + excluded.n;
  insert into application_step_count as c (municipality_id, type, step, tenths, n)
    select r.municipality_id, r.type, s.step, application_step_tenths(r.first_submitted_at, s.at), sum(r.n)
      from jsonb_to_recordset(rows) as r(municipality_id uuid, type text, first_submitted_at timestamptz, forwarded_at timestamptz, completed_at timestamptz, n int)
      cross join lateral (values ('FORWARD', r.forwarded_at), ('COMPLETE', r.completed_at)) as s(step, at)
     where s.at is not null
     group by 1, 2, 3, 4 having sum(r.n) <> 0 order by 1, 2, 3, 4
    on conflict (municipality_id, type, step, tenths) do update set n = c.n + excluded.n;
$$;`;
