import { Migration } from '@mikro-orm/migrations';

// Rate-limit counters shared by every API process (rate-limiter-flexible's PostgreSQL store,
// api/http/rate-limits.ts): created here because the runtime role may not CREATE tables.
export class Migration20261130061001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "rate_limit" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limit_pkey" primary key ("key"));`);
    this.addSql(`create index "rate_limit_expire_index" on "rate_limit" ("expire");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit" cascade;`);
  }

}
