import { Migration } from '@mikro-orm/migrations';

// A stable Message-ID per outbox row, sent as the header: a resend after a crash is recognisably the same mail.
export class Migration20261130069501 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "message_id" varchar(255) null;`);
    // rows queued before: an id of their own, from the row's id
    this.addSql(`update "notification" set "message_id" = '<' || "id" || '@zaitaku.localhost>';`);
    this.addSql(`alter table "notification" alter column "message_id" set not null;`);
    this.addSql(`alter table "notification" add constraint "notification_message_id_unique" unique ("message_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop constraint "notification_message_id_unique";`);
    this.addSql(`alter table "notification" drop column "message_id";`);
  }

}
