// Queue an e-mail in the caller's unit of work: it is sent only if the action commits.
import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlValue, rowSql } from '../common/insert-row.js';
import { Notification, NotificationCategory, NotificationStatus, messageIdDomain } from './notification.entity.js';

/**
 * What the mail is about (mail/notification.policy.ts decides who may read it in the outbox).
 * An account mail must say whether it carries a credential (an activation code, or a link to one);
 * a mail without a category is shown to its municipality's city only.
 */
export type MailCategory =
  | { category: NotificationCategory.ACCOUNT; carriesCredential: boolean }
  | { category?: Exclude<NotificationCategory, NotificationCategory.ACCOUNT>; carriesCredential?: boolean };

export type OutgoingMail = {
  kind: string;
  to: string;
  subject: string;
  body: string;
  municipalityId?: string | null;
} & MailCategory;

export function enqueueMail(em: EntityManager, mail: OutgoingMail): Notification {
  const n = em.create(Notification, {
    ...mail,
    category: mail.category ?? NotificationCategory.OTHER,
    carriesCredential: mail.carriesCredential ?? false,
    municipalityId: mail.municipalityId ?? null,
    nextAttemptAt: new Date(),
  } as never) as Notification;
  em.persist(n);
  return n;
}

/**
 * enqueueMail as SQL, for a write that is one statement (posts, forwarded applications): the row
 * enqueueMail would write (columns from the entity's metadata, common/insert-row.ts), once per row
 * of `from` (the statement's own CTEs and tables), addressed to the SQL expression `to`; the
 * Message-ID made by PostgreSQL on newMessageId's domain.
 */
export function enqueueMailSql(em: EntityManager, mail: Omit<OutgoingMail, 'to'>, to: string, from: { sql: string; params: unknown[] }, now = new Date()): { sql: string; params: unknown[] } {
  const row = rowSql(em, Notification, {
    id: new SqlValue('gen_random_uuid()'),
    municipalityId: mail.municipalityId ?? null,
    kind: mail.kind,
    category: mail.category ?? NotificationCategory.OTHER,
    carriesCredential: mail.carriesCredential ?? false,
    messageId: new SqlValue(`'<' || gen_random_uuid() || '@' || ? || '>'`, [messageIdDomain()]),
    to: new SqlValue(to),
    subject: mail.subject,
    body: mail.body,
    status: NotificationStatus.PENDING,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
  return { sql: `insert into ${row.table} ${row.columns} select ${row.values} from ${from.sql}`, params: [...row.params, ...from.params] };
}
