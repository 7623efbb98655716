import { Migration } from '@mikro-orm/migrations';

export class Migration20261201204818 extends Migration {

  override async up(): Promise<void> {
    // no query reads the target; every audit row paid for it
    this.addSql(`drop index "audit_event_target_type_target_id_index";`);
    // the panel's action filter is a prefix (LIKE 'application.%'): usable under any collation with the pattern operator class
    this.addSql(`drop index "audit_event_action_occurred_at_index";`);
    this.addSql(`create index "audit_event_action_occurred_at_index" on "audit_event" ("action" varchar_pattern_ops, "occurred_at");`);

    this.addSql(`create index "audit_event_outcome_occurred_at_index" on "audit_event" ("outcome", "occurred_at") where "outcome" <> 'SUCCESS';`);
    this.addSql(`create index "audit_event_office_id_occurred_at_index" on "audit_event" ("office_id", "occurred_at");`);
    this.addSql(`create index "audit_event_room_id_occurred_at_index" on "audit_event" ("room_id", "occurred_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_event_outcome_occurred_at_index";`);
    this.addSql(`drop index "audit_event_office_id_occurred_at_index";`);
    this.addSql(`drop index "audit_event_room_id_occurred_at_index";`);

    this.addSql(`create index "audit_event_target_type_target_id_index" on "audit_event" ("target_type", "target_id");`);
    this.addSql(`drop index "audit_event_action_occurred_at_index";`);
    this.addSql(`create index "audit_event_action_occurred_at_index" on "audit_event" ("action", "occurred_at");`);
  }

}
