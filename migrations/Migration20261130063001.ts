import { Migration } from '@mikro-orm/migrations';

// Issue 10: the outbox is not a side channel (each mail's category and credential flag, so who
// reads it is a query), and a room form knows its patient from submission (reads are logged with it).
export class Migration20261130063001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "category" text check ("category" in ('ACCOUNT', 'ROOM', 'POST', 'OTHER')) not null default 'OTHER', add column "carries_credential" boolean not null default false;`);
    this.addSql(`create index "notification_category_created_at_index" on "notification" ("category", "created_at");`);
    // existing mail, classified by kind: new-post notices; forwarded forms are account forms (only
    // those are forwarded); other application notices by the form named in their subject (every room
    // form's name has 部屋). None of them carried a credential. Anything else stays OTHER (city only).
    this.addSql(`update "notification" set "category" = 'POST' where "kind" = 'post.created';`);
    this.addSql(`update "notification" set "category" = 'ACCOUNT' where "kind" = 'application.forwarded';`);
    this.addSql(`update "notification" set "category" = case when "subject" like '%部屋%' then 'ROOM' else 'ACCOUNT' end where "kind" like 'application.%' and "kind" <> 'application.forwarded';`);

    this.addSql(`alter table "application" add column "patient_id" uuid null;`);
    // room forms of existing rooms: the room's patient; 様式6 forms without a room yet: a new reference
    this.addSql(`update "application" a set "patient_id" = r."patient_id" from "room" r where a."type" in ('ROOM_CREATION', 'ROOM_JOIN', 'ROOM_END') and r."id"::text = a."payload"->>'roomId';`);
    this.addSql(`update "application" set "patient_id" = gen_random_uuid() where "type" = 'ROOM_CREATION' and "patient_id" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notification_category_created_at_index";`);
    this.addSql(`alter table "notification" drop column "category", drop column "carries_credential";`);
    this.addSql(`alter table "application" drop column "patient_id";`);
  }

}
