import { Migration } from '@mikro-orm/migrations';

// A municipality's FHIR export (api/fhir/bulk-export.ts): the job with its progress, and its NDJSON files.
export class Migration20261130105001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "fhir_export" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "municipality_id" uuid not null, "requested_by" uuid not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')) not null default 'QUEUED', "progress" int not null default 0, "total" int not null default 0, "output" jsonb not null default '[]', "finished_at" timestamptz null, constraint "fhir_export_pkey" primary key ("id"));`);
    this.addSql(`create index "fhir_export_status_created_at_index" on "fhir_export" ("status", "created_at");`);
    this.addSql(`create index "fhir_export_municipality_id_created_at_index" on "fhir_export" ("municipality_id", "created_at");`);
    this.addSql(`create table "fhir_export_file" ("id" uuid not null, "export_id" uuid not null, "type" varchar(40) not null, "data" bytea not null, constraint "fhir_export_file_pkey" primary key ("id"));`);
    this.addSql(`create index "fhir_export_file_export_id_index" on "fhir_export_file" ("export_id");`);
    this.addSql(`alter table "fhir_export" add constraint "fhir_export_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "fhir_export_file" add constraint "fhir_export_file_export_id_foreign" foreign key ("export_id") references "fhir_export" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fhir_export_file" cascade;`);
    this.addSql(`drop table if exists "fhir_export" cascade;`);
  }

}
