// Sends the outbox over SMTP (nodemailer), with retries. Safe with several API processes: each mail
// is claimed with FOR UPDATE SKIP LOCKED in its own transaction, which stays open while the mail is
// sent and commits its outcome. The claim is the row lock: if the process dies (kill -9, a crash,
// a lost machine), PostgreSQL ends the transaction when the connection drops and the mail is free for
// the next worker at once — no lease to wait out. A mail is sent twice only if the process dies in the
// instant between the SMTP server's "250 OK" and the commit; it then goes out again with the same
// Message-ID (stored when it was queued), which mail servers and clients recognise.
import nodemailer, { type Transporter } from 'nodemailer';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Notification, NotificationStatus } from './notification.entity.js';

export const MAX_ATTEMPTS = 6;
/** after attempt n fails, wait BACKOFF_SECONDS[n - 1] (1 min, 5 min, 30 min, 2 h, 6 h) */
const BACKOFF_SECONDS = [60, 300, 1800, 7200, 21600];

/** An SMTP server that stops answering must not hold a claim (and a database connection) for nodemailer's default 10 minutes. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export class MailWorker {
  private readonly transport: Transporter;

  constructor(
    private readonly orm: MikroORM,
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS } as never);
  }

  /** Sends what is due, one mail per transaction; returns how many were sent. */
  async runOnce(batchSize = 20): Promise<number> {
    let sent = 0;
    for (let i = 0; i < batchSize; i++) {
      const outcome = await this.orm.em.fork().transactional(async (tx) => {
        const [row] = await tx
          .getConnection()
          .execute<{ id: string }[]>(
            `select id from notification where status = 'PENDING' and next_attempt_at <= now() order by created_at limit 1 for update skip locked`,
            [],
            'all',
            tx.getTransactionContext(),
          );
        if (!row) return 'none' as const;
        const n = await tx.findOneOrFail(Notification, row.id);
        const attempts = n.attempts + 1;
        try {
          await this.transport.sendMail({ from: this.from, to: n.to, subject: n.subject, text: n.body, messageId: n.messageId });
          await tx.nativeUpdate(Notification, { id: n.id }, { status: NotificationStatus.SENT, attempts, sentAt: new Date(), lastError: null });
          return 'sent' as const;
        } catch (e) {
          const failed = attempts >= MAX_ATTEMPTS;
          await tx.nativeUpdate(
            Notification,
            { id: n.id },
            {
              attempts,
              status: failed ? NotificationStatus.FAILED : NotificationStatus.PENDING,
              nextAttemptAt: new Date(Date.now() + (BACKOFF_SECONDS[attempts - 1] ?? 21600) * 1000),
              // the SMTP server's answer, without credentials from the URL
              lastError: (e instanceof Error ? e.message : String(e)).replace(/\/\/[^@\s]*@/g, '//***@').slice(0, 500),
            },
          );
          return 'failed' as const;
        }
      });
      if (outcome === 'none') break;
      if (outcome === 'sent') sent += 1;
    }
    return sent;
  }

  close(): void {
    this.transport.close();
  }
}
