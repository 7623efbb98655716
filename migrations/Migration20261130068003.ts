import { Migration } from '@mikro-orm/migrations';

// 受付番号 (receipt number) search on applications: the id's first 8 characters.
export class Migration20261130068003 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "application_receipt_number" on "application" (upper(left(id::text, 8)));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_receipt_number";`);
  }

}
