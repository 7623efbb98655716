// Background work of every API process: the mail outbox, due ID stops, unclaimed uploads, the audit trail's coming months. Each run is safe to
// overlap with other processes' runs (row locks), so no single scheduler is needed.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { MailWorker } from './mail/worker.js';
import { applyDueStops } from './users/due-stops.js';
import { purgeExpiredUploads } from './uploads/upload.service.js';
import { runQueuedExports } from './fhir/bulk-export.js';
import { ensureAuditPartitions } from './audit/audit-partitions.js';

export interface Jobs {
  runOnce: () => Promise<void>;
  stop: () => void;
}

export function startJobs(orm: MikroORM, config: Config, log: (m: string) => void = console.error): Jobs {
  const mail = config.smtpUrl ? new MailWorker(orm, config.smtpUrl, config.mailFrom) : null;
  let running = false;
  // FHIR exports run for minutes: beside the other jobs, not in their way
  let exporting = false;
  const runExports = () => {
    if (exporting) return;
    exporting = true;
    runQueuedExports(orm, config.publicUrl.replace(/\/$/, ''))
      .catch((e: unknown) => log(`[jobs] FHIR export: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        exporting = false;
      });
  };
  const runOnce = async () => {
    runExports();
    if (running) return;
    running = true;
    try {
      // on its own: a failure here must not hold up the mail and the ID stops (the default partition takes the rows meanwhile)
      await ensureAuditPartitions(orm).catch((e) => log(`[jobs] audit partitions: ${e instanceof Error ? e.message : String(e)}`));
      await applyDueStops(orm.em.fork());
      await purgeExpiredUploads(orm.em.fork());
      if (mail) await mail.runOnce();
    } catch (e) {
      log(`[jobs] ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(runOnce, config.jobIntervalSeconds * 1000);
  timer.unref();
  void runOnce();
  return {
    runOnce,
    stop: () => {
      clearInterval(timer);
      mail?.close();
    },
  };
}
