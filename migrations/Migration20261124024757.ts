import { Migration } from '@mikro-orm/migrations';

export class Migration20261124024757 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "patient" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "municipality_id" uuid not null, "name" varchar(100) not null, "name_kana" varchar(100) not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "postal_code" varchar(8) null, "address" varchar(300) not null, "phone" varchar(20) null, "care_level" text check ("care_level" in ('NONE', 'APPLYING', 'SUPPORT_1', 'SUPPORT_2', 'CARE_1', 'CARE_2', 'CARE_3', 'CARE_4', 'CARE_5')) not null, "insured_number" varchar(10) null, constraint "patient_pkey" primary key ("id"));`);
    this.addSql(`create index "patient_municipality_id_name_kana_index" on "patient" ("municipality_id", "name_kana");`);

    this.addSql(`create table "consent" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "patient_id" uuid not null, "consent_date" date not null, "signer" text check ("signer" in ('SELF', 'PROXY')) not null, "proxy_name" varchar(100) null, "proxy_relationship" varchar(50) null, "explaining_office_id" uuid not null, "explaining_person_name" varchar(100) not null, "covered_office_ids" text[] not null, "form_attachment_id" uuid null, "withdrawn_at" timestamptz null, "withdrawal_note" text null, "withdrawn_by" uuid null, constraint "consent_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_patient_id_index" on "consent" ("patient_id");`);

    this.addSql(`create table "room" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "municipality_id" uuid not null, "patient_id" uuid not null, "consent_id" uuid not null, "name" varchar(100) not null, "status" text check ("status" in ('ACTIVE', 'CLOSING', 'CLOSED')) not null default 'ACTIVE', "care_report_titles" text[] not null default '{}', "closed_at" timestamptz null, "closed_reason" text check ("closed_reason" in ('DEATH', 'FACILITY_ADMISSION', 'OTHER')) null, constraint "room_pkey" primary key ("id"));`);
    this.addSql(`create index "room_patient_id_index" on "room" ("patient_id");`);
    this.addSql(`create index "room_municipality_id_status_index" on "room" ("municipality_id", "status");`);

    this.addSql(`create table "room_member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "room_id" uuid not null, "user_id" uuid not null, "permission" text check ("permission" in ('VIEWER', 'CONTRIBUTOR', 'COORDINATOR')) not null default 'CONTRIBUTOR', "from_date" date not null, "until_date" date null, "ended_reason" varchar(40) null, constraint "room_member_pkey" primary key ("id"));`);
    this.addSql(`create index "room_member_room_id_user_id_index" on "room_member" ("room_id", "user_id");`);
    this.addSql(`create index "room_member_user_id_until_date_index" on "room_member" ("user_id", "until_date");`);

    this.addSql(`create table "post" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "room_id" uuid not null, "author_id" uuid not null, "kind" text check ("kind" in ('NOTE', 'CARE_REPORT', 'CLOSING_REQUEST')) not null, "title" varchar(100) null, "body" text not null, "vitals" jsonb null, "closing_reason" text check ("closing_reason" in ('DEATH', 'FACILITY_ADMISSION', 'OTHER')) null, "edited_at" timestamptz null, constraint "post_pkey" primary key ("id"));`);
    this.addSql(`create index "post_room_id_title_index" on "post" ("room_id", "title");`);
    this.addSql(`create index "post_room_id_author_id_index" on "post" ("room_id", "author_id");`);
    this.addSql(`create index "post_room_id_created_at_index" on "post" ("room_id", "created_at");`);

    this.addSql(`create table "post_revision" ("id" uuid not null, "post_id" uuid not null, "title" varchar(100) null, "body" text not null, "vitals" jsonb null, "replaced_at" timestamptz not null, constraint "post_revision_pkey" primary key ("id"));`);
    this.addSql(`create index "post_revision_post_id_index" on "post_revision" ("post_id");`);

    this.addSql(`create table "post_read" ("id" uuid not null, "post_id" uuid not null, "room_id" uuid not null, "user_id" uuid not null, "read_at" timestamptz not null, constraint "post_read_pkey" primary key ("id"));`);
    this.addSql(`create index "post_read_user_id_room_id_index" on "post_read" ("user_id", "room_id");`);
    this.addSql(`alter table "post_read" add constraint "post_read_post_id_user_id_unique" unique ("post_id", "user_id");`);

    this.addSql(`create table "post_attachment" ("id" uuid not null, "post_id" uuid not null, "filename" varchar(200) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "data" bytea not null, "created_at" timestamptz not null, constraint "post_attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "post_attachment_post_id_index" on "post_attachment" ("post_id");`);

    this.addSql(`alter table "patient" add constraint "patient_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "consent" add constraint "consent_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "consent" add constraint "consent_explaining_office_id_foreign" foreign key ("explaining_office_id") references "office" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "room" add constraint "room_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "room" add constraint "room_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "room" add constraint "room_consent_id_foreign" foreign key ("consent_id") references "consent" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "room_member" add constraint "room_member_room_id_foreign" foreign key ("room_id") references "room" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "room_member" add constraint "room_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "post" add constraint "post_room_id_foreign" foreign key ("room_id") references "room" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "post" add constraint "post_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "post_revision" add constraint "post_revision_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "post_read" add constraint "post_read_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "post_read" add constraint "post_read_room_id_foreign" foreign key ("room_id") references "room" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "post_read" add constraint "post_read_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "post_attachment" add constraint "post_attachment_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "application" drop constraint if exists "application_type_check";`);

    this.addSql(`alter table "municipality" add column "default_care_report_titles" text[] not null default '{訪問診療,訪問看護,訪問介護,訪問リハビリ,ケアマネジャー,その他}';`);

    this.addSql(`alter table "application" add constraint "application_type_check" check("type" in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP', 'ROOM_CREATION', 'ROOM_JOIN', 'ROOM_END'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "consent" drop constraint "consent_patient_id_foreign";`);

    this.addSql(`alter table "room" drop constraint "room_patient_id_foreign";`);

    this.addSql(`alter table "room" drop constraint "room_consent_id_foreign";`);

    this.addSql(`alter table "room_member" drop constraint "room_member_room_id_foreign";`);

    this.addSql(`alter table "post" drop constraint "post_room_id_foreign";`);

    this.addSql(`alter table "post_read" drop constraint "post_read_room_id_foreign";`);

    this.addSql(`alter table "post_revision" drop constraint "post_revision_post_id_foreign";`);

    this.addSql(`alter table "post_read" drop constraint "post_read_post_id_foreign";`);

    this.addSql(`alter table "post_attachment" drop constraint "post_attachment_post_id_foreign";`);

    this.addSql(`drop table if exists "patient" cascade;`);

    this.addSql(`drop table if exists "consent" cascade;`);

    this.addSql(`drop table if exists "room" cascade;`);

    this.addSql(`drop table if exists "room_member" cascade;`);

    this.addSql(`drop table if exists "post" cascade;`);

    this.addSql(`drop table if exists "post_revision" cascade;`);

    this.addSql(`drop table if exists "post_read" cascade;`);

    this.addSql(`drop table if exists "post_attachment" cascade;`);

    this.addSql(`alter table "application" drop constraint if exists "application_type_check";`);

    this.addSql(`alter table "application" add constraint "application_type_check" check("type" in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP'));`);

    this.addSql(`alter table "municipality" drop column "default_care_report_titles";`);
  }

}
