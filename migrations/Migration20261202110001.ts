import { Migration } from '@mikro-orm/migrations';
// the functions as the earlier migrations left them (a released migration does not change)
import { POSTS_REBUILD, REBUILD } from './Migration20261201050637.js';
import { TOTALS_REBUILD } from './Migration20261201090002.js';

// Rooms per municipality and status (api/reports/kept-counts.entity.ts RoomCount), kept by triggers as
// the other counts are: the rooms list's total for a whole municipality reads them, where counting the
// rooms grew with them (0.15 ms for 1,667 rooms, 0.88 ms for 8,334: the benchmark's scale 1 and 5).
// Inserts and deletes per statement, one upsert per key in key order; an update per row, one upsert of
// both keys in key order (Migration20261201090001), and only when the municipality or status changed.
export class Migration20261202110001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "room_count" ("municipality_id" uuid not null, "status" text check ("status" in ('ACTIVE', 'CLOSING', 'CLOSED')) not null, "n" int not null, constraint "room_count_pkey" primary key ("municipality_id", "status"));`);

    this.addSql(`alter table "room_count" add constraint "room_count_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function room_count_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into room_count as c (municipality_id, status, n)
      select municipality_id, status, count(*) from added group by 1, 2 order by 1, 2
      on conflict (municipality_id, status) do update set n = c.n + excluded.n;
  else
    insert into room_count as c (municipality_id, status, n)
      select municipality_id, status, -count(*) from removed group by 1, 2 order by 1, 2
      on conflict (municipality_id, status) do update set n = c.n + excluded.n;
  end if;
  return null;
end $$;`);
    this.addSql(`create function room_count_changed() returns trigger language plpgsql as $$
begin
  insert into room_count as c (municipality_id, status, n)
    select k.municipality_id, k.status, sum(k.n)
      from (values (old.municipality_id, old.status, -1), (new.municipality_id, new.status, 1)) as k(municipality_id, status, n)
     group by 1, 2 having sum(k.n) <> 0 order by 1, 2
    on conflict (municipality_id, status) do update set n = c.n + excluded.n;
  return null;
end $$;`);
    this.addSql(`create trigger "room_count_added" after insert on "room" referencing new table as added for each statement execute function room_count_keep();`);
    this.addSql(`create trigger "room_count_removed" after delete on "room" referencing old table as removed for each statement execute function room_count_keep();`);
    this.addSql(`create trigger "room_count_changed" after update of "municipality_id", "status" on "room" for each row
  when (old.municipality_id is distinct from new.municipality_id or old.status is distinct from new.status)
  execute function room_count_changed();`);

    this.addSql(rebuild(ROOMS_REBUILD));
    this.addSql(`select report_counts_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const t of ['added', 'removed', 'changed']) this.addSql(`drop trigger "room_count_${t}" on "room";`);
    this.addSql(`drop function room_count_keep();`);
    this.addSql(`drop function room_count_changed();`);
    this.addSql(rebuild(''));
    this.addSql(`drop table if exists "room_count" cascade;`);
  }

}

export const ROOMS_REBUILD = `
  delete from room_count;
  insert into room_count (municipality_id, status, n) select municipality_id, status, count(*) from room group by 1, 2;`;

/** report_counts_rebuild() as Migration20261201142133 left it, and then `more`. */
const rebuild = (more: string) =>
  REBUILD.replace('$POSTS', POSTS_REBUILD + TOTALS_REBUILD + more).replace('delete from application_step_count;', 'delete from application_step_count;\n  delete from application_step_day_count;');
