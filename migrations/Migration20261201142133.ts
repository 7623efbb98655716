import { Migration } from '@mikro-orm/migrations';
// the functions as the earlier migrations left them (a released migration does not change)
import { COUNTS_ADD } from './Migration20261201044943.js';
import { POSTS_REBUILD, REBUILD } from './Migration20261201050637.js';
import { TOTALS_REBUILD } from './Migration20261201090002.js';

// The applications report's durations by whole days as well as tenths (api/reports/kept-counts.entity.ts
// says why): application_counts_add() keeps application_step_day_count in the same call, after the
// tenths, each table's rows in key order as before, so writers still lock in one order. VENDOR's
// report reads a day's tenths over every municipality: an index by (type, step, tenths) serves it.
export class Migration20261201142133 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "application_step_day_count" ("municipality_id" uuid not null, "type" text check ("type" in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP', 'ROOM_CREATION', 'ROOM_JOIN', 'ROOM_END')) not null, "step" text not null, "days" int not null, "n" int not null, constraint "application_step_day_count_pkey" primary key ("municipality_id", "type", "step", "days"));`);

    this.addSql(`alter table "application_step_day_count" add constraint "application_step_day_count_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`create index "application_step_count_type_step_tenths_index" on "application_step_count" ("type", "step", "tenths");`);

    // each application's steps with their tenths, read by both inserts below
    this.addSql(`create function application_steps(rows jsonb) returns table (municipality_id uuid, type text, step text, tenths int, n int) language sql stable as $$
  select r.municipality_id, r.type, s.step, application_step_tenths(r.first_submitted_at, s.at), r.n
    from jsonb_to_recordset(rows) as r(municipality_id uuid, type text, first_submitted_at timestamptz, forwarded_at timestamptz, completed_at timestamptz, n int)
    cross join lateral (values ('FORWARD', r.forwarded_at), ('COMPLETE', r.completed_at)) as s(step, at)
   where s.at is not null;
$$;`);
    this.addSql(`create or replace function application_counts_add(rows jsonb) returns void language sql as $$
  insert into application_count as c (municipality_id, type, state, n)
    select r.municipality_id, r.type, r.state, sum(r.n)
      from jsonb_to_recordset(rows) as r(municipality_id uuid, type text, state text, n int)
     group by 1, 2, 3 having sum(r.n) <> 0 order by 1, 2, 3
    on conflict (municipality_id, type, state) do update set n = c.n + excluded.n;
  insert into application_step_count as c (municipality_id, type, step, tenths, n)
    select s.municipality_id, s.type, s.step, s.tenths, sum(s.n) from application_steps(rows) s
     group by 1, 2, 3, 4 having sum(s.n) <> 0 order by 1, 2, 3, 4
    on conflict (municipality_id, type, step, tenths) do update set n = c.n + excluded.n;
  insert into application_step_day_count as c (municipality_id, type, step, days, n)
    select s.municipality_id, s.type, s.step, floor(s.tenths / 10.0)::int, sum(s.n) from application_steps(rows) s
     group by 1, 2, 3, 4 having sum(s.n) <> 0 order by 1, 2, 3, 4
    on conflict (municipality_id, type, step, days) do update set n = c.n + excluded.n;
$$;`);

    this.addSql(REBUILD.replace('$POSTS', POSTS_REBUILD + TOTALS_REBUILD).replace('delete from application_step_count;', 'delete from application_step_count;\n  delete from application_step_day_count;'));
    this.addSql(`select report_counts_rebuild();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function application_counts_add(jsonb);`);
    this.addSql(COUNTS_ADD);
    this.addSql(`drop function application_steps(jsonb);`);
    this.addSql(REBUILD.replace('$POSTS', POSTS_REBUILD + TOTALS_REBUILD));

    this.addSql(`drop table if exists "application_step_day_count" cascade;`);

    this.addSql(`drop index "application_step_count_type_step_tenths_index";`);
  }

}
