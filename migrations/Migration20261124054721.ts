import { Migration } from '@mikro-orm/migrations';

export class Migration20261124054721 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "app_user_status_index" on "app_user" ("status");`);
    this.addSql(`create index "app_user_job_type_index" on "app_user" ("job_type");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "app_user_status_index";`);
    this.addSql(`drop index "app_user_job_type_index";`);
  }

}
