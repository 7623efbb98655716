// npm run archive-audit [-- <folder>]: moves the audit trail's months older than the retention period
// (AUDIT_RETENTION_MONTHS, default 60 = 5 years) out of the database, one monthly partition at a time, oldest first:
// DETACH it from audit_event, dump it with pg_dump (custom format) to <folder>/audit_event_yYYYYmMM.dump, check the
// dump holds every row, then DROP it, and write a `system.audit_archive` event (rows, file, SHA-256) on the trail.
// Newer partitions and the default partition are never touched. Same database choice as `npm run backup` (the owner
// connection: detaching and dropping need the table's owner). A run that stopped half-way is finished by the next
// one: a detached partition left behind is dumped and dropped like the others.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { partitionMonth, retentionCutoff } from '../audit/audit-partitions.js';
import { findTool, humanSize, openTarget, runTool, serverMajor, shownPath, userPath } from './dump.js';

export interface ArchivedPartition {
  partition: string;
  /** the month's bounds, [from, to) in UTC */
  from: string;
  to: string;
  rows: number;
  file: string;
  bytes: number;
  sha256: string;
}

export interface ArchiveResult {
  cutoff: Date;
  archived: ArchivedPartition[];
  /** rows past retention in audit_event_default (a month that had no partition): left in place, reported */
  defaultRowsPastRetention: number;
}

/** Rows of `table` in a custom-format dump, counted from pg_restore's own output (not from the database). */
function rowsInDump(pgRestore: string, file: string, table: string): number {
  const r = spawnSync(pgRestore, ['--data-only', `--table=${table}`, '--file=-', file], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`pg_restore cannot read ${file}: ${r.stderr.trim()}`);
  const lines = r.stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`COPY public.${table} `));
  if (start < 0) throw new Error(`${file} holds no data of ${table}`);
  const end = lines.indexOf('\\.', start);
  return end - start - 1;
}

export async function archiveAudit(config: Config, folder: string, o: { now?: Date; log?: (m: string) => void } = {}): Promise<ArchiveResult> {
  const log = o.log ?? console.log;
  const cutoff = retentionCutoff(o.now ?? new Date(), config.auditRetentionMonths);
  const target = await openTarget(config, { create: false, log });
  const { default: pg } = await import('pg');
  const db = new pg.Client({ connectionString: target.ownerUrl });
  await db.connect();
  try {
    const server = await serverMajor(target.ownerUrl);
    const pgDump = findTool('pg_dump', server.major, true);
    const pgRestore = findTool('pg_restore', server.major, false);
    // a partition is past retention when its month ends at or before the cutoff; detached ones left by a stopped run too
    const candidates = (
      await db.query<{ name: string; attached: boolean }>(
        `select c.relname as name, c.relispartition as attached from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and c.relname ~ '^audit_event_y[0-9]{4}m[0-9]{2}$'
            and (not c.relispartition or exists (select 1 from pg_inherits i where i.inhrelid = c.oid and i.inhparent = 'audit_event'::regclass))`,
      )
    ).rows
      .map((c) => ({ ...c, from: partitionMonth(c.name) as Date }))
      .map((c) => ({ ...c, to: new Date(Date.UTC(c.from.getUTCFullYear(), c.from.getUTCMonth() + 1, 1)) }))
      .filter((c) => c.to <= cutoff)
      .sort((a, b) => a.from.getTime() - b.from.getTime());
    const out = userPath(folder);
    // patient data (who read whose records): readable by this user only
    fs.mkdirSync(out, { recursive: true, mode: 0o700 });
    log(
      `Audit retention: ${config.auditRetentionMonths} months; archiving months ending on or before ${cutoff.toISOString()}: ${candidates.length ? candidates.map((c) => c.name).join(', ') : 'none'}.`,
    );
    const archived: ArchivedPartition[] = [];
    for (const c of candidates) {
      const table = `public.${c.name}`;
      if (c.attached) {
        // Not CONCURRENTLY: PostgreSQL refuses DETACH ... CONCURRENTLY while the table has a default partition. The plain
        // DETACH holds audit_event's lock only for the catalog change; lock_timeout keeps it from queueing in front of the
        // application's inserts behind a long query (the run then fails and is simply repeated later).
        await db.query(`set lock_timeout = '5s'`);
        await db.query(`alter table audit_event detach partition ${table}`);
        await db.query(`reset lock_timeout`);
      }
      // detached, the month is no longer part of the trail but a table about to become a file: its append-only triggers
      // and the id default name a function and a sequence the archive does not carry, so they would make the dump
      // unrestorable elsewhere (the file's integrity is its SHA-256 on the trail instead)
      await db.query(`drop trigger if exists audit_event_no_update_delete on ${table}`);
      await db.query(`drop trigger if exists audit_event_no_truncate on ${table}`);
      await db.query(`alter table ${table} alter column id drop default`);
      const rows = (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
      const file = path.join(out, `${c.name}.dump`);
      const partial = `${file}.partial`; // renamed when complete and checked: a failed dump never looks like an archive
      fs.writeFileSync(partial, '', { mode: 0o600 });
      try {
        await runTool(pgDump.bin, ['--format=custom', `--table=${table}`, `--file=${partial}`], target.ownerUrl);
        const dumped = rowsInDump(pgRestore.bin, partial, c.name);
        if (dumped !== rows) throw new Error(`The dump of ${c.name} holds ${dumped} rows, the table ${rows}: nothing dropped.`);
        fs.renameSync(partial, file);
      } catch (e) {
        fs.rmSync(partial, { force: true });
        throw e;
      }
      const bytes = fs.statSync(file).size;
      const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      const entry = { partition: c.name, from: c.from.toISOString(), to: c.to.toISOString(), rows, file: path.basename(file), bytes, sha256 };
      await db.query('begin');
      try {
        await db.query(`drop table ${table}`);
        await db.query(`insert into audit_event (action, outcome, detail) values ('system.audit_archive', 'SUCCESS', $1)`, [JSON.stringify(entry)]);
        await db.query('commit');
      } catch (e) {
        await db.query('rollback');
        throw e;
      }
      archived.push({ ...entry, file });
      log(`Archived ${c.name}: ${rows} rows → ${shownPath(file)} (${humanSize(bytes)}, sha256 ${sha256.slice(0, 16)}…), partition dropped.`);
    }
    const defaultRowsPastRetention = (await db.query<{ n: number }>(`select count(*)::int as n from audit_event_default where occurred_at < $1`, [cutoff])).rows[0].n;
    if (defaultRowsPastRetention) log(`Note: audit_event_default holds ${defaultRowsPastRetention} rows past retention (months that had no partition); they stay in the database.`);
    return { cutoff, archived, defaultRowsPastRetention };
  } finally {
    await db.end();
    await target.close();
  }
}

const usage = `Usage: npm run archive-audit [-- <folder>]
  Archives the audit trail's monthly partitions older than AUDIT_RETENTION_MONTHS (default 60, 5 years): each is
  detached, dumped with pg_dump (custom format) to <folder>/audit_event_yYYYYmMM.dump (default backups/audit),
  checked, then dropped; a system.audit_archive event records it. Newer months are not touched.
  Database: MIGRATION_DATABASE_URL or DATABASE_URL if set, else the embedded PostgreSQL in DATA_DIR (.data).
  Read an archive back: pg_restore --dbname=<scratch database> <file>.`;

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) return console.log(usage);
  const folders = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.filter((a) => a.startsWith('-'));
  if (unknown.length || folders.length > 1) throw new Error(`${unknown.length ? `Unknown option ${unknown[0]}` : 'One folder at most'}.\n${usage}`);
  await archiveAudit(loadConfig(), folders[0] ?? path.join('backups', 'audit'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
