// Writes audit events into the caller's unit of work, so they commit (or roll back) with the change.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent, AuditOutcome } from './audit-event.entity.js';
import type { Viewer } from '../context.js';
import { SqlValue, rowSql } from '../common/insert-row.js';
import { sqlRows } from '../db/rows.js';

export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  target?: { type: string; id: string } | null;
  /** overrides for events whose actor is not (yet) the viewer, e.g. a sign-in attempt */
  actor?: { id?: string | null; loginId?: string | null; role?: string | null; municipalityId?: string | null; officeId?: string | null };
  municipalityId?: string | null;
  officeId?: string | null;
  patientId?: string | null;
  roomId?: string | null;
  /** what changed: field names and non-secret values only */
  detail?: Record<string, unknown> | null;
}

/**
 * A list read's access log, written in the read's own statement (Audit#readLogInsert): one row
 * per listed row, naming what `columns` (SQL over the listed table's alias) give, or the `empty`
 * row when nothing was listed (an empty page still leaves its trace).
 */
export interface StatementReadLog {
  action: string;
  targetType: string;
  columns: Record<ReadLogColumn, (alias: string) => string>;
  /** each row's detail as SQL of a jsonb value (e.g. the ids of the page the statement read); none by default */
  detail?: { sql: string; params: unknown[] };
  /** the row written when the source has no row (a list's empty page); none for a detail read */
  empty?: Omit<AuditEntry, 'action'>;
}
export type ReadLogColumn = 'targetId' | 'patientId' | 'roomId' | 'municipalityId';
/** The hidden column of a page row that carries one of its read-log ids. */
export const READ_LOG_COLUMN = (c: ReadLogColumn) => `"__log_${c}"`;

export class Audit {
  /** reads waiting for this turn's INSERT (recordRead) */
  private pendingReads: { row: ReturnType<Audit['row']>; resolve: () => void; reject: (e: unknown) => void }[] = [];
  /** reads logged without waiting (logRead), and the first that failed */
  private outstandingReads: Promise<void>[] = [];
  private readFailure: unknown = null;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: () => Viewer | null,
    private readonly ip: string | null,
  ) {}

  /** Adds the event to the unit of work; the caller's flush/transaction writes it. */
  record(entry: AuditEntry): AuditEvent {
    const event = this.em.create(AuditEvent, this.row(entry));
    this.em.persist(event);
    return event;
  }

  /**
   * Writes a read of patient data now (in the caller's transaction if any): the promise settles
   * only when its row is in, so no answer is sent without its access-log row. The reads that
   * resolvers log in the same turn of the event loop (a room page logs the room, its consent and
   * its posts) go in one multi-row INSERT; if it fails, every one of them fails.
   */
  recordRead(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pendingReads.push({ row: this.row(entry), resolve, reject });
      if (this.pendingReads.length === 1) setImmediate(() => void this.writeReads());
    });
  }

  /**
   * Logs a read of patient data from a GraphQL resolver. Outside a transaction it does not hold
   * the resolver up: the row is written while the rest of the answer is fetched, and
   * audit/read-log.plugin.ts holds the response until every such row is in, or sends an error
   * instead of the data. Inside a transaction (a change that also reads) it is awaited with it.
   */
  logRead(entry: AuditEntry): Promise<void> {
    const written = this.recordRead(entry);
    if (this.em.isInTransaction()) return written;
    this.outstandingReads.push(
      written.catch((e: unknown) => {
        this.readFailure ??= e;
      }),
    );
    return Promise.resolve();
  }

  /**
   * One access-log row written by the read's own statement (as readLogInsert), its detail built
   * there too: `detail` is SQL of a jsonb value (e.g. the ids of the page the statement read).
   */
  readLogRowInsert(entry: Omit<AuditEntry, 'detail'>, detail: { sql: string; params: unknown[] }): { sql: string; params: unknown[] } {
    const r = rowSql(this.em, AuditEvent, { ...this.row(entry), detail: new SqlValue(detail.sql, detail.params) });
    return { sql: `insert into ${r.table} ${r.columns} values (${r.values})`, params: r.params };
  }

  /**
   * A read whose log was part of its own statement failed: the whole answer is withheld as when a
   * logRead row cannot be written (audit/read-log.plugin.ts), not only the field that read.
   */
  readLogFailed(e: unknown): void {
    this.readFailure ??= e;
  }

  /** Settles when every read logged so far is written; rejects with the first failure. */
  async readsWritten(): Promise<void> {
    while (this.outstandingReads.length) {
      const batch = this.outstandingReads;
      this.outstandingReads = [];
      await Promise.all(batch);
    }
    if (this.readFailure) throw this.readFailure;
  }

  private async writeReads(): Promise<void> {
    const batch = this.pendingReads;
    this.pendingReads = [];
    try {
      // one multi-row INSERT as a prepared statement (api/db/rows.ts): em.insertMany would build it
      // with the query builder and inline every value on each read (the audit page names up to 50 patients)
      const rows = batch.map((b) => rowSql(this.em, AuditEvent, b.row));
      await sqlRows(
        this.em,
        `insert into ${rows[0].table} ${rows[0].columns} values ${rows.map((r) => `(${r.values})`).join(', ')}`,
        rows.flatMap((r) => r.params),
      );
      for (const b of batch) b.resolve();
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  }

  /**
   * The access log of a list read written by the read's own statement (read-rows.ts, readPage's
   * `log`): an INSERT … SELECT of one row per row of the CTE `source` (or, for an empty page, the
   * one `empty` row), to run as a data-modifying CTE. PostgreSQL runs it to completion with the
   * statement, so the page and its log commit together, in one round trip instead of two; the rows
   * are the ones recordRead writes (same columns, same actor and time), with the per-row ids read
   * from the source's `__log_…` columns (READ_LOG_COLUMN), which the read adds (readPage's
   * `log.columns`, rooms/room.access.ts roomAccessSource).
   */
  readLogInsert(source: string, log: Omit<StatementReadLog, 'columns'>): { sql: string; params: unknown[] } {
    const id = (c: ReadLogColumn) => new SqlValue(`s.${READ_LOG_COLUMN(c)}`);
    const base = this.row({ action: log.action, target: { type: log.targetType, id: '' } });
    const each = rowSql(this.em, AuditEvent, {
      ...base,
      municipalityId: new SqlValue(`coalesce(s.${READ_LOG_COLUMN('municipalityId')}, ?::uuid)`, [base.municipalityId]),
      targetId: id('targetId'),
      patientId: id('patientId'),
      roomId: id('roomId'),
      detail: log.detail ? new SqlValue(log.detail.sql, log.detail.params) : null,
    });
    let sql = `insert into ${each.table} ${each.columns} select ${each.values} from ${source} s`;
    const params = [...each.params];
    if (log.empty) {
      // the same keys in the same order (row()), so the same columns
      const empty = rowSql(this.em, AuditEvent, this.row({ ...log.empty, action: log.action }));
      sql += ` union all select ${empty.values} where not exists (select 1 from ${source})`;
      params.push(...empty.params);
    }
    return { sql, params };
  }

  /** The row record() and recordRead() write (also for statements that insert it themselves: posts/post.service.ts). */
  row(entry: AuditEntry) {
    const v = this.viewer();
    return {
      action: entry.action,
      outcome: entry.outcome ?? AuditOutcome.SUCCESS,
      actorId: entry.actor?.id ?? v?.id ?? null,
      actorLoginId: entry.actor?.loginId ?? v?.loginId ?? null,
      actorRole: entry.actor?.role ?? v?.role ?? null,
      municipalityId: entry.municipalityId ?? entry.actor?.municipalityId ?? v?.municipalityId ?? null,
      officeId: entry.officeId ?? entry.actor?.officeId ?? v?.officeId ?? null,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      patientId: entry.patientId ?? null,
      roomId: entry.roomId ?? null,
      ip: this.ip,
      detail: entry.detail ?? null,
      occurredAt: new Date(),
    };
  }
}

/** Field names that changed between two plain snapshots, for the audit detail (values of secrets never appear). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
