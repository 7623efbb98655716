import { Migration } from '@mikro-orm/migrations';

// audit_event becomes range-partitioned by month (PostgreSQL's declarative partitioning), so the trail can grow for
// years and old months can be detached and archived whole (npm run archive-audit) without touching newer ones.
// Month bounds are in UTC. The primary key of a partitioned table must include the partition key: (id, occurred_at);
// id alone stays unique in practice (one sequence), but PostgreSQL can only enforce uniqueness per partition.
// The append-only protection is kept on every partition: the row trigger is cloned onto each partition by PostgreSQL,
// the TRUNCATE trigger (statement-level, not cloned) is added per partition by audit_event_create_partition, and the
// runtime role is refused UPDATE/DELETE/TRUNCATE on the partitions too (api/db/roles.ts).
export class Migration20261130104001 extends Migration {

  override async up(): Promise<void> {
    const columns = `"id", "occurred_at", "action", "outcome", "actor_id", "actor_login_id", "actor_role", "municipality_id", "office_id", "target_type", "target_id", "patient_id", "room_id", "ip", "detail"`;
    // the old table keeps its rows until they are copied; its names are freed for the new one
    this.addSql(`alter table "audit_event" rename to "audit_event_unpartitioned";`);
    this.addSql(`alter table "audit_event_unpartitioned" drop constraint "audit_event_pkey";`);
    for (const index of ['action_occurred_at', 'patient_id_occurred_at', 'target_type_target_id', 'actor_id_occurred_at', 'municipality_id_occurred_at']) {
      this.addSql(`drop index "audit_event_${index}_index";`);
    }
    this.addSql(`create table "audit_event" ("id" bigint not null default nextval('audit_event_id_seq'), "occurred_at" timestamptz not null default now(), "action" varchar(60) not null, "outcome" text check ("outcome" in ('SUCCESS', 'FAILURE', 'DENIED')) not null, "actor_id" uuid null, "actor_login_id" varchar(64) null, "actor_role" varchar(10) null, "municipality_id" uuid null, "office_id" uuid null, "target_type" varchar(40) null, "target_id" uuid null, "patient_id" uuid null, "room_id" uuid null, "ip" varchar(64) null, "detail" jsonb null, constraint "audit_event_pkey" primary key ("id", "occurred_at")) partition by range ("occurred_at");`);
    this.addSql(`alter sequence "audit_event_id_seq" owned by "audit_event"."id";`);
    this.addSql(`create index "audit_event_action_occurred_at_index" on "audit_event" ("action", "occurred_at");`);
    this.addSql(`create index "audit_event_patient_id_occurred_at_index" on "audit_event" ("patient_id", "occurred_at");`);
    this.addSql(`create index "audit_event_target_type_target_id_index" on "audit_event" ("target_type", "target_id");`);
    this.addSql(`create index "audit_event_actor_id_occurred_at_index" on "audit_event" ("actor_id", "occurred_at");`);
    this.addSql(`create index "audit_event_municipality_id_occurred_at_index" on "audit_event" ("municipality_id", "occurred_at");`);
    // append-only: the row trigger on the parent is cloned onto every partition, present and future
    this.addSql(`create trigger audit_event_no_update_delete before update or delete on "audit_event"
      for each row execute function audit_event_append_only();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event"
      for each statement execute function audit_event_append_only();`);
    // a row whose month has no partition (yet) lands here instead of failing the insert
    this.addSql(`create table "audit_event_default" partition of "audit_event" default;`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event_default"
      for each statement execute function audit_event_append_only();`);

    // One month's partition, audit_event_yYYYYmMM for [month, month + 1) in UTC; false when it exists already or when
    // the default partition holds rows of that month (PostgreSQL would refuse; they stay there, still append-only).
    // SECURITY DEFINER: the runtime role (the job runner) may create partitions without owning the table.
    this.addSql(`create function audit_event_create_partition(month date) returns boolean
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare
        first timestamptz := (date_trunc('month', month)::timestamp at time zone 'UTC');
        next timestamptz := ((date_trunc('month', month) + interval '1 month')::timestamp at time zone 'UTC');
        name text := 'audit_event_' || to_char(date_trunc('month', month), '"y"YYYY"m"MM');
      begin
        perform pg_advisory_xact_lock(hashtext('audit_event_create_partition'));
        if to_regclass(name) is not null then return false; end if;
        if exists (select 1 from audit_event_default where occurred_at >= first and occurred_at < next) then
          raise notice 'audit_event_default holds rows of %: partition % not created', to_char(first at time zone 'UTC', 'YYYY-MM'), name;
          return false;
        end if;
        execute format('create table %I partition of audit_event for values from (%L) to (%L)', name, first, next);
        execute format('create trigger audit_event_no_truncate before truncate on %I for each statement execute function audit_event_append_only()', name);
        return true;
      end $$;`);
    // This month's partition and the next months_ahead ones; returns how many it created.
    this.addSql(`create function audit_event_create_partitions(months_ahead int) returns int
      language sql security definer set search_path = public, pg_temp as $$
        select count(*)::int from generate_series(0, months_ahead) as m
          where audit_event_create_partition((date_trunc('month', now() at time zone 'UTC') + make_interval(months => m))::date)
      $$;`);
    this.addSql(`revoke execute on function audit_event_create_partition(date), audit_event_create_partitions(int) from public;`);
    // every month that has rows, up to this month, and three months ahead; then the rows move over
    this.addSql(`select audit_event_create_partition(m::date) from generate_series(
      date_trunc('month', coalesce((select min(occurred_at) from audit_event_unpartitioned), now()) at time zone 'UTC'),
      date_trunc('month', now() at time zone 'UTC'), interval '1 month') as m;`);
    this.addSql(`select audit_event_create_partitions(3);`);
    this.addSql(`insert into "audit_event" (${columns}) select ${columns} from "audit_event_unpartitioned";`);
    this.addSql(`drop table "audit_event_unpartitioned";`);
  }

  override async down(): Promise<void> {
    const columns = `"id", "occurred_at", "action", "outcome", "actor_id", "actor_login_id", "actor_role", "municipality_id", "office_id", "target_type", "target_id", "patient_id", "room_id", "ip", "detail"`;
    this.addSql(`create table "audit_event_plain" ("id" bigint not null default nextval('audit_event_id_seq'), "occurred_at" timestamptz not null default now(), "action" varchar(60) not null, "outcome" text check ("outcome" in ('SUCCESS', 'FAILURE', 'DENIED')) not null, "actor_id" uuid null, "actor_login_id" varchar(64) null, "actor_role" varchar(10) null, "municipality_id" uuid null, "office_id" uuid null, "target_type" varchar(40) null, "target_id" uuid null, "patient_id" uuid null, "room_id" uuid null, "ip" varchar(64) null, "detail" jsonb null);`);
    this.addSql(`insert into "audit_event_plain" (${columns}) select ${columns} from "audit_event";`);
    this.addSql(`alter sequence "audit_event_id_seq" owned by "audit_event_plain"."id";`);
    this.addSql(`drop table "audit_event";`);
    this.addSql(`drop function audit_event_create_partitions(int);`);
    this.addSql(`drop function audit_event_create_partition(date);`);
    this.addSql(`alter table "audit_event_plain" rename to "audit_event";`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_pkey" primary key ("id");`);
    this.addSql(`create index "audit_event_action_occurred_at_index" on "audit_event" ("action", "occurred_at");`);
    this.addSql(`create index "audit_event_patient_id_occurred_at_index" on "audit_event" ("patient_id", "occurred_at");`);
    this.addSql(`create index "audit_event_target_type_target_id_index" on "audit_event" ("target_type", "target_id");`);
    this.addSql(`create index "audit_event_actor_id_occurred_at_index" on "audit_event" ("actor_id", "occurred_at");`);
    this.addSql(`create index "audit_event_municipality_id_occurred_at_index" on "audit_event" ("municipality_id", "occurred_at");`);
    this.addSql(`create trigger audit_event_no_update_delete before update or delete on "audit_event"
      for each row execute function audit_event_append_only();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event"
      for each statement execute function audit_event_append_only();`);
  }

}
