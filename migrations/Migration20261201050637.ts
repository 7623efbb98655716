import { Migration } from '@mikro-orm/migrations';

// The activity report's counts (api/reports/kept-counts.entity.ts says why): posts and care reports
// per municipality, office and month, kept by triggers on post as the others are
// (Migration20261201023945). A post counts under its room's municipality and its author's office, as
// the report always counted it (an author with no office, the city's staff, is not counted); when an
// author moves to another office, their posts move with them. A post's room and author outlive it
// (restrict), so a delete still finds both.
export class Migration20261201050637 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "post_month_count" ("municipality_id" uuid not null, "office_id" uuid not null, "month" date not null, "posts" int not null, "care_reports" int not null, constraint "post_month_count_pkey" primary key ("municipality_id", "office_id", "month"));`);

    this.addSql(`alter table "post_month_count" add constraint "post_month_count_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "post_month_count" add constraint "post_month_count_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "post_month_count_office_id_month_index" on "post_month_count" ("office_id", "month");`);

    this.addSql(`create function post_month_count_add(room uuid, author uuid, kind text, at timestamptz, n int) returns void language sql as $$
  insert into post_month_count as c (municipality_id, office_id, month, posts, care_reports)
  select r.municipality_id, u.office_id, date_trunc('month', $4 at time zone 'Asia/Tokyo')::date, $5, case when $3 = 'CARE_REPORT' then $5 else 0 end
    from room r, app_user u where r.id = $1 and u.id = $2 and u.office_id is not null
  on conflict (municipality_id, office_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
$$;`);
    // inserts and deletes per statement, one upsert per key in key order; updates per row (none in the application)
    this.addSql(`create function post_month_count_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into post_month_count as c (municipality_id, office_id, month, posts, care_reports)
      select r.municipality_id, u.office_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date, count(*), count(*) filter (where p.kind = 'CARE_REPORT')
        from added p join room r on r.id = p.room_id join app_user u on u.id = p.author_id
       where u.office_id is not null group by 1, 2, 3 order by 1, 2, 3
      on conflict (municipality_id, office_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
  elsif tg_op = 'DELETE' then
    insert into post_month_count as c (municipality_id, office_id, month, posts, care_reports)
      select r.municipality_id, u.office_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date, -count(*), -count(*) filter (where p.kind = 'CARE_REPORT')
        from removed p join room r on r.id = p.room_id join app_user u on u.id = p.author_id
       where u.office_id is not null group by 1, 2, 3 order by 1, 2, 3
      on conflict (municipality_id, office_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
  else
    perform post_month_count_add(old.room_id, old.author_id, old.kind, old.created_at, -1);
    perform post_month_count_add(new.room_id, new.author_id, new.kind, new.created_at, 1);
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "post_month_count_added" after insert on "post" referencing new table as added for each statement execute function post_month_count_keep();`);
    this.addSql(`create trigger "post_month_count_removed" after delete on "post" referencing old table as removed for each statement execute function post_month_count_keep();`);
    this.addSql(`create trigger "post_month_count_changed" after update of "room_id", "author_id", "kind", "created_at" on "post" for each row
  when (old.room_id is distinct from new.room_id or old.author_id is distinct from new.author_id or old.kind is distinct from new.kind or old.created_at is distinct from new.created_at)
  execute function post_month_count_keep();`);

    // an author who moves to another office takes their posts' counts along (their posts are found
    // through the rooms they were ever a member of: post has no index by author alone)
    this.addSql(`create function post_month_count_author_moved() returns trigger language plpgsql as $$
begin
  insert into post_month_count as c (municipality_id, office_id, month, posts, care_reports)
    select r.municipality_id, o.office_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date, o.sign * count(*), o.sign * count(*) filter (where p.kind = 'CARE_REPORT')
      from post p join room r on r.id = p.room_id cross join (values (old.office_id, -1), (new.office_id, 1)) as o(office_id, sign)
     where p.room_id in (select m.room_id from room_member m where m.user_id = new.id) and p.author_id = new.id and o.office_id is not null
     group by 1, 2, 3, o.sign order by 1, 2, 3
    on conflict (municipality_id, office_id, month) do update set posts = c.posts + excluded.posts, care_reports = c.care_reports + excluded.care_reports;
  return null;
end $$;`);
    this.addSql(`create trigger "post_month_count_author_moved" after update of "office_id" on "app_user" for each row
  when (old.office_id is distinct from new.office_id) execute function post_month_count_author_moved();`);

    this.addSql(REBUILD.replace('$POSTS', POSTS_REBUILD));
    this.addSql(`select report_counts_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const t of ['added', 'removed', 'changed']) this.addSql(`drop trigger "post_month_count_${t}" on "post";`);
    this.addSql(`drop trigger "post_month_count_author_moved" on "app_user";`);
    this.addSql(`drop function post_month_count_author_moved();`);
    this.addSql(REBUILD.replace('$POSTS', '').replace(', post in share', ' in share'));
    this.addSql(`drop function post_month_count_keep();`);
    this.addSql(`drop function post_month_count_add(uuid, uuid, text, timestamptz, int);`);
    this.addSql(`drop table if exists "post_month_count" cascade;`);
  }

}

export const POSTS_REBUILD = `
  delete from post_month_count;
  insert into post_month_count (municipality_id, office_id, month, posts, care_reports)
    select r.municipality_id, u.office_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date, count(*), count(*) filter (where p.kind = 'CARE_REPORT')
      from post p join room r on r.id = p.room_id join app_user u on u.id = p.author_id
     where u.office_id is not null group by 1, 2, 3;`;

// report_counts_rebuild() as Migration20261201044943 left it, with the posts' counts ($POSTS) or without
export const REBUILD = `create or replace function report_counts_rebuild() returns void language plpgsql as $$
declare
  m uuid;
begin
  -- writers wait while the counts are rebuilt, so none is counted twice or missed
  lock table app_user, room, application, post in share mode;
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
  delete from application_count;
  delete from application_step_count;
  for m in select id from municipality loop
    perform application_counts_add((select jsonb_agg(application_counted(a) || '{"n": 1}') from application a where a.municipality_id = m));
  end loop;$POSTS
end $$;`;
