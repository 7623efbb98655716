import { Migration } from '@mikro-orm/migrations';
// report_counts_rebuild() as that migration left it (a released migration does not change)
import { POSTS_REBUILD, REBUILD } from './Migration20261201050637.js';

// The activity chart's months (api/reports/kept-counts.entity.ts says why): posts and care reports
// per municipality (the room's) and month, kept by triggers on post as post_month_count is: inserts
// and deletes per statement, one upsert per key in key order; an update per row, both keys in one
// upsert in key order (Migration20261201090001). These are every post of the municipality's rooms,
// whoever wrote it, so an author's move to another office does not change them.
export class Migration20261201090002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "post_month_total" ("municipality_id" uuid not null, "month" date not null, "posts" int not null, "care_reports" int not null, constraint "post_month_total_pkey" primary key ("municipality_id", "month"));`);

    this.addSql(`alter table "post_month_total" add constraint "post_month_total_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function post_month_total_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into post_month_total as c (municipality_id, month, posts, care_reports)
      select r.municipality_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date, count(*), count(*) filter (where p.kind = 'CARE_REPORT')
        from added p join room r on r.id = p.room_id group by 1, 2 order by 1, 2
      on conflict (municipality_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
  else
    insert into post_month_total as c (municipality_id, month, posts, care_reports)
      select r.municipality_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date, -count(*), -count(*) filter (where p.kind = 'CARE_REPORT')
        from removed p join room r on r.id = p.room_id group by 1, 2 order by 1, 2
      on conflict (municipality_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
  end if;
  return null;
end $$;`);
    this.addSql(`create function post_month_total_changed() returns trigger language plpgsql as $$
begin
  insert into post_month_total as c (municipality_id, month, posts, care_reports)
    select r.municipality_id, date_trunc('month', k.at at time zone 'Asia/Tokyo')::date, sum(k.n), coalesce(sum(k.n) filter (where k.kind = 'CARE_REPORT'), 0)
      from (values (old.room_id, old.kind, old.created_at, -1), (new.room_id, new.kind, new.created_at, 1)) as k(room_id, kind, at, n)
      join room r on r.id = k.room_id
     group by 1, 2 having sum(k.n) <> 0 or coalesce(sum(k.n) filter (where k.kind = 'CARE_REPORT'), 0) <> 0 order by 1, 2
    on conflict (municipality_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
  return null;
end $$;`);
    this.addSql(`create trigger "post_month_total_added" after insert on "post" referencing new table as added for each statement execute function post_month_total_keep();`);
    this.addSql(`create trigger "post_month_total_removed" after delete on "post" referencing old table as removed for each statement execute function post_month_total_keep();`);
    this.addSql(`create trigger "post_month_total_changed" after update of "room_id", "kind", "created_at" on "post" for each row
  when (old.room_id is distinct from new.room_id or old.kind is distinct from new.kind or old.created_at is distinct from new.created_at)
  execute function post_month_total_changed();`);

    this.addSql(REBUILD.replace('$POSTS', POSTS_REBUILD + TOTALS_REBUILD));
    this.addSql(`select report_counts_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const t of ['added', 'removed', 'changed']) this.addSql(`drop trigger "post_month_total_${t}" on "post";`);
    this.addSql(`drop function post_month_total_changed();`);
    this.addSql(`drop function post_month_total_keep();`);
    this.addSql(REBUILD.replace('$POSTS', POSTS_REBUILD));
    this.addSql(`drop table if exists "post_month_total" cascade;`);
  }

}

export const TOTALS_REBUILD = `
  delete from post_month_total;
  insert into post_month_total (municipality_id, month, posts, care_reports)
    select r.municipality_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date, count(*), count(*) filter (where p.kind = 'CARE_REPORT')
      from post p join room r on r.id = p.room_id group by 1, 2;`;
