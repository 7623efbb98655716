import { Migration } from '@mikro-orm/migrations';

// Files received by POST /uploads, waiting for the mutation that attaches them (api/uploads/).
export class Migration20261130066001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "pending_upload" ("id" uuid not null, "filename" varchar(200) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "data" bytea not null, "created_at" timestamptz not null, "owner_id" uuid null, "client_ip" varchar(64) null, "claim_token_hash" varchar(64) null, "expires_at" timestamptz not null, constraint "pending_upload_pkey" primary key ("id"));`);
    this.addSql(`create index "pending_upload_expires_at_index" on "pending_upload" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pending_upload" cascade;`);
  }

}
