// Queue an e-mail in the caller's unit of work: it is sent only if the action commits.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Notification } from './notification.entity.js';

export interface OutgoingMail {
  kind: string;
  to: string;
  subject: string;
  body: string;
  municipalityId?: string | null;
}

export function enqueueMail(em: EntityManager, mail: OutgoingMail): Notification {
  const n = em.create(Notification, { ...mail, municipalityId: mail.municipalityId ?? null, nextAttemptAt: new Date() } as never) as Notification;
  em.persist(n);
  return n;
}
