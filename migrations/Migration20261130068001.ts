import { Migration } from '@mikro-orm/migrations';

// The consents register (同意書の一覧) joins each consent to its room.
export class Migration20261130068001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "room_consent_id_index" on "room" ("consent_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "room_consent_id_index";`);
  }

}
