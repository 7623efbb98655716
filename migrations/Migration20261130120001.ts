import { Migration } from '@mikro-orm/migrations';

// The users page filtered by office (a CITY's scope is its municipality): one index serves the
// scope and the office together, so a name search ANDs it with the trigram index alone instead of
// also reading every account of the municipality (issue 14: users grew 1.5× from scale 1 to 5).
export class Migration20261130120001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "app_user_office_id_municipality_id_index" on "app_user" ("office_id", "municipality_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "app_user_office_id_municipality_id_index";`);
  }

}
