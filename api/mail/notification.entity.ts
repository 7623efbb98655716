import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** gave up after the last retry */
  FAILED = 'FAILED',
}
registerEnumType(NotificationStatus, { name: 'NotificationStatus' });

/**
 * The mail outbox: written in the same transaction as the action it reports, sent later by the
 * worker (mail/worker.ts) with retries. Bodies never carry patient data or credentials.
 */
@ObjectType()
@Entity()
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['municipalityId', 'createdAt'] })
export class Notification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  municipalityId?: string | null;

  /** e.g. application.submitted */
  @Field()
  @Property({ length: 60 })
  kind!: string;

  @Field()
  @Property({ length: 254 })
  to!: string;

  @Field()
  @Property({ length: 300 })
  subject!: string;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field(() => NotificationStatus)
  @Enum({ items: () => NotificationStatus })
  status: NotificationStatus = NotificationStatus.PENDING;

  @Field(() => Int)
  @Property()
  attempts: number = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;
}
