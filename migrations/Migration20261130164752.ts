import { Migration } from '@mikro-orm/migrations';

// Every order a list offers is served by an index (issue 14; tests/api/sort-indexes.test.ts): for a
// CITY's municipality and for VENDOR's whole list, each sort column with `id` (the tie-break). The
// sorts by a kind, status, role or state are gone from the API (they are filters), so nothing orders
// by kanji names any more: (municipality_id, name) of users and offices gave way to their readings.
// A posts page and the outbox order by (created_at, id): their indexes carry id too.

export class Migration20261130164752 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "notification_category_created_at_index";`);
    this.addSql(`drop index "notification_municipality_id_created_at_index";`);

    this.addSql(`create index "notification_category_created_at_id_index" on "notification" ("category", "created_at", "id");`);
    this.addSql(`create index "notification_municipality_id_created_at_id_index" on "notification" ("municipality_id", "created_at", "id");`);

    this.addSql(`drop index "office_municipality_id_name_index";`);

    this.addSql(`create index "office_created_at_id_index" on "office" ("created_at", "id");`);
    this.addSql(`create index "office_office_number_id_index" on "office" ("office_number", "id");`);
    this.addSql(`create index "office_name_kana_id_index" on "office" ("name_kana", "id");`);
    this.addSql(`create index "office_municipality_id_created_at_id_index" on "office" ("municipality_id", "created_at", "id");`);
    this.addSql(`create index "office_municipality_id_office_number_id_index" on "office" ("municipality_id", "office_number", "id");`);
    this.addSql(`create index "office_municipality_id_name_kana_id_index" on "office" ("municipality_id", "name_kana", "id");`);

    this.addSql(`create index "room_municipality_id_name_id_index" on "room" ("municipality_id", "name", "id");`);
    this.addSql(`create index "room_municipality_id_created_at_id_index" on "room" ("municipality_id", "created_at", "id");`);

    this.addSql(`drop index "app_user_municipality_id_name_index";`);

    this.addSql(`create index "app_user_created_at_id_index" on "app_user" ("created_at", "id");`);
    this.addSql(`create index "app_user_last_sign_in_at_id_index" on "app_user" ("last_sign_in_at", "id");`);
    this.addSql(`create index "app_user_name_kana_id_index" on "app_user" ("name_kana", "id");`);
    this.addSql(`create index "app_user_municipality_id_created_at_id_index" on "app_user" ("municipality_id", "created_at", "id");`);
    this.addSql(`create index "app_user_municipality_id_last_sign_in_at_id_index" on "app_user" ("municipality_id", "last_sign_in_at", "id");`);
    this.addSql(`create index "app_user_municipality_id_login_id_index" on "app_user" ("municipality_id", "login_id");`);
    this.addSql(`create index "app_user_municipality_id_name_kana_id_index" on "app_user" ("municipality_id", "name_kana", "id");`);

    this.addSql(`drop index "post_room_id_created_at_index";`);

    this.addSql(`create index "post_room_id_created_at_id_index" on "post" ("room_id", "created_at", "id");`);

    this.addSql(`create index "application_updated_at_id_index" on "application" ("updated_at", "id");`);
    this.addSql(`create index "application_submitted_at_id_index" on "application" ("submitted_at", "id");`);
    this.addSql(`create index "application_municipality_id_updated_at_id_index" on "application" ("municipality_id", "updated_at", "id");`);
    this.addSql(`create index "application_municipality_id_submitted_at_id_index" on "application" ("municipality_id", "submitted_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "app_user_created_at_id_index";`);
    this.addSql(`drop index "app_user_last_sign_in_at_id_index";`);
    this.addSql(`drop index "app_user_name_kana_id_index";`);
    this.addSql(`drop index "app_user_municipality_id_created_at_id_index";`);
    this.addSql(`drop index "app_user_municipality_id_last_sign_in_at_id_index";`);
    this.addSql(`drop index "app_user_municipality_id_login_id_index";`);
    this.addSql(`drop index "app_user_municipality_id_name_kana_id_index";`);

    this.addSql(`create index "app_user_municipality_id_name_index" on "app_user" ("municipality_id", "name");`);

    this.addSql(`drop index "application_updated_at_id_index";`);
    this.addSql(`drop index "application_submitted_at_id_index";`);
    this.addSql(`drop index "application_municipality_id_updated_at_id_index";`);
    this.addSql(`drop index "application_municipality_id_submitted_at_id_index";`);

    this.addSql(`drop index "notification_category_created_at_id_index";`);
    this.addSql(`drop index "notification_municipality_id_created_at_id_index";`);

    this.addSql(`create index "notification_category_created_at_index" on "notification" ("category", "created_at");`);
    this.addSql(`create index "notification_municipality_id_created_at_index" on "notification" ("municipality_id", "created_at");`);

    this.addSql(`drop index "office_created_at_id_index";`);
    this.addSql(`drop index "office_office_number_id_index";`);
    this.addSql(`drop index "office_name_kana_id_index";`);
    this.addSql(`drop index "office_municipality_id_created_at_id_index";`);
    this.addSql(`drop index "office_municipality_id_office_number_id_index";`);
    this.addSql(`drop index "office_municipality_id_name_kana_id_index";`);

    this.addSql(`create index "office_municipality_id_name_index" on "office" ("municipality_id", "name");`);

    this.addSql(`drop index "post_room_id_created_at_id_index";`);

    this.addSql(`create index "post_room_id_created_at_index" on "post" ("room_id", "created_at");`);

    this.addSql(`drop index "room_municipality_id_name_id_index";`);
    this.addSql(`drop index "room_municipality_id_created_at_id_index";`);
  }

}
