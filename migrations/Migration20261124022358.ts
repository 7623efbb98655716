import { Migration } from '@mikro-orm/migrations';

export class Migration20261124022358 extends Migration {

  override async up(): Promise<void> {
    // trigram indexes serve the panel's contains-search on names
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`create table "audit_event" ("id" bigserial primary key, "occurred_at" timestamptz not null default now(), "action" varchar(60) not null, "outcome" text check ("outcome" in ('SUCCESS', 'FAILURE', 'DENIED')) not null, "actor_id" uuid null, "actor_login_id" varchar(64) null, "actor_role" varchar(10) null, "municipality_id" uuid null, "office_id" uuid null, "target_type" varchar(40) null, "target_id" uuid null, "patient_id" uuid null, "room_id" uuid null, "ip" varchar(64) null, "detail" jsonb null);`);
    this.addSql(`create index "audit_event_action_occurred_at_index" on "audit_event" ("action", "occurred_at");`);
    this.addSql(`create index "audit_event_patient_id_occurred_at_index" on "audit_event" ("patient_id", "occurred_at");`);
    this.addSql(`create index "audit_event_target_type_target_id_index" on "audit_event" ("target_type", "target_id");`);
    this.addSql(`create index "audit_event_actor_id_occurred_at_index" on "audit_event" ("actor_id", "occurred_at");`);
    this.addSql(`create index "audit_event_municipality_id_occurred_at_index" on "audit_event" ("municipality_id", "occurred_at");`);

    this.addSql(`create table "municipality" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(6) not null, "name" varchar(100) not null, "prefecture" varchar(20) not null, "contact_name" text null, "contact_email" text null, constraint "municipality_pkey" primary key ("id"));`);
    this.addSql(`alter table "municipality" add constraint "municipality_code_unique" unique ("code");`);

    this.addSql(`create table "office" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "municipality_id" uuid not null, "kind" text check ("kind" in ('MEDICAL', 'SERVICE', 'CARE_MANAGEMENT')) not null, "status" text check ("status" in ('ACTIVE', 'INACTIVE')) not null default 'ACTIVE', "name" varchar(200) not null, "name_kana" varchar(200) null, "office_number" varchar(10) null, "postal_code" varchar(8) null, "address" varchar(300) not null, "phone" varchar(20) not null, "service_types" text[] not null default '{}', "service_type_other" varchar(200) null, "corporation_name" varchar(200) not null, "corporation_name_kana" varchar(200) not null, "representative_name" varchar(100) not null, "representative_name_kana" varchar(100) not null, "corporation_postal_code" varchar(8) null, "corporation_address" varchar(300) not null, "corporation_phone" varchar(20) not null, "contact_email" varchar(254) not null, "credentials_delivery" text check ("credentials_delivery" in ('OFFICE_ADDRESS', 'OTHER_ADDRESS')) not null default 'OFFICE_ADDRESS', "credentials_postal_code" varchar(8) null, "credentials_address" varchar(300) null, "note" text null, constraint "office_pkey" primary key ("id"));`);
    this.addSql(`create unique index "office_office_number_unique" on "office" ("office_number") where "office_number" is not null;`);
    this.addSql(`create index "office_search_trgm" on "office" using gin ((name || ' ' || coalesce(name_kana, '')) gin_trgm_ops);`);
    this.addSql(`create index "office_municipality_id_status_index" on "office" ("municipality_id", "status");`);
    this.addSql(`create index "office_municipality_id_kind_index" on "office" ("municipality_id", "kind");`);
    this.addSql(`create index "office_municipality_id_name_index" on "office" ("municipality_id", "name");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "login_id" varchar(32) not null, "role" text check ("role" in ('CITY', 'VENDOR', 'OFFICE')) not null, "municipality_id" uuid null, "office_id" uuid null, "office_admin" boolean not null default false, "name" varchar(100) not null, "name_kana" varchar(100) not null, "job_type" text check ("job_type" in ('DOCTOR', 'DENTIST', 'PHARMACIST', 'NURSE', 'CARE_MANAGER', 'CARE_WORKER', 'THERAPIST', 'SOCIAL_WORKER', 'OFFICE_STAFF', 'ADMINISTRATOR', 'OTHER')) not null, "job_type_other" varchar(100) null, "care_manager_number" varchar(8) null, "ict_linkage" boolean not null default false, "email" varchar(254) null, "status" text check ("status" in ('PENDING', 'ACTIVE', 'LOCKED', 'STOPPED')) not null default 'ACTIVE', "stop_date" date null, "last_sign_in_at" timestamptz null, "password_hash" text null, "must_change_password" boolean not null default false, "totp_secret" text null, "totp_enabled_at" timestamptz null, "totp_last_time_step" bigint null, "failed_sign_ins" int not null default 0, "first_failed_sign_in_at" timestamptz null, "locked_until" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_login_id_unique" unique ("login_id");`);
    this.addSql(`create index "app_user_search_trgm" on "app_user" using gin ((name || ' ' || name_kana || ' ' || login_id) gin_trgm_ops);`);
    this.addSql(`create index "app_user_municipality_id_job_type_index" on "app_user" ("municipality_id", "job_type");`);
    this.addSql(`create index "app_user_municipality_id_role_index" on "app_user" ("municipality_id", "role");`);
    this.addSql(`create index "app_user_municipality_id_name_index" on "app_user" ("municipality_id", "name");`);
    this.addSql(`create index "app_user_office_id_status_index" on "app_user" ("office_id", "status");`);
    this.addSql(`create index "app_user_municipality_id_status_index" on "app_user" ("municipality_id", "status");`);

    this.addSql(`create table "session" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "stage" text check ("stage" in ('TOTP_REQUIRED', 'TOTP_ENROLLMENT', 'PASSWORD_CHANGE', 'SIGNED_IN')) not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" varchar(40) null, "pending_totp_secret" text null, "ip" varchar(64) null, "user_agent" varchar(300) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_id_revoked_at_index" on "session" ("user_id", "revoked_at");`);

    this.addSql(`create table "recovery_code" ("id" uuid not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "created_at" timestamptz not null, "used_at" timestamptz null, constraint "recovery_code_pkey" primary key ("id"));`);
    this.addSql(`create index "recovery_code_user_id_index" on "recovery_code" ("user_id");`);

    this.addSql(`alter table "office" add constraint "office_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "recovery_code" add constraint "recovery_code_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    // The audit trail is append-only in the database itself, whatever the application does.
    this.addSql(`create function audit_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger audit_event_no_update_delete before update or delete on "audit_event"
      for each row execute function audit_event_append_only();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event"
      for each statement execute function audit_event_append_only();`);
  }

}
