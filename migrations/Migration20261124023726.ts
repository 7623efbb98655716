import { Migration } from '@mikro-orm/migrations';

export class Migration20261124023726 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" uuid not null, "municipality_id" uuid null, "kind" varchar(60) not null, "to" varchar(254) not null, "subject" varchar(300) not null, "body" text not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_municipality_id_created_at_index" on "notification" ("municipality_id", "created_at");`);
    this.addSql(`create index "notification_status_next_attempt_at_index" on "notification" ("status", "next_attempt_at");`);

    this.addSql(`create table "application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "municipality_id" uuid not null, "type" text check ("type" in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP')) not null, "state" text check ("state" in ('SUBMITTED', 'RETURNED', 'REJECTED', 'FORWARDED', 'COMPLETED', 'WITHDRAWN')) not null default 'SUBMITTED', "channel" text check ("channel" in ('OFFICE', 'CITY', 'PUBLIC')) not null, "office_id" uuid null, "applicant_id" uuid null, "applicant_name" varchar(200) not null, "applicant_email" varchar(254) not null, "summary" varchar(500) not null, "payload" jsonb not null, "submitted_at" timestamptz not null, "forwarded_at" timestamptz null, "completed_at" timestamptz null, constraint "application_pkey" primary key ("id"));`);
    this.addSql(`create index "application_state_submitted_at_index" on "application" ("state", "submitted_at");`);
    this.addSql(`create index "application_office_id_state_index" on "application" ("office_id", "state");`);
    this.addSql(`create index "application_municipality_id_state_submitted_at_index" on "application" ("municipality_id", "state", "submitted_at");`);

    this.addSql(`create table "pledge" ("id" uuid not null, "kind" text check ("kind" in ('OFFICE', 'EMPLOYEE')) not null, "office_id" uuid not null, "user_id" uuid null, "application_id" uuid not null, "signer_name" varchar(200) not null, "pledged_on" date not null, constraint "pledge_pkey" primary key ("id"));`);
    this.addSql(`create index "pledge_office_id_index" on "pledge" ("office_id");`);
    this.addSql(`create index "pledge_user_id_index" on "pledge" ("user_id");`);

    this.addSql(`create table "attachment" ("id" uuid not null, "application_id" uuid not null, "filename" varchar(200) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "data" bytea not null, "created_at" timestamptz not null, "uploaded_by" uuid null, constraint "attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "attachment_application_id_index" on "attachment" ("application_id");`);

    this.addSql(`create table "application_event" ("id" uuid not null, "application_id" uuid not null, "action" text check ("action" in ('SUBMIT', 'RESUBMIT', 'RETURN', 'REJECT', 'FORWARD', 'COMPLETE', 'WITHDRAW')) not null, "from_state" text check ("from_state" in ('SUBMITTED', 'RETURNED', 'REJECTED', 'FORWARDED', 'COMPLETED', 'WITHDRAWN')) null, "to_state" text check ("to_state" in ('SUBMITTED', 'RETURNED', 'REJECTED', 'FORWARDED', 'COMPLETED', 'WITHDRAWN')) not null, "actor_id" uuid null, "actor_name" varchar(200) not null, "actor_role" varchar(10) null, "comment" text null, "at" timestamptz not null, constraint "application_event_pkey" primary key ("id"));`);
    this.addSql(`create index "application_event_application_id_index" on "application_event" ("application_id");`);

    this.addSql(`create table "activation_code" ("id" uuid not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "activation_code_pkey" primary key ("id"));`);
    this.addSql(`create index "activation_code_user_id_index" on "activation_code" ("user_id");`);

    this.addSql(`alter table "application" add constraint "application_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "application" add constraint "application_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "application" add constraint "application_applicant_id_foreign" foreign key ("applicant_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pledge" add constraint "pledge_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pledge" add constraint "pledge_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pledge" add constraint "pledge_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "attachment" add constraint "attachment_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "application_event" add constraint "application_event_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "activation_code" add constraint "activation_code_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pledge" drop constraint "pledge_application_id_foreign";`);

    this.addSql(`alter table "attachment" drop constraint "attachment_application_id_foreign";`);

    this.addSql(`alter table "application_event" drop constraint "application_event_application_id_foreign";`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "application" cascade;`);

    this.addSql(`drop table if exists "pledge" cascade;`);

    this.addSql(`drop table if exists "attachment" cascade;`);

    this.addSql(`drop table if exists "application_event" cascade;`);

    this.addSql(`drop table if exists "activation_code" cascade;`);
  }

}
