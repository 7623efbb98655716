import { Migration } from '@mikro-orm/migrations';

// The consents register is scoped by the consent's own municipality (its patient's, copied when the
// room is created; a patient never changes municipality), so that one index holds the scope and each
// order of the register (issue 14; tests/api/sort-indexes.test.ts). Existing rows take it from their
// patient. The patient's reading orders with id, for the register sorted by patient.

export class Migration20261130174202 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "patient_municipality_id_name_kana_index";`);

    this.addSql(`create index "patient_municipality_id_name_kana_id_index" on "patient" ("municipality_id", "name_kana", "id");`);

    this.addSql(`alter table "consent" add column "municipality_id" uuid null;`);
    this.addSql(`update "consent" c set "municipality_id" = p."municipality_id" from "patient" p where p."id" = c."patient_id";`);
    this.addSql(`alter table "consent" alter column "municipality_id" set not null;`);
    this.addSql(`alter table "consent" add constraint "consent_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "consent_municipality_id_withdrawn_at_desc_index" on "consent" ("municipality_id", "withdrawn_at" desc nulls last, "id" desc);`);
    this.addSql(`create index "consent_municipality_id_withdrawn_at_id_index" on "consent" ("municipality_id", "withdrawn_at", "id");`);
    this.addSql(`create index "consent_municipality_id_consent_date_id_index" on "consent" ("municipality_id", "consent_date", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "consent" drop constraint "consent_municipality_id_foreign";`);

    this.addSql(`drop index "consent_municipality_id_withdrawn_at_desc_index";`);
    this.addSql(`drop index "consent_municipality_id_withdrawn_at_id_index";`);
    this.addSql(`drop index "consent_municipality_id_consent_date_id_index";`);
    this.addSql(`alter table "consent" drop column "municipality_id";`);

    this.addSql(`drop index "patient_municipality_id_name_kana_id_index";`);

    this.addSql(`create index "patient_municipality_id_name_kana_index" on "patient" ("municipality_id", "name_kana");`);
  }

}
