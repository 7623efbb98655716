import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

export enum AuditOutcome {
  SUCCESS = 'SUCCESS',
  FAILURE = 'FAILURE',
  DENIED = 'DENIED',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

/**
 * The audit trail: append-only (a database trigger refuses UPDATE and DELETE, on every monthly partition), written in the
 * same transaction as the change it records. Actor, municipality, office, patient and room are
 * kept as plain ids so the event survives whatever happens to the rows; `detail` never holds secrets.
 */
@ObjectType()
@Entity()
// One index per filter of the audit list (api/audit/audit.resolver.ts), each ending in the time it is
// sorted by; none for the target, which no query reads (every index is paid by every row written).
@Index({ properties: ['municipalityId', 'occurredAt'] })
@Index({ properties: ['actorId', 'occurredAt'] })
@Index({ properties: ['officeId', 'occurredAt'] })
@Index({ properties: ['patientId', 'occurredAt'] })
@Index({ properties: ['roomId', 'occurredAt'] })
// the panel filters by an action's prefix ("application."): a LIKE prefix uses a btree only with the
// pattern operator class under a collation other than C (the database's may be C.UTF-8 or ja_JP)
@Index({
  name: 'audit_event_action_occurred_at_index',
  expression: 'create index "audit_event_action_occurred_at_index" on "audit_event" ("action" varchar_pattern_ops, "occurred_at")',
})
// failures and refusals are the rare rows a reviewer looks for
@Index({
  name: 'audit_event_outcome_occurred_at_index',
  expression: `create index "audit_event_outcome_occurred_at_index" on "audit_event" ("outcome", "occurred_at") where "outcome" <> 'SUCCESS'`,
})
export class AuditEvent {
  [OptionalProps]?: 'occurredAt';

  // The table is range-partitioned by month on occurred_at (migration 20261130104001, npm run archive-audit), and
  // PostgreSQL requires a partitioned table's primary key to include the partition key: (id, occurred_at). id comes
  // from one sequence, so it still names one event on its own.
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => Date)
  @PrimaryKey({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  /** e.g. auth.login, auth.totp, office.create, user.update, patient.read */
  @Field()
  @Property({ length: 60 })
  action!: string;

  @Field(() => AuditOutcome)
  @Enum({ items: () => AuditOutcome })
  outcome!: AuditOutcome;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  /** Snapshot of the login ID as typed or known at the time (also for unknown users). */
  @Field(() => String, { nullable: true })
  @Property({ length: 64, nullable: true })
  actorLoginId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 10, nullable: true })
  actorRole?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  municipalityId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  officeId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 40, nullable: true })
  targetType?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  targetId?: string | null;

  /** Whose data was read or changed (rooms issue): the access log the MHLW guideline asks for. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  patientId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  roomId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 64, nullable: true })
  ip?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  detail?: Record<string, unknown> | null;
}
