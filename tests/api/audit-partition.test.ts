// The audit trail is partitioned by month (migration 20261130104001) and archived past retention by
// `npm run archive-audit` (api/db/archive-audit.ts): old months leave the database as verified pg_dump files that
// restore elsewhere, newer months and their rows stay as they were, every partition stays append-only, and an
// insert for any month lands somewhere (its partition, or the default one).
import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/db.js';
import { APP_ROLE, APP_ROLE_PASSWORD } from '../helpers/global-setup.js';
import { archiveAudit } from '../../api/db/archive-audit.js';
import { findTool } from '../../api/db/dump.js';
import { grantRuntimeRights } from '../../api/db/roles.js';
import { connect } from '../../api/db/orm.js';
import { startJobs } from '../../api/jobs.js';
import { loadConfig } from '../../api/config.js';
import { ensureAuditPartitions, retentionCutoff } from '../../api/audit/audit-partitions.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-audit-archive-'));
const admin = inject('pgAdminUrl');

/** The first instant (UTC) of the month `offset` months from this one, and its partition's name. */
function month(offset: number): { at: Date; partition: string } {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return { at, partition: `audit_event_y${at.getUTCFullYear()}m${String(at.getUTCMonth() + 1).padStart(2, '0')}` };
}
/** Mid-month: well inside the month whatever the time zone. */
const midMonth = (offset: number) => new Date(month(offset).at.getTime() + 14 * 86_400_000);

describe('audit_event partitioned by month, archived past retention', () => {
  let orm: MikroORM;
  let url: string;
  let owner: pg.Client;
  let app: pg.Client;
  beforeAll(async () => {
    ({ orm, url } = await createTestDatabase());
    owner = new pg.Client({ connectionString: url });
    await owner.connect();
    app = new pg.Client({ connectionString: url.replace(/\/\/[^@]*@/, `//${APP_ROLE}:${encodeURIComponent(APP_ROLE_PASSWORD)}@`) });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await owner.end();
    await orm.close(true);
    fs.rmSync(work, { recursive: true, force: true });
  });

  const insert = async (c: pg.Client, action: string, at: Date) =>
    (
      await c.query<{ id: string; partition: string }>(`insert into audit_event (action, outcome, occurred_at) values ($1, 'SUCCESS', $2) returning id, tableoid::regclass::text as partition`, [
        action,
        at,
      ])
    ).rows[0];
  const whereIs = async (action: string) =>
    (await owner.query<{ partition: string; n: number }>(`select tableoid::regclass::text as partition, count(*)::int as n from audit_event where action = $1 group by 1`, [action])).rows;

  it('the migration turned the table into a partitioned one keeping every row, with this month and three ahead ready', async () => {
    const migrator = orm.getMigrator();
    // back to the plain table, with rows of several months, then forward again
    await migrator.down({ migrations: ['Migration20261130104001'] });
    const plain = await owner.query(`select c.relkind from pg_class c where c.relname = 'audit_event'`);
    expect(plain.rows[0].relkind).toBe('r');
    for (const offset of [-14, -2, 0]) await owner.query(`insert into audit_event (action, outcome, occurred_at) values ('migrated.row', 'SUCCESS', $1)`, [midMonth(offset)]);
    const before = (await owner.query(`select id, occurred_at, action from audit_event order by id`)).rows;
    await migrator.up({ migrations: ['Migration20261130104001'] });
    await grantRuntimeRights(orm, APP_ROLE); // as the server does after every migration
    const after = await owner.query(`select c.relkind from pg_class c where c.relname = 'audit_event'`);
    expect(after.rows[0].relkind).toBe('p');
    expect((await owner.query(`select id, occurred_at, action from audit_event order by id`)).rows).toEqual(before);
    // each row in its own month's partition (created for every month from the oldest row), none in the default
    expect((await whereIs('migrated.row')).map((r) => r.partition).sort()).toEqual([month(-14).partition, month(-2).partition, month(0).partition].sort());
    const parts = (await owner.query<{ name: string }>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_event'::regclass`)).rows.map(
      (r) => r.name,
    );
    for (let m = -14; m <= 3; m++) expect(parts).toContain(month(m).partition);
    expect(parts).toContain('audit_event_default');
    // the sequence still numbers new rows after the copied ones
    const next = await insert(owner, 'migrated.next', new Date());
    expect(BigInt(next.id)).toBeGreaterThan(BigInt(before.at(-1).id));
  });

  it('an insert for a month without a partition goes to the default; the runtime role makes the coming months ahead', async () => {
    expect((await insert(app, 'far.past', midMonth(-40))).partition).toBe('audit_event_default');
    // a month already holding rows in the default is skipped (PostgreSQL would refuse), its rows stay where they are
    expect((await owner.query(`select audit_event_create_partition($1::date) as created`, [month(-40).at.toISOString().slice(0, 10)])).rows[0].created).toBe(false);
    expect(await whereIs('far.past')).toEqual([{ partition: 'audit_event_default', n: 1 }]);
    // the job runner's call, through the application's own connection (the runtime role owns no table)
    const appOrm = await connect(url.replace(/\/\/[^@]*@/, `//${APP_ROLE}:${encodeURIComponent(APP_ROLE_PASSWORD)}@`));
    try {
      expect(await ensureAuditPartitions(appOrm, 8)).toBe(5); // 0..3 ahead exist already
      expect(await ensureAuditPartitions(appOrm, 8)).toBe(0);
    } finally {
      await appOrm.close(true);
    }
    expect((await insert(app, 'far.future', midMonth(7))).partition).toBe(month(7).partition);
  });

  it('the background jobs of every API process make the coming months', async () => {
    // an empty month ahead, dropped by the owner (DROP is not an UPDATE or DELETE of rows), comes back with the next run
    await owner.query(`drop table ${month(3).partition}`);
    const appOrm = await connect(url.replace(/\/\/[^@]*@/, `//${APP_ROLE}:${encodeURIComponent(APP_ROLE_PASSWORD)}@`));
    const jobs = startJobs(appOrm, loadConfig({}), () => {});
    try {
      await expect.poll(async () => (await owner.query(`select to_regclass($1)::text as t`, [month(3).partition])).rows[0].t, { timeout: 10_000 }).toBe(month(3).partition);
    } finally {
      jobs.stop();
      await appOrm.close(true);
    }
  });

  it('every partition stays append-only: refused to the runtime role by privileges and to everyone by the trigger', async () => {
    for (const partition of [month(0).partition, month(7).partition, 'audit_event_default']) {
      await expect(app.query(`update ${partition} set action = 'changed'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`delete from ${partition}`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`truncate ${partition}`)).rejects.toThrow(/permission denied/);
      await expect(owner.query(`update ${partition} set action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`delete from ${partition}`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`truncate ${partition}`)).rejects.toThrow(/append-only/);
    }
    await expect(app.query(`update audit_event set action = 'changed'`)).rejects.toThrow(/permission denied/);
    await expect(owner.query(`delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`truncate audit_event`)).rejects.toThrow(/append-only/);
  });

  it('archive-audit detaches, dumps, verifies and drops only the months past retention', async () => {
    for (const m of [-9, -8, -7, -3]) await owner.query(`select audit_event_create_partition($1::date)`, [month(m).at.toISOString().slice(0, 10)]);
    const old = [await insert(owner, 'old.read', midMonth(-9)), await insert(owner, 'old.read', midMonth(-9)), await insert(owner, 'older.read', midMonth(-8))];
    const kept = [await insert(app, 'kept.read', midMonth(-6)), await insert(app, 'kept.read', midMonth(-3)), await insert(app, 'kept.read', new Date())];
    const keptBefore = (await owner.query(`select *, tableoid::regclass::text as partition from audit_event where action = 'kept.read' order by id`)).rows;

    const config = { ...loadConfig({ DATABASE_URL: url }), auditRetentionMonths: 6 };
    const folder = path.join(work, 'archive');
    const logs: string[] = [];
    const result = await archiveAudit(config, folder, { log: (m) => logs.push(m) });
    // every month up to −7 ends before now − 6 months (the migration made −14 … now); −6 ends after it and stays
    expect(result.archived.map((a) => a.partition)).toEqual([-14, -13, -12, -11, -10, -9, -8, -7].map((m) => month(m).partition));
    for (const a of result.archived) {
      expect((await owner.query(`select to_regclass($1) as t`, [a.partition])).rows[0].t).toBeNull();
      expect(fs.existsSync(a.file)).toBe(true);
      expect(createHash('sha256').update(fs.readFileSync(a.file)).digest('hex')).toBe(a.sha256);
    }
    expect(result.archived.find((a) => a.partition === month(-9).partition)?.rows).toBe(2);
    expect(result.archived.find((a) => a.partition === month(-8).partition)?.rows).toBe(1);
    expect(result.archived.find((a) => a.partition === month(-7).partition)?.rows).toBe(0);
    // old rows are gone from the trail; newer rows untouched, in the partitions they were in
    expect((await owner.query(`select count(*)::int as n from audit_event where id = any($1)`, [old.map((r) => r.id)])).rows[0].n).toBe(0);
    expect((await owner.query(`select *, tableoid::regclass::text as partition from audit_event where action = 'kept.read' order by id`)).rows).toEqual(keptBefore);
    expect(kept.map((k) => k.partition)).toEqual([month(-6).partition, month(-3).partition, month(0).partition]);
    // the default partition is never archived: its old row stays and is reported
    expect(result.defaultRowsPastRetention).toBe(1);
    expect(await whereIs('far.past')).toEqual([{ partition: 'audit_event_default', n: 1 }]);

    // the archive is on the trail, with what a reader needs to find and check the file
    const events = (await owner.query(`select detail from audit_event where action = 'system.audit_archive' order by id`)).rows.map((r) => r.detail);
    expect(events.map((d) => [d.partition, d.rows])).toEqual(result.archived.map((a) => [a.partition, a.rows]));
    expect(events[5].sha256).toBe(result.archived[5].sha256);

    // a dump restores into a scratch database with pg_restore, rows and all
    const scratch = `s_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database "${scratch}" template template0`);
    await c.end();
    const scratchUrl = admin.replace(/\/postgres$/, `/${scratch}`);
    const pgRestore = findTool('pg_restore', 15, false).bin;
    const restored = spawnSync(pgRestore, ['--exit-on-error', '--no-owner', `--dbname=${scratchUrl}`, result.archived[5].file], { encoding: 'utf8' });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const s = new pg.Client({ connectionString: scratchUrl });
    await s.connect();
    try {
      const rows = (await s.query(`select id::text, action from ${month(-9).partition} order by id`)).rows;
      expect(rows).toEqual(old.slice(0, 2).map((r) => ({ id: r.id, action: 'old.read' })));
    } finally {
      await s.end();
    }

    // a second run finds nothing more to archive
    expect((await archiveAudit(config, folder, { log: () => {} })).archived).toEqual([]);
  });

  it('keeps five years by default', () => {
    expect(loadConfig({}).auditRetentionMonths).toBe(60);
    expect(retentionCutoff(new Date('2026-03-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(retentionCutoff(new Date('2026-11-30T00:00:00Z'), 60).toISOString()).toBe('2021-11-30T00:00:00.000Z');
  });
});
