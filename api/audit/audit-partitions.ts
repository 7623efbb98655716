// audit_event is range-partitioned by month (migration 20261130104001): one partition per UTC month, named
// audit_event_yYYYYmMM, plus audit_event_default for a row whose month has none (an insert never fails).
// The partitions of the coming months are made ahead by every API process's background jobs.
import type { MikroORM } from '@mikro-orm/postgresql';

/** Partitions made ahead of the current month: a job runner that stops for less than this never sends rows to the default. */
export const AUDIT_MONTHS_AHEAD = 3;

/** Creates this month's partition and the next AUDIT_MONTHS_AHEAD ones where missing; returns how many it created. */
export async function ensureAuditPartitions(orm: MikroORM, monthsAhead = AUDIT_MONTHS_AHEAD): Promise<number> {
  const [row] = await orm.em.fork().getConnection().execute<{ created: number }[]>('select audit_event_create_partitions(?) as created', [monthsAhead]);
  return row.created;
}

/** The first day (UTC) of the month a partition named audit_event_yYYYYmMM holds; null for any other table. */
export function partitionMonth(name: string): Date | null {
  const m = /^audit_event_y(\d{4})m(\d{2})$/.exec(name);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

/** The instant before which a partition's rows are past retention: now minus the retention, in months. */
export function retentionCutoff(now: Date, retentionMonths: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - retentionMonths; // Date.UTC carries a negative month into earlier years
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate(); // 31 March minus one month is 28/29 February
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}
