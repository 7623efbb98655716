import { Migration } from '@mikro-orm/migrations';
// the functions as the earlier migrations left them (a released migration does not change)
import { POSTS_REBUILD, REBUILD } from './Migration20261201050637.js';
import { TOTALS_REBUILD } from './Migration20261201090002.js';
import { ROOMS_REBUILD } from './Migration20261202110001.js';

// Offices per municipality, kind and status (api/reports/kept-counts.entity.ts OfficeCount), kept by
// triggers as the other counts are: the offices list's total for whole municipalities and the
// roster's and activity report's pages of offices read them, where counting the offices grew with
// them (0.02 ms for 200 offices, 0.15 ms for 1,000: the benchmark's scale 1 and 5, a third of the
// activity page's SQL time). Inserts and deletes per statement, one upsert per key in key order; an
// update per row, one upsert of both keys in key order (Migration20261201090001), and only when the
// municipality, kind or status changed.
export class Migration20261202150001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "office_count" ("municipality_id" uuid not null, "kind" text check ("kind" in ('MEDICAL', 'SERVICE', 'CARE_MANAGEMENT')) not null, "status" text check ("status" in ('ACTIVE', 'INACTIVE')) not null, "n" int not null, constraint "office_count_pkey" primary key ("municipality_id", "kind", "status"));`);

    this.addSql(`alter table "office_count" add constraint "office_count_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function office_count_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into office_count as c (municipality_id, kind, status, n)
      select municipality_id, kind, status, count(*) from added group by 1, 2, 3 order by 1, 2, 3
      on conflict (municipality_id, kind, status) do update set n = c.n + excluded.n;
  else
    insert into office_count as c (municipality_id, kind, status, n)
      select municipality_id, kind, status, -count(*) from removed group by 1, 2, 3 order by 1, 2, 3
      on conflict (municipality_id, kind, status) do update set n = c.n + excluded.n;
  end if;
  return null;
end $$;`);
    this.addSql(`create function office_count_changed() returns trigger language plpgsql as $$
begin
  insert into office_count as c (municipality_id, kind, status, n)
    select k.municipality_id, k.kind, k.status, sum(k.n)
      from (values (old.municipality_id, old.kind, old.status, -1), (new.municipality_id, new.kind, new.status, 1)) as k(municipality_id, kind, status, n)
     group by 1, 2, 3 having sum(k.n) <> 0 order by 1, 2, 3
    on conflict (municipality_id, kind, status) do update set n = c.n + excluded.n;
  return null;
end $$;`);
    this.addSql(`create trigger "office_count_added" after insert on "office" referencing new table as added for each statement execute function office_count_keep();`);
    this.addSql(`create trigger "office_count_removed" after delete on "office" referencing old table as removed for each statement execute function office_count_keep();`);
    this.addSql(`create trigger "office_count_changed" after update of "municipality_id", "kind", "status" on "office" for each row
  when (old.municipality_id is distinct from new.municipality_id or old.kind is distinct from new.kind or old.status is distinct from new.status)
  execute function office_count_changed();`);

    this.addSql(rebuild(ROOMS_REBUILD + OFFICES_REBUILD));
    this.addSql(`select report_counts_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const t of ['added', 'removed', 'changed']) this.addSql(`drop trigger "office_count_${t}" on "office";`);
    this.addSql(`drop function office_count_keep();`);
    this.addSql(`drop function office_count_changed();`);
    this.addSql(rebuild(ROOMS_REBUILD));
    this.addSql(`drop table if exists "office_count" cascade;`);
  }

}

const OFFICES_REBUILD = `
  delete from office_count;
  insert into office_count (municipality_id, kind, status, n) select municipality_id, kind, status, count(*) from office group by 1, 2, 3;`;

/** report_counts_rebuild() as Migration20261201142133 left it, and then `more`. */
const rebuild = (more: string) =>
  REBUILD.replace('$POSTS', POSTS_REBUILD + TOTALS_REBUILD + more).replace('delete from application_step_count;', 'delete from application_step_count;\n  delete from application_step_day_count;');
