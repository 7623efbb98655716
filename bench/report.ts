// The results as data (JSON) and as a Markdown report: the figures, the ratios, the targets.
import type { LoadResult } from './load.js';
import { profileComparison, profileLine, type ProfileSummary } from './profile.js';
import type { BenchParams, QueryDef, QueryKey } from './queries.js';
import type { Machine, BenchOptions } from './env.js';
import { BIG_TABLE_ROWS, describeScans, type ExplainResult } from './explain.js';
import type { TargetName } from './child.js';
import type { WriteCheck, WriteKey } from './writes.js';

export interface StatementCounts {
  /** statements per request with the panel's page size */
  panel: number;
  /** with a small and a large page at the same offset (list queries only) */
  small?: number;
  large?: number;
  smallPerPage?: number;
  largePerPage?: number;
}

export interface Measurement {
  query: QueryKey | WriteKey;
  target: TargetName;
  /** why this target has no equivalent query */
  na?: string;
  /** the response carries the same data as the API's */
  sameData?: boolean;
  difference?: string;
  error?: string;
  bodyBytes?: number;
  statements?: StatementCounts;
  /** PostgreSQL's own time (planning + execution) for the statements of one request */
  dbMs?: number;
  load?: LoadResult[];
  peakRssMb?: number;
  /** the API process's CPU profile under this query's load (throughput queries only) */
  profile?: ProfileSummary;
  /** API only: its CPU profile at the lowest concurrency, taken when its p50 there missed the limit against raw SQL */
  latencyProfile?: ProfileSummary;
  /** PostGraphile only, for a throughput query: its signed-in route with the municipality's row-level security (bench/secured.ts) */
  secured?: Measurement;
  /** raw only: the same statement prepared (named), so that PostgreSQL keeps its plan per connection as it does the API's; reported beside the latency check, not checked */
  preparedStatement?: Measurement;
  /** API and PostGraphile, on the first throughput query of a run: the request floor, `{ __typename }` signed in, loaded in the same rounds (bench/run.ts prepareFloor) */
  floor?: Measurement;
  /** raw only, for a throughput query that logs: the same statement also writing the API's access-log rows (RAW_LOGGED_SQL) */
  withAccessLog?: Measurement & { accessLogRows?: { api: number; raw: number } };
}

export interface TargetCheck {
  name: string;
  /** null: nothing was measured that could decide it (a subset of queries or targets) */
  holds: boolean | null;
  /** a figure the issue asks to report, not a limit */
  reported?: boolean;
  /** missed, and its details say what limits it (from a profile of the same run) */
  explained?: boolean;
  details: string[];
}

/** The writes (bench/writes.ts): who wrote where, the figures, and the SQL check of the rows. */
export interface WriteResult {
  params: Record<'api' | 'raw', { writer: string; roomId: string; approver: string; pool: number; pages: number }>;
  measurements: Measurement[];
  checks: WriteCheck[];
  foreignCpu: Partial<Record<WriteKey, number | null>>;
}

/** --scales: the read queries at one scale. */
export interface ScaleRun {
  scale: number;
  counts: Record<string, number>;
  measurements: Measurement[];
}

/** API throughput at the highest concurrency ÷ PostGraphile's: the issue's limits (room writes access-log rows PostGraphile does not). */
export const PGL_MIN_RATIO: Partial<Record<QueryKey, number>> = { users: 1, rooms: 1, room: 0.8, deepPosts: 1 };
/** API p50 ÷ raw p50 for the writes */
/**
 * The ratio round by round (the targets take turns, so each round's pair ran minutes apart at
 * most): how far one run's ratio can be trusted on a machine whose speed varies.
 */
function roundSpread(a: LoadResult, b: LoadResult): string {
  if (!a.roundRps || !b.roundRps || a.roundRps.length < 2 || a.roundRps.length !== b.roundRps.length) return '';
  const ratios = a.roundRps.map((x, i) => x / b.roundRps![i]);
  return ` (round by round ${f2(Math.min(...ratios))}–${f2(Math.max(...ratios))})`;
}

/**
 * Where a missed throughput's CPU goes: on 2 shared cores, req/s is bounded by the CPU a request
 * costs in all the processes serving it, the target's own and PostgreSQL's.
 */
function cpuSplit(api: LoadResult, pgl: LoadResult): string {
  if (api.cpuMsPerRequest === undefined || pgl.cpuMsPerRequest === undefined || api.pgCpuMsPerRequest === undefined || pgl.pgCpuMsPerRequest === undefined) return '';
  const total = (x: LoadResult) => x.cpuMsPerRequest! + x.pgCpuMsPerRequest!;
  const gap = (ms: number) => `${f2(Math.abs(ms))} ms ${ms >= 0 ? 'more' : 'less'}`;
  return `; CPU per request, the target's process + PostgreSQL's: API ${f2(api.cpuMsPerRequest)} + ${f2(api.pgCpuMsPerRequest)} = ${f2(total(api))} ms, PostGraphile ${f2(pgl.cpuMsPerRequest)} + ${f2(pgl.pgCpuMsPerRequest)} = ${f2(total(pgl))} ms (the API's: ${gap(api.cpuMsPerRequest - pgl.cpuMsPerRequest)} in the process, ${gap(api.pgCpuMsPerRequest - pgl.pgCpuMsPerRequest)} in PostgreSQL)`;
}

/**
 * The most any server can serve of a read that commits its access log before answering: raw SQL
 * writing the same rows in its one statement (bench/targets/raw.ts RAW_LOGGED_SQL), measured in
 * the same rounds. Below the limit, the log itself (PostgreSQL's work for its rows), not the
 * API, keeps the target out of reach on this machine.
 */
function accessLogCeiling(raw: Measurement | undefined, api: LoadResult, pgl: LoadResult, min: number, c: number): string | null {
  const logged = raw?.withAccessLog;
  if (!logged) return null;
  if (logged.error) return `the ceiling with its access log: not measured (${logged.error})`;
  const withLog = atC(logged, c);
  const without = atC(raw, c);
  if (!withLog || !without) return null;
  const share = withLog.rps / pgl.rps;
  const rows = logged.accessLogRows?.raw ?? 0;
  const logMs = withLog.pgCpuMsPerRequest !== undefined && without.pgCpuMsPerRequest !== undefined ? withLog.pgCpuMsPerRequest - without.pgCpuMsPerRequest : undefined;
  return (
    `the ceiling with its access log: raw SQL writing the same ${rows} access-log row${rows === 1 ? '' : 's'} in its one statement serves ${f1(withLog.rps)} req/s = ${f2(share)}× PostGraphile ` +
    `(without them ${f1(without.rps)} req/s; the rows cost PostgreSQL ${f2(logMs)} ms of CPU per request); the API serves ${f2(api.rps / withLog.rps)}× of that ceiling` +
    (share < min ? ` — the ceiling itself is under ${min}×: no server that commits this read's access log before it answers reaches the limit here` : '')
  );
}

/**
 * PostGraphile doing what the API does on every request before it reads: a signed-in caller (a
 * JWT verified per request) and the municipality's scope (row-level security, set in a
 * transaction per request). Not the issue's limit, which names the plain PostGraphile: context
 * for it.
 */
function securedLine(secured: Measurement | undefined, api: LoadResult, c: number): string | null {
  if (!secured) return null;
  const name = 'PostGraphile signed in and scoped (a JWT verified per request, the municipality’s row-level security; bench/secured.ts)';
  if (secured.error) return `${name}: not measured (${secured.error})`;
  const s = atC(secured, c);
  if (!s) return null;
  return `${name}: ${f1(s.rps)} req/s, ${secured.statements ? `${f1(secured.statements.panel)} SQL statements per request, ` : ''}CPU per request ${f2(s.cpuMsPerRequest)} + PostgreSQL ${f2(s.pgCpuMsPerRequest)} ms; the API serves ${f2(api.rps / s.rps)}× of it`;
}

/** How much of the API's excess CPU per request over PostGraphile's (its process) the request floor explains. */
function floorShare(excessMs: number, floorGapMs: number): string {
  const head = `past the request floor: the API's process spends ${f2(Math.abs(excessMs))} ms ${excessMs >= 0 ? 'more' : 'less'} per request than PostGraphile's, the floor ${f2(floorGapMs)} ms more`;
  const rest = excessMs - floorGapMs;
  return `${head}, so the rest of the API's request (its read) costs ${f2(Math.abs(rest))} ms ${rest >= 0 ? 'more' : 'less'} than PostGraphile's`;
}

/**
 * The request floor (bench/run.ts prepareFloor): what each server's process spends on a signed-in
 * request that reads nothing. The API's excess there is paid by every read, whatever its SQL.
 */
function floorLine(api: Measurement | undefined, pgl: Measurement | undefined, c: number): { line: string; gapMs: number | null } | null {
  if (!api || !pgl) return null;
  const name = 'the request floor (`{ __typename }` signed in: no data read)';
  if (api.error || pgl.error) return { line: `${name}: not measured (${api.error ?? pgl.error})`, gapMs: null };
  const a = atC(api, c);
  const p = atC(pgl, c);
  if (a?.cpuMsPerRequest === undefined || p?.cpuMsPerRequest === undefined) return null;
  const gapMs = a.cpuMsPerRequest - p.cpuMsPerRequest;
  return {
    line:
      `${name}: the API's process spends ${f2(a.cpuMsPerRequest)} ms of CPU per request (${f1(a.rps)} req/s, ${f1(api.statements?.panel)} SQL statements: the session's), ` +
      `PostGraphile's ${f2(p.cpuMsPerRequest)} ms (${f1(p.rps)} req/s): ${f2(gapMs)} ms more per request before any data is read, in the API's session, its HTTP middleware, Apollo Server and graphql-shield`,
    gapMs,
  };
}

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${f2(Math.abs(n))}`;
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN;
};

/**
 * What made a read grow from one scale to the other, from the run's own figures: its statements
 * (PostgreSQL's planning + execution time), or the time outside them, set beside how far every
 * query's p50 moved (the API's and raw's), since what moves them all (a bigger working set, a
 * slower machine) is not one query's own work, and a short request feels it most.
 */
function scaleMissLine(g: { q: QueryKey; pa: number; pb: number; sa: number; sb: number }, all: { t: TargetName; pa: number; pb: number }[]): string {
  const dp = g.pb - g.pa;
  const ds = g.sb - g.sa;
  const apiShift = median(all.filter((x) => x.t === 'api').map((x) => x.pb - x.pa));
  const rawShift = median(all.filter((x) => x.t === 'raw').map((x) => x.pb - x.pa));
  const statements =
    g.sb / g.sa > SCALE_LIMIT
      ? `its statements: PostgreSQL's planning + execution grew ${f2(g.sa)} → ${f2(g.sb)} ms (${signed(ds)} ms; run them under EXPLAIN at both scales, BENCH_DUMP_SQL)`
      : `not its statements (SQL time ${f2(g.sb / g.sa)}×, ${signed(ds)} ms)`;
  const sameShift = g.sb / g.sa <= SCALE_LIMIT && Math.abs(dp - apiShift) <= 0.5;
  return (
    `${g.q}, what limits it: ${statements}; p50 ${signed(dp)} ms, ${signed(dp - ds)} ms of it outside PostgreSQL's statements; from one scale to the other every query's p50 moved by a median of ${signed(apiShift)} ms (raw's ${signed(rawShift)} ms)` +
    (sameShift ? ' — every query moved as much: the scale’s cost (or the machine’s), not this query’s own work' : '')
  );
}

export const WRITE_LIMIT = 3;

/** API p50 ÷ raw p50 at the lowest concurrency: 4× on nested reads, 2.5× on the other reads, WRITE_LIMIT on writes. */
export function latencyLimit(key: QueryKey | WriteKey, queries: readonly Pick<QueryDef, 'key' | 'shape'>[]): number {
  const q = queries.find((x) => x.key === key);
  if (!q) return WRITE_LIMIT;
  return q.shape === 'nested' ? 4 : 2.5;
}

/**
 * What a missed latency check spends its time on, one request at a time: the API process's CPU
 * and PostgreSQL's statements per request; then the profile of the API process at that
 * concurrency, taken by the runner after the miss.
 */
function latencyMissLines(key: string, m: Measurement, api: LoadResult, c: number): string[] {
  const cpu = api.cpuMsPerRequest;
  const db = m.dbMs;
  const where =
    cpu === undefined
      ? null
      : `${key}, at c=${c} (p50 ${f1(api.p50)} ms): per request the API process spends ${f2(cpu)} ms of CPU (a mean, with the work after the answer)` +
        (db === undefined ? '' : ` and PostgreSQL's statements ${f2(db)} ms (${f1(m.statements?.panel)} per request)`);
  const profile = m.latencyProfile ? `${key}, what limits it: ${profileLine(m.latencyProfile)}` : null;
  return [where, profile].filter((x): x is string => x !== null);
}

/** no read query may grow more than this from the smallest to the largest of --scales */
export const SCALE_LIMIT = 1.5;
const LIMITED_BY = '  - what limits it: _(to be filled from a CPU profile: `BENCH_TARGET_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- --queries <q> --targets api`)_';

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  options: BenchOptions;
  machine: Machine;
  /** the same CPU work timed 15 times at the start and at the end (min / median / max ms) */
  cpuProbe: { start: { minMs: number; medianMs: number; maxMs: number }; end: { minMs: number; medianMs: number; maxMs: number } };
  /** share of the machine (all cores) other processes used during each query's load, 0..1 */
  foreignCpu: Partial<Record<QueryKey, number | null>>;
  writes: WriteResult | null;
  scales: ScaleRun[] | null;
  dataset: { template: string; built: boolean; buildSeconds: number | null; counts: Record<string, number> };
  params: BenchParams;
  idleRssMb: Partial<Record<TargetName, number>>;
  measurements: Measurement[];
  explain: ExplainResult[] | null;
  targets: TargetCheck[];
}

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(2));
const atC = (m: Measurement | undefined, c: number) => m?.load?.find((l) => l.connections === c);

export function evaluateTargets(results: Omit<BenchResults, 'targets'>, queries: QueryDef[]): TargetCheck[] {
  const get = (q: QueryKey, t: TargetName) => results.measurements.find((m) => m.query === q && m.target === t);
  const cLow = Math.min(...results.options.concurrency);
  const cHigh = Math.max(...results.options.concurrency);
  const checks: TargetCheck[] = [];

  const pageDetails: string[] = [];
  let pageHolds: boolean | null = null;
  for (const q of queries.filter((x) => x.paging)) {
    const s = get(q.key, 'api')?.statements;
    if (s?.small === undefined || s.large === undefined) continue;
    const grows = Math.round(s.large) > Math.round(s.small);
    pageHolds = pageHolds !== false && !grows;
    pageDetails.push(`${q.key}: ${f1(s.small)} statements at ${s.smallPerPage}/page, ${f1(s.large)} at ${s.largePerPage}/page${grows ? ' — GROWS' : ''}`);
  }
  checks.push({ name: 'SQL statements per request do not grow with page size (API)', holds: pageHolds, details: pageDetails });

  const latDetails: string[] = [];
  let latHolds: boolean | null = null;
  let latUnexplained = false;
  for (const q of queries) {
    const m = get(q.key, 'api');
    const api = atC(m, cLow);
    const raw = atC(get(q.key, 'raw'), cLow);
    if (!m || !api || !raw) continue;
    const limit = latencyLimit(q.key, queries);
    const ratio = api.p50 / raw.p50;
    latHolds = latHolds !== false && ratio <= limit;
    const prepared = atC(get(q.key, 'raw')?.preparedStatement, cLow);
    latDetails.push(
      `${q.key} (${q.shape}): API p50 ${f1(api.p50)} ms ÷ raw ${f1(raw.p50)} ms = ${f2(ratio)}× (limit ${limit}×)${ratio <= limit ? '' : ' — MISSED'}${prepared ? `; ÷ raw prepared ${f1(prepared.p50)} ms = ${f2(api.p50 / prepared.p50)}×` : ''}`,
    );
    if (ratio > limit) {
      latDetails.push(...latencyMissLines(q.key, m, api, cLow));
      latUnexplained ||= !m.latencyProfile;
    }
  }
  if (latDetails.some((d) => d.includes('raw prepared')))
    latDetails.push(
      'raw prepared: the same raw statement named, so that each connection keeps it and PostgreSQL its plan, as the API’s statements are; raw plans its statement on every request, as it did when the issue set these limits. Shown beside the check, not checked: against raw prepared the same limits are stricter',
    );
  checks.push({
    name: `API p50 ≤ 2.5× raw SQL on flat lists and reports, ≤ 4× on nested ones (concurrency ${cLow})`,
    holds: latHolds,
    details: latDetails,
    ...(latHolds === false && !latUnexplained ? { explained: true } : {}),
  });

  const cpuDetails: string[] = [];
  for (const q of queries) {
    const m = get(q.key, 'api');
    const hi = atC(m, cHigh);
    const lo = atC(m, cLow);
    if (hi?.cpuMsPerRequest === undefined) continue;
    const others = (['raw', 'postgraphile'] as TargetName[]).map((t) => [t, atC(get(q.key, t), cHigh)] as const).filter(([, v]) => v?.cpuMsPerRequest !== undefined);
    const pg = (x: LoadResult | undefined) => (x?.pgCpuMsPerRequest === undefined ? '' : ` (+ PostgreSQL ${f2(x.pgCpuMsPerRequest)})`);
    cpuDetails.push(
      `${q.key}: API ${f2(hi.cpuMsPerRequest)} ms of CPU per request${pg(hi)} at c=${cHigh} (${f2(lo?.cpuMsPerRequest)} at c=${cLow})${others.length ? `; ${others.map(([t, v]) => `${t} ${f2(v?.cpuMsPerRequest)}${pg(v)}`).join(', ')}` : ''}`,
    );
  }
  checks.push({
    name: 'CPU per request of the API process (user + system, process.cpuUsage, over the measured load), and of PostgreSQL’s processes meanwhile (/proc)',
    holds: cpuDetails.length ? true : null,
    reported: true,
    details: cpuDetails,
  });

  const tpDetails: string[] = [];
  let tpHolds: boolean | null = null;
  let limitedByHand = false; // a missed query without a profile (--profile-seconds 0)
  const floorHost = queries.find((q) => get(q.key, 'api')?.floor);
  const floor = floorHost ? floorLine(get(floorHost.key, 'api')?.floor, get(floorHost.key, 'postgraphile')?.floor, cHigh) : null;
  if (floor) tpDetails.push(floor.line);
  for (const q of queries) {
    const pglM = get(q.key, 'postgraphile');
    if (!pglM || pglM.na) {
      tpDetails.push(`${q.key}: n/a (${pglM?.na ?? 'not measured'})`);
      continue;
    }
    if (!pglM.sameData) {
      tpDetails.push(`${q.key}: not compared — PostGraphile's data differs (${pglM.difference ?? pglM.error})`);
      continue;
    }
    const api = atC(get(q.key, 'api'), cHigh);
    const pgl = atC(pglM, cHigh);
    if (!api || !pgl) continue;
    const ratio = api.rps / pgl.rps;
    const min = PGL_MIN_RATIO[q.key as QueryKey] ?? 1;
    tpHolds = tpHolds !== false && ratio >= min;
    tpDetails.push(
      `${q.key}: API ${f1(api.rps)} req/s vs PostGraphile ${f1(pgl.rps)} req/s = ${f2(ratio)}×${roundSpread(api, pgl)} (limit ≥ ${min}×)${ratio >= min ? '' : ` — MISSED${cpuSplit(api, pgl)}`}`,
    );
    const profile = get(q.key, 'api')?.profile;
    if (ratio < min && floor?.gapMs != null && api.cpuMsPerRequest !== undefined) tpDetails.push(`${q.key}, ${floorShare(api.cpuMsPerRequest - (pgl.cpuMsPerRequest ?? 0), floor.gapMs)}`);
    if (ratio < min && profile) tpDetails.push(`${q.key}, what limits it: ${profileLine(profile)}`);
    else if (ratio < min) limitedByHand = true;
    const pglProfile = pglM.profile;
    const against = ratio < min && profile && pglProfile ? profileComparison(profile, pglProfile) : null;
    if (against) tpDetails.push(`${q.key}, against PostGraphile: ${against}`);
    const ceiling = ratio < min ? accessLogCeiling(get(q.key, 'raw'), api, pgl, min, cHigh) : null;
    if (ceiling) tpDetails.push(`${q.key}, ${ceiling}`);
    const secured = securedLine(pglM.secured, api, cHigh);
    if (secured) tpDetails.push(`${q.key}, ${secured}`);
  }
  checks.push({
    name: `API throughput ≥ PostGraphile's on users, rooms and deepPosts, ≥ 0.8× on room (it writes access-log rows PostGraphile does not), where both return the same data (concurrency ${cHigh})`,
    holds: tpHolds,
    details: tpDetails,
    ...(tpHolds === false && !limitedByHand ? { explained: true } : {}),
  });

  if (results.writes) {
    const w = results.writes;
    const wGet = (k: string, t: TargetName) => w.measurements.find((m) => m.query === k && m.target === t);
    const details: string[] = [];
    let holds: boolean | null = null;
    let unexplained = false;
    for (const k of [...new Set(w.measurements.map((m) => m.query))]) {
      const m = wGet(k, 'api');
      const api = atC(m, cLow);
      const raw = atC(wGet(k, 'raw'), cLow);
      if (!m || !api || !raw) {
        details.push(`${k}: not measured (${wGet(k, 'api')?.error ?? wGet(k, 'raw')?.error ?? 'target missing'})`);
        continue;
      }
      const ratio = api.p50 / raw.p50;
      const limit = latencyLimit(k as WriteKey, queries);
      holds = holds !== false && ratio <= limit;
      details.push(`${k}: API p50 ${f1(api.p50)} ms ÷ raw ${f1(raw.p50)} ms = ${f2(ratio)}× (limit ${limit}×)${ratio <= limit ? '' : ' — MISSED'}`);
      if (ratio > limit) {
        details.push(...latencyMissLines(k, m, api, cLow));
        unexplained ||= !m.latencyProfile;
      }
    }
    checks.push({
      name: `Writes: API p50 ≤ ${WRITE_LIMIT}× the raw-SQL transaction (concurrency ${cLow}; PostGraphile does no writes here)`,
      holds,
      details,
      ...(holds === false && !unexplained ? { explained: true } : {}),
    });
    checks.push({
      name: 'Writes: no row lost or duplicated after the write load (checked with SQL, per write and target)',
      holds: w.checks.length ? w.checks.every((c) => c.holds) : null,
      details: w.checks.map((c) => `${c.write} (${c.target}): ${c.holds ? 'holds' : 'MISSED'} — ${c.lines.join('; ')}`),
    });
  }

  if (results.scales && results.scales.length >= 2) {
    const first = results.scales[0];
    const last = results.scales[results.scales.length - 1];
    const details: string[] = [];
    let holds: boolean | null = null;
    /** p50 and SQL time at both scales, per query and target */
    const grown: { q: QueryKey; t: TargetName; pa: number; pb: number; sa: number; sb: number }[] = [];
    for (const q of queries) {
      for (const t of ['api', 'raw'] as TargetName[]) {
        const a = first.measurements.find((m) => m.query === q.key && m.target === t);
        const b = last.measurements.find((m) => m.query === q.key && m.target === t);
        const pa = atC(a, cLow)?.p50;
        const pb = atC(b, cLow)?.p50;
        if (pa === undefined || pb === undefined || a?.dbMs === undefined || b?.dbMs === undefined) continue;
        grown.push({ q: q.key, t, pa, pb, sa: a.dbMs, sb: b.dbMs });
        const gp = pb / pa;
        const gs = b.dbMs / a.dbMs;
        const ok = gp <= SCALE_LIMIT && gs <= SCALE_LIMIT;
        if (t === 'api') holds = holds !== false && ok;
        details.push(
          `${q.key} (${t}): p50 ${f1(pa)} → ${f1(pb)} ms = ${f2(gp)}×, SQL time ${f2(a.dbMs)} → ${f2(b.dbMs)} ms = ${f2(gs)}×${ok ? '' : t === 'api' ? ' — MISSED' : ' (over the limit; raw is the yardstick, not checked)'}`,
        );
      }
    }
    const missed = grown.filter((g) => g.t === 'api' && (g.pb / g.pa > SCALE_LIMIT || g.sb / g.sa > SCALE_LIMIT));
    details.push(...missed.map((g) => scaleMissLine(g, grown)));
    checks.push({
      name: `No read query grows more than ${SCALE_LIMIT}× from scale ${first.scale} to scale ${last.scale} (API p50 at concurrency ${cLow} and its SQL time)`,
      holds,
      details,
      ...(missed.length ? { explained: true } : {}),
    });
  }

  if (results.explain) {
    const misses = results.explain.filter((r) => r.seqScansOnBigTables.length || r.error);
    checks.push({
      name: `Every list filter of the panel uses an index (no Seq Scan on a table of ≥ ${BIG_TABLE_ROWS.toLocaleString('en')} rows)`,
      holds: misses.length === 0,
      details: [
        ...(misses.length ? misses.map((r) => `${r.area} ${r.filter} (${r.role}): ${r.error ?? r.seqScansOnBigTables.join(', ')}`) : [`${results.explain.length} filter cases checked`]),
        ...results.explain
          .filter((r) => r.statements.some((s) => s.scans.some((n) => n.node === 'Seq Scan' && n.relationRows < BIG_TABLE_ROWS)))
          .map(
            (r) =>
              `(small table, not counted) ${r.area} ${r.filter} (${r.role}): ${[...new Set(r.statements.flatMap((s) => s.scans.filter((n) => n.node === 'Seq Scan').map((n) => `Seq Scan on ${n.relation} (${n.relationRows.toLocaleString('en')} rows)`)))].join(', ')}`,
          ),
      ],
    });
  }
  return checks;
}

export function markdown(r: BenchResults, queries: QueryDef[]): string {
  const out: string[] = [];
  const cs = r.options.concurrency;
  const cLow = Math.min(...cs);
  const cHigh = Math.max(...cs);
  const get = (q: QueryKey, t: TargetName) => r.measurements.find((m) => m.query === q && m.target === t);
  out.push(`# Benchmark ${r.startedAt}`, '');
  out.push(
    `\`${r.command}\` — scale ${r.options.scale}, seed ${r.options.seed}; per query and target: ${r.options.warmup} s warm-up, then ${r.options.duration} s at each concurrency (${cs.join(', ')}) in ${r.options.rounds} rounds taken in turns with the other targets; autocannon in the runner, each target in its own process.`,
    '',
  );
  const mch = r.machine;
  out.push(`**Machine:** ${mch.cpuModel}, ${mch.cores} cores, ${mch.ramGb} GB RAM, ${mch.os}, Node ${mch.node}, PostgreSQL ${mch.postgres} (embedded).`, '');
  const p = r.cpuProbe;
  out.push(
    `**CPU steadiness** (one fixed piece of work timed 15 times): ${p.start.minMs}–${p.start.maxMs} ms, median ${p.start.medianMs} at the start; ${p.end.minMs}–${p.end.maxMs} ms, median ${p.end.medianMs} at the end. A spread of several times means a shared, unsteady CPU: compare ratios, not absolute figures.`,
    '',
  );
  const c = r.dataset.counts;
  out.push(
    `**Dataset** \`${r.dataset.template}\`${r.dataset.built ? ` (built in ${f1(r.dataset.buildSeconds ?? undefined)} s)` : ' (reused)'}: ${Object.entries(c)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}.`,
    '',
  );
  out.push(
    `Requests as the CITY user of one municipality. Query 1: the municipality's biggest office, q = "${r.params.q}" (its commonest family name); query 3: a room with ${r.params.roomPosts} posts (the median room); query 4: the busiest room (${r.params.bigRoomPosts} posts); query 8: the month ${r.params.activityMonth} (the latest with posts).`,
    '',
  );

  out.push('## Figures', '');
  out.push(
    `| query | target | p50 ms c=${cLow} | p95 ms c=${cLow} | req/s c=${cLow} | p50 ms c=${cHigh} | p95 ms c=${cHigh} | req/s c=${cHigh} | CPU ms/req c=${cHigh} | SQL/req | DB ms/req | peak RSS MB | same data |`,
  );
  out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|');
  for (const q of queries) {
    const rows: [string, Measurement | undefined][] = [
      ['api', get(q.key, 'api')],
      ['raw', get(q.key, 'raw')],
      ['raw prepared', get(q.key, 'raw')?.preparedStatement],
      ['postgraphile', get(q.key, 'postgraphile')],
      ['api floor', get(q.key, 'api')?.floor],
      ['pgl floor', get(q.key, 'postgraphile')?.floor],
    ];
    for (const [t, m] of rows) {
      if (!m) continue;
      if (m.na) {
        out.push(`| ${q.key} | ${t} | n/a | | | | | | | | | | ${m.na} |`);
        continue;
      }
      if (m.error) {
        out.push(`| ${q.key} | ${t} | error | | | | | | | | | | ${m.error.slice(0, 120)} |`);
        continue;
      }
      const lo = atC(m, cLow);
      const hi = atC(m, cHigh);
      const bad = (m.load ?? []).reduce((n, l) => n + l.non2xx + l.errors + l.timeouts + l.mismatches, 0);
      const same = t === 'api' ? 'reference' : m.sameData ? 'yes' : `**no**: ${m.difference}`;
      out.push(
        `| ${q.key} | ${t} | ${f1(lo?.p50)} | ${f1(lo?.p95)} | ${f1(lo?.rps)} | ${f1(hi?.p50)} | ${f1(hi?.p95)} | ${f1(hi?.rps)} | ${f2(hi?.cpuMsPerRequest)} | ${f1(m.statements?.panel)} | ${f2(m.dbMs)} | ${f1(m.peakRssMb)} | ${same}${bad ? ` (${bad} failed responses)` : ''} |`,
      );
    }
  }
  const foreign = Object.entries(r.foreignCpu).filter(([, v]) => v !== null && v !== undefined);
  if (foreign.length)
    out.push(
      '',
      `Other processes on the machine (not the benchmark, its targets or its PostgreSQL) used ${foreign.map(([k, v]) => `${k} ${Math.round(v! * 100)}%`).join(', ')} of the machine's CPU during each query's load.`,
    );
  out.push(
    '',
    `Idle RSS after start: ${Object.entries(r.idleRssMb)
      .map(([t, v]) => `${t} ${f1(v)} MB`)
      .join(
        ', ',
      )}. SQL/req counted at the pg driver of each server process (BEGIN/COMMIT included), over ${r.options.statementSamples} sequential requests. DB ms/req: PostgreSQL's own planning + execution time for those statements (captured, replayed under EXPLAIN ANALYZE as each server ran them, a prepared statement with its kept plan; least of 9 requests), so p50 − DB ms ≈ time spent outside PostgreSQL (server code, round trips).`,
    '',
  );

  out.push('## Ratios', '');
  out.push(`| query | shape | API ÷ raw p50 (c=${cLow}) | limit | API ÷ PostGraphile p50 (c=${cLow}) | API ÷ raw req/s (c=${cHigh}) | API ÷ PostGraphile req/s (c=${cHigh}) |`);
  out.push('|---|---|--:|--:|--:|--:|--:|');
  for (const q of queries) {
    const api = get(q.key, 'api');
    const raw = get(q.key, 'raw');
    const pgl = get(q.key, 'postgraphile');
    const pglOk = pgl && !pgl.na && !pgl.error;
    out.push(
      `| ${q.key} | ${q.shape} | ${f2((atC(api, cLow)?.p50 ?? NaN) / (atC(raw, cLow)?.p50 ?? NaN))} | ${q.shape === 'nested' ? '4' : '2.5'} | ${pglOk ? f2((atC(api, cLow)?.p50 ?? NaN) / (atC(pgl, cLow)?.p50 ?? NaN)) : 'n/a'} | ${f2((atC(api, cHigh)?.rps ?? NaN) / (atC(raw, cHigh)?.rps ?? NaN))} | ${pglOk ? f2((atC(api, cHigh)?.rps ?? NaN) / (atC(pgl, cHigh)?.rps ?? NaN)) : 'n/a'} |`,
    );
  }
  out.push('');

  out.push('## SQL statements per request vs page size', '');
  out.push('| query | target | small page | statements | large page | statements |', '|---|---|--:|--:|--:|--:|');
  for (const q of queries.filter((x) => x.paging)) {
    for (const t of ['api', 'raw', 'postgraphile'] as TargetName[]) {
      const s = get(q.key, t)?.statements;
      if (s?.small === undefined) continue;
      out.push(`| ${q.key} | ${t} | ${s.smallPerPage} | ${f1(s.small)} | ${s.largePerPage} | ${f1(s.large)} |`);
    }
  }
  out.push('');

  if (r.writes) {
    const w = r.writes;
    out.push('## Writes', '');
    out.push(
      `Each write against the API (its GraphQL mutation, signed in like the panel) and the raw-SQL handler (\`bench/targets/raw.ts\`: the same inserts and updates in one statement, i.e. one transaction, as the API's runtime role, without session, authorization or validation). PostGraphile does no writes here: its default mutations are off, and these three would each need a custom SQL function — the raw handler again. Every request carries a marker (the post's text, the page, the application), every answer is kept, and after the load the rows are checked with SQL (see *Targets*).`,
      '',
    );
    out.push(
      `API: posts and marks read as \`${w.params.api.writer}\` in room \`${w.params.api.roomId}\` (${w.params.api.pages} pages of 20, cycled), approves as \`${w.params.api.approver}\` from a pool of ${w.params.api.pool.toLocaleString('en')} SUBMITTED staff-addition forms; raw: \`${w.params.raw.writer}\` in room \`${w.params.raw.roomId}\` (${w.params.raw.pages} pages), approvals for \`${w.params.raw.approver}\` (pool ${w.params.raw.pool.toLocaleString('en')}). Each target writes to its own municipality's rows, so each target's rows are checked apart.`,
      '',
    );
    out.push(
      `| write | target | p50 ms c=${cLow} | p95 ms c=${cLow} | req/s c=${cLow} | p50 ms c=${cHigh} | p95 ms c=${cHigh} | req/s c=${cHigh} | CPU ms/req c=${cHigh} | SQL/req | failed answers |`,
    );
    out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const m of w.measurements) {
      if (m.error) {
        out.push(`| ${m.query} | ${m.target} | error | | | | | | | | ${m.error.slice(0, 120)} |`);
        continue;
      }
      const lo = atC(m, cLow);
      const hi = atC(m, cHigh);
      const bad = (m.load ?? []).reduce((n, l) => n + l.non2xx + l.errors + l.timeouts + l.mismatches, 0);
      out.push(
        `| ${m.query} | ${m.target} | ${f1(lo?.p50)} | ${f1(lo?.p95)} | ${f1(lo?.rps)} | ${f1(hi?.p50)} | ${f1(hi?.p95)} | ${f1(hi?.rps)} | ${f2(hi?.cpuMsPerRequest)} | ${f1(m.statements?.panel)} | ${bad} |`,
      );
    }
    out.push('');
  }

  if (r.scales) {
    const [first, ...rest] = r.scales;
    out.push('## Cost as the data grows (--scales)', '');
    out.push(
      `The read queries at ${r.scales.map((x) => `scale ${x.scale} (${(x.counts.post ?? 0).toLocaleString('en')} posts, ${(x.counts.app_user ?? 0).toLocaleString('en')} users, ${(x.counts.audit_event ?? 0).toLocaleString('en')} audit events)`).join(' and ')}, each on a fresh copy of its dataset with API and raw processes of its own, all running at once, the scales taking turns round by round (as the targets do); p50 at concurrency ${cLow}; SQL time = PostgreSQL's planning + execution time of the request's statements (captured after the load, replayed under EXPLAIN ANALYZE as each server ran them, a prepared statement with its kept plan; least of 9).`,
      '',
    );
    out.push(`| query | target | ${r.scales.map((x) => `p50 ms s=${x.scale}`).join(' | ')} | p50 growth | ${r.scales.map((x) => `SQL ms s=${x.scale}`).join(' | ')} | SQL growth |`);
    out.push(`|---|---|${r.scales.map(() => '--:|').join('')}--:|${r.scales.map(() => '--:|').join('')}--:|`);
    const last = rest[rest.length - 1];
    for (const q of queries) {
      for (const t of ['api', 'raw'] as TargetName[]) {
        const ms = r.scales.map((x) => x.measurements.find((m) => m.query === q.key && m.target === t));
        if (!ms[0]) continue;
        const p50s = ms.map((m) => atC(m, cLow)?.p50);
        const dbs = ms.map((m) => m?.dbMs);
        const gp = (p50s[p50s.length - 1] ?? NaN) / (p50s[0] ?? NaN);
        const gs = (dbs[dbs.length - 1] ?? NaN) / (dbs[0] ?? NaN);
        out.push(`| ${q.key} | ${t} | ${p50s.map(f1).join(' | ')} | ${f2(gp)}× | ${dbs.map(f2).join(' | ')} | ${f2(gs)}× |`);
      }
    }
    out.push('', `Limit: ${SCALE_LIMIT}× from scale ${first.scale} to scale ${last.scale} for every query of the API (see *Targets*).`, '');
  }

  out.push('## Targets', '');
  for (const t of r.targets) {
    out.push(`- **${t.holds === null ? 'NOT MEASURED' : t.reported ? 'REPORTED' : t.holds ? 'HOLDS' : 'MISSED'}** — ${t.name}`);
    for (const d of t.details) out.push(`  - ${d}`);
    if (t.holds === false && !t.explained) out.push(LIMITED_BY);
  }
  out.push('');

  if (r.explain) {
    out.push('## Index use of the panel’s list filters (EXPLAIN on this dataset)', '');
    out.push('| list | filter | as | statements: scans (plan order) | Seq Scan on a big table |', '|---|---|---|---|---|');
    for (const e of r.explain) {
      const scans = e.error ? `error: ${e.error}` : e.statements.map((s, i) => `${i + 1}. ${describeScans(s)}`).join('<br>');
      out.push(`| ${e.area} | ${e.filter} | ${e.role} | ${scans} | ${e.seqScansOnBigTables.length ? `**${e.seqScansOnBigTables.join(', ')}**` : 'none'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
