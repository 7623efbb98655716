// Queue an e-mail in the caller's unit of work: it is sent only if the action commits.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Notification, NotificationCategory } from './notification.entity.js';

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
