import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** gave up after the last retry */
  FAILED = 'FAILED',
}
registerEnumType(NotificationStatus, { name: 'NotificationStatus' });

/**
 * What a mail is about, set when it is queued, so that who may read the outbox is a query
 * (mail/notification.policy.ts), never a guess from the text.
 */
export enum NotificationCategory {
  /** the account workflows: office registration, staff addition, ID stop, account issue */
  ACCOUNT = 'ACCOUNT',
  /** room forms (creation, join, end): about a patient, even when the text names none */
  ROOM = 'ROOM',
  /** "there is something new in your room" */
  POST = 'POST',
  /** anything not classified: shown to the municipality's city only */
  OTHER = 'OTHER',
}
registerEnumType(NotificationCategory, { name: 'NotificationCategory' });

/**
 * A Message-ID (RFC 5322) made when the mail is queued, on the sender's domain (MAIL_FROM, the
 * same variable config.ts reads). Sent as the header on every attempt, so a resend after a crash
 * between the SMTP server's acceptance and our commit is the same message to mail servers and clients.
 */
export function newMessageId(mailFrom = process.env.MAIL_FROM ?? ''): string {
  return `<${randomUUID()}@${messageIdDomain(mailFrom)}>`;
}

/** The domain of newMessageId (for outbox rows written by SQL: mail/post-notices.ts). */
export function messageIdDomain(mailFrom = process.env.MAIL_FROM ?? ''): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'zaitaku.localhost';
}

/**
 * The mail outbox: written in the same transaction as the action it reports, sent later by the
 * worker (mail/worker.ts) with retries. Bodies never carry patient data or credentials.
 */
@ObjectType()
@Entity()
@Index({ properties: ['status', 'nextAttemptAt'] })
// the outbox list, newest first with id breaking ties: a CITY's municipality, VENDOR's categories
@Index({ properties: ['municipalityId', 'createdAt', 'id'] })
@Index({ properties: ['category', 'createdAt', 'id'] })
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

  @Field(() => NotificationCategory)
  @Enum({ items: () => NotificationCategory, default: NotificationCategory.OTHER })
  category: NotificationCategory = NotificationCategory.OTHER;

  /** The body carries an activation code or a link to one: never shown to VENDOR. */
  @Property({ default: false })
  carriesCredential: boolean = false;

  /** The Message-ID header, stable across retries */
  @Property({ length: 255 })
  @Unique()
  messageId: string = newMessageId();

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
