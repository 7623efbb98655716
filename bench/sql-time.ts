// SQL time: PostgreSQL's own planning + execution time of a request's statements, without the
// round trips. The statements of one request are captured at the target's pg driver and run again
// under EXPLAIN (ANALYZE, TIMING OFF) in a rolled-back transaction, each as its target ran it.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { PgClient } from './env.js';
import type { TargetProcess } from './child.js';
import { once, type HttpRequest } from './load.js';
import type { CapturedStatement } from './targets/common.js';

// how pg sends a value as a parameter (arrays as PostgreSQL arrays, dates, JSON), to write it as a literal
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils') as { prepareValue: (v: unknown) => unknown };

/** Requests sampled per target; the least is kept: the intrinsic cost, the least disturbed by whatever else the machine does. */
const SAMPLES = 9;

/**
 * A checkpoint, then no autovacuum worker running (up to 60 s): the access-log rows a load wrote
 * wake autovacuum, whose CPU would otherwise count as the next target's PostgreSQL time and slow it.
 */
export async function settle(db: PgClient): Promise<void> {
  await db.query('checkpoint');
  for (let waited = 0; waited < 60_000; waited += 250) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The EXPLAIN ANALYZE of a captured statement as its target ran it. An unnamed statement is
 * planned with its values every time, and so is its EXPLAIN. A named one (the API's reads, raw
 * prepared) keeps its plan in the session: PostgreSQL plans it with the values five times, then
 * keeps a generic plan unless that looks dearer; so it is first run as a named statement six times
 * (in the caller's transaction, rolled back with it), and its EXPLAIN EXECUTE then counts the
 * planning a request pays in service (none for a kept plan, all of it for one planned anew).
 */
export async function explainAsRun(db: PgClient, s: CapturedStatement): Promise<{ planningMs: number; executionMs: number; rows: number }> {
  const explain = 'explain (analyze, timing off, format json)';
  let query: [string, unknown[]] = [`${explain} ${s.text}`, s.values];
  if (s.named) {
    const name = `bench_${createHash('sha1').update(s.text).digest('hex').slice(0, 16)}`;
    for (let i = 0; i < 6; i++) await db.query({ name, text: s.text, values: s.values });
    const literal = (v: unknown) => (v === null || v === undefined ? 'null' : db.escapeLiteral(String(prepareValue(v))));
    query = [`${explain} execute ${name}(${s.values.map(literal).join(', ')})`, []];
  }
  const res = await db.query<{ 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number; Plan: { 'Actual Rows': number } }[] }>(...query);
  const plan = res.rows[0]['QUERY PLAN'][0];
  return { planningMs: plan['Planning Time'], executionMs: plan['Execution Time'], rows: plan.Plan['Actual Rows'] };
}

/** The SQL time of one request of `r` to `t`, its statements run again on `db`. */
async function sqlTimeOfRequest(t: TargetProcess, r: HttpRequest, db: PgClient, dump: boolean): Promise<number> {
  await t.capture(true);
  await once(t.url, r);
  const captured = (await t.stats()).captured ?? [];
  await t.capture(false);
  // BENCH_DUMP_SQL=<folder>: each target's statements of one request, to EXPLAIN them by hand
  if (process.env.BENCH_DUMP_SQL && dump) {
    fs.mkdirSync(process.env.BENCH_DUMP_SQL, { recursive: true });
    fs.writeFileSync(path.join(process.env.BENCH_DUMP_SQL, `${t.name}-${Date.now()}.json`), JSON.stringify(captured, null, 1));
  }
  let ms = 0;
  for (const s of captured) {
    if (!/^\s*(select|insert|update|delete|with)\b/i.test(s.text)) continue;
    await db.query('begin');
    try {
      const { planningMs, executionMs } = await explainAsRun(db, s);
      ms += planningMs + executionMs;
    } finally {
      await db.query('rollback');
    }
  }
  return ms;
}

/**
 * Each loaded target's SQL time, after its load: in the state its p50 was measured in, the pages
 * its reads touch in PostgreSQL's cache as in service (before the load, a freshly copied scale-5
 * database still read pages in, and the scale check counted that as growth). The targets take
 * turns sample by sample, so a disturbance falls on all of them, not on the one measured then.
 * `dbOf`: the database the target reads.
 */
export async function sqlTimesAfterLoad<R extends { t: TargetProcess; req: HttpRequest; m: { error?: string; dbMs?: number } }>(loaded: R[], admin: PgClient, dbOf: (r: R) => PgClient): Promise<void> {
  await settle(admin);
  const measured = loaded.filter((r) => !r.m.error);
  const samples = new Map<R, number[]>(measured.map((r) => [r, []]));
  for (let i = 0; i < SAMPLES; i++) for (const r of measured) samples.get(r)!.push(await sqlTimeOfRequest(r.t, r.req, dbOf(r), i === 0));
  for (const r of measured) r.m.dbMs = Math.min(...samples.get(r)!);
}
