import { Migration } from '@mikro-orm/migrations';

// The SECRET_KEY check value (api/auth/secret-key-check.ts): a wrong key is refused at start.
export class Migration20261130069001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "secret_key_check" ("id" int not null, "sealed" text not null, "created_at" timestamptz not null, constraint "secret_key_check_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "secret_key_check" cascade;`);
  }

}
