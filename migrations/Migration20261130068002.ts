import { Migration } from '@mikro-orm/migrations';

// New-post notices grouped per room and member (api/mail/post-notices.ts).
export class Migration20261130068002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "post_notice" ("room_id" uuid not null, "user_id" uuid not null, "noticed_at" timestamptz not null, constraint "post_notice_pkey" primary key ("room_id", "user_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "post_notice" cascade;`);
  }

}
