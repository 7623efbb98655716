// Queue an e-mail in the caller's unit of work: it is sent only if the action commits.
import type { EntityManager } from '@mikro-orm/postgresql';
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
 * enqueueMail as SQL, for a write that is one statement (posts, forwarded applications): the same
 * row, once per row of `from` (the statement's own CTEs and tables), addressed to the SQL
 * expression `to`; the Message-ID made by PostgreSQL on newMessageId's domain.
 */
export function enqueueMailSql(mail: Omit<OutgoingMail, 'to'>, to: string, from: { sql: string; params: unknown[] }, now = new Date()): { sql: string; params: unknown[] } {
  return {
    sql: `insert into notification (id, municipality_id, kind, category, carries_credential, message_id, "to", subject, body, status, attempts, next_attempt_at, created_at)
          select gen_random_uuid(), ?::uuid, ?, ?, ?, '<' || gen_random_uuid() || '@' || ? || '>', ${to}, ?, ?, ?, 0, ?::timestamptz, ?::timestamptz
            from ${from.sql}`,
    params: [
      mail.municipalityId ?? null,
      mail.kind,
      mail.category ?? NotificationCategory.OTHER,
      mail.carriesCredential ?? false,
      messageIdDomain(),
      mail.subject,
      mail.body,
      NotificationStatus.PENDING,
      now,
      now,
      ...from.params,
    ],
  };
}
