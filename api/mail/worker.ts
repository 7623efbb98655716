// Sends the outbox over SMTP (nodemailer), with retries. Safe with several API processes: each
// batch is claimed with FOR UPDATE SKIP LOCKED and leased until its next attempt time.
import nodemailer, { type Transporter } from 'nodemailer';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Notification, NotificationStatus } from './notification.entity.js';

export const MAX_ATTEMPTS = 6;
/** after attempt n fails, wait BACKOFF_SECONDS[n - 1] (1 min, 5 min, 30 min, 2 h, 6 h) */
const BACKOFF_SECONDS = [60, 300, 1800, 7200, 21600];

export class MailWorker {
  private readonly transport: Transporter;

  constructor(
    private readonly orm: MikroORM,
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  /** Sends what is due; returns how many were sent. */
  async runOnce(batchSize = 20): Promise<number> {
    const em = this.orm.em.fork();
    const claimed = await em.transactional(async (tx) => {
      const rows = await tx.getConnection().execute<{ id: string }[]>(
        `select id from notification where status = 'PENDING' and next_attempt_at <= now() order by created_at limit ? for update skip locked`,
        [batchSize],
        'all',
        tx.getTransactionContext(),
      );
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      // lease: another worker will not pick these up before their retry time
      await tx.nativeUpdate(Notification, { id: { $in: ids } }, { nextAttemptAt: new Date(Date.now() + 10 * 60_000) });
      return tx.find(Notification, { id: { $in: ids } });
    });
    let sent = 0;
    for (const n of claimed) {
      const attempts = n.attempts + 1;
      try {
        await this.transport.sendMail({ from: this.from, to: n.to, subject: n.subject, text: n.body });
        await em.nativeUpdate(Notification, { id: n.id }, { status: NotificationStatus.SENT, attempts, sentAt: new Date(), lastError: null });
        sent += 1;
      } catch (e) {
        const failed = attempts >= MAX_ATTEMPTS;
        await em.nativeUpdate(
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
      }
    }
    return sent;
  }

  close(): void {
    this.transport.close();
  }
}
