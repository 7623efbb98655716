// `npm run bench`: builds (or reuses) the dataset, starts the three targets on the same database,
// signs in once as the CITY user, checks the panel's filters with EXPLAIN, then for each query
// checks that every target returns the same data, counts SQL statements per request, loads it
// (warm-up, then concurrency 1 and 8, the targets taking turns), and writes
// bench/results/<timestamp>.{md,json}.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_PASSWORD, BENCH_SECRET_KEY, RUN_DB, cpuProbe, machine, parseArgs, prepareDatabase, signIn, startCluster, totpSecretFor, withClient, type BenchOptions, type PgClient } from './env.js';
import { TargetProcess, type TargetName } from './child.js';
import { combine, load, once, type HttpRequest, type LoadRun } from './load.js';
import { discoverParams, QUERIES, sameData, type BenchParams, type Paging, type QueryDef, type QueryKey } from './queries.js';
import { summarizeProfile } from './profile.js';
import { evaluateTargets, latencyLimit, markdown, PGL_MIN_RATIO, type BenchResults, type Measurement, type ScaleRun, type StatementCounts, type WriteResult } from './report.js';
import { checkWrites, Ledger, markerOf, prepareWrites, WRITE_TITLES, writeBody, type WriteKey, type WriteParams, type WriteTarget } from './writes.js';
import type { Cluster } from './env.js';
import { runExplain } from './explain.js';
import { cpuSnapshot, foreignShare, postgresCpuMs } from './cpu.js';
import { RAW_LOGGED_SQL } from './targets/raw.js';
import { settle, sqlTimesAfterLoad } from './sql-time.js';
import { SECURED_ROUTE, scopedToken } from './secured.js';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const pg = createRequire(import.meta.url)('pg') as typeof import('pg');

const started = Date.now();
const log = (m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

function requestFor(target: TargetName, q: QueryDef, p: BenchParams, cookie: string, paging?: Paging): HttpRequest | { na: string } {
  if (target === 'raw') return { path: '/', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q.raw(p, paging)) };
  if (target === 'api') return { path: '/graphql', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(q.api(p, paging)) };
  if (typeof q.pgl !== 'function') return q.pgl;
  return { path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q.pgl(p, paging)) };
}

/** The raw statement that also writes the API's access-log rows (RAW_LOGGED_SQL), as the signed-in CITY user. */
function loggedRawRequest(q: QueryDef, p: BenchParams): HttpRequest {
  const body = q.raw(p);
  return { path: '/', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, params: [...body.params, p.cityUserId], logged: true }) };
}

/** One request to a yardstick, its answer compared with the API's: false (and `m.error`) when it differs. */
async function sameAnswer(t: TargetProcess, q: QueryDef, req: HttpRequest, reference: unknown, m: Measurement): Promise<boolean> {
  const res = await once(t.url, req);
  const { data, error } = dataOf(t.name, q, res.status, res.text);
  m.bodyBytes = res.bytes;
  if (error) m.error = error;
  else if (!sameData(reference, data).same) m.error = `returns different data: ${sameData(reference, data).where}`;
  return m.error === undefined;
}

/** The same raw statement, prepared: each connection keeps it and PostgreSQL its plan, as the API's (bench/targets/raw.ts). */
async function preparePreparedRaw(q: QueryDef, p: BenchParams, raw: TargetProcess, reference: unknown) {
  const req: HttpRequest = { path: '/', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...q.raw(p), prepared: true }) };
  const m: Measurement = { query: q.key, target: 'raw' };
  if (await sameAnswer(raw, q, req, reference, m)) m.sameData = true;
  return { m, req };
}

/** The response's data in our API's shape, or an error. */
function dataOf(target: TargetName, q: QueryDef, status: number, text: string): { data?: unknown; error?: string } {
  if (status !== 200) return { error: `HTTP ${status}: ${text.slice(0, 300)}` };
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length)
    return {
      error: body.errors
        .map((e) => e.message)
        .join('; ')
        .slice(0, 300),
    };
  return { data: target === 'postgraphile' ? q.fromPgl!(body.data) : body.data };
}

async function statementsPerRequest(t: TargetProcess, r: HttpRequest, samples: number): Promise<number> {
  await once(t.url, r); // anything lazy (first use of a loader, a plan) happens outside the count
  const before = (await t.stats()).statements;
  for (let i = 0; i < samples; i++) {
    const res = await once(t.url, r);
    if (res.status !== 200) throw new Error(`${t.name}: HTTP ${res.status} while counting statements`);
  }
  return ((await t.stats()).statements - before) / samples;
}

/**
 * Raw SQL that writes the API's access-log rows for this read: the same data as the API, and as
 * many audit rows per request as one API request writes (counted in audit_event around one request
 * of each, nothing else running).
 */
async function prepareLogged(q: QueryDef, p: BenchParams, api: TargetProcess, raw: TargetProcess, cookie: string, reference: unknown, db: PgClient) {
  const req = loggedRawRequest(q, p);
  const m: Measurement & { accessLogRows?: { api: number; raw: number } } = { query: q.key, target: 'raw' };
  const rowsWritten = async (t: TargetProcess, r: HttpRequest) => {
    const before = (await db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from audit_event')).rows[0].id;
    const res = await once(t.url, r);
    const n = (await db.query<{ n: number }>('select count(*)::int as n from audit_event where id > $1', [before])).rows[0].n;
    return { res, n };
  };
  const viaApi = await rowsWritten(api, requestFor('api', q, p, cookie) as HttpRequest);
  const viaRaw = await rowsWritten(raw, req);
  const { data, error } = dataOf('raw', q, viaRaw.res.status, viaRaw.res.text);
  m.bodyBytes = viaRaw.res.bytes;
  m.accessLogRows = { api: viaApi.n, raw: viaRaw.n };
  if (error) m.error = error;
  else if (!sameData(reference, data).same) m.error = `returns different data: ${sameData(reference, data).where}`;
  else if (viaApi.n !== viaRaw.n || viaApi.n === 0) m.error = `writes ${viaRaw.n} access-log rows per request, the API ${viaApi.n}`;
  return { m, req };
}

/**
 * PostGraphile's signed-in, scoped route: the same data as the API with the CITY user's
 * municipality in the token, and the policies really applied (another municipality's token gets
 * another answer: none of these rows).
 */
async function prepareSecured(q: QueryDef, p: BenchParams, pgl: TargetProcess, reference: unknown) {
  const plain = requestFor('postgraphile', q, p, '') as HttpRequest;
  const signed = (municipalityId: string): HttpRequest => ({ ...plain, path: SECURED_ROUTE, headers: { ...plain.headers, authorization: `Bearer ${scopedToken(municipalityId)}` } });
  const req = signed(p.municipalityId);
  const m: Measurement = { query: q.key, target: 'postgraphile' };
  if (await sameAnswer(pgl, q, req, reference, m)) {
    const other = await once(pgl.url, signed(randomUUID()));
    let leaked = false;
    try {
      const foreign = dataOf('postgraphile', q, other.status, other.text);
      leaked = foreign.error === undefined && sameData(reference, foreign.data).same;
    } catch {
      // the answer cannot be mapped onto the API's shape: the policy hid the room (roomById null)
    }
    if (leaked) m.error = 'another municipality’s token got the same rows: the policies are not applied';
    else m.statements = { panel: await statementsPerRequest(pgl, req, 5) };
  }
  return { m, req };
}

/**
 * The request floor: a signed-in request that reads nothing (`{ __typename }`), served by the API
 * (its session, Express, Apollo Server, graphql-shield) and by PostGraphile, loaded in the same
 * rounds as the first throughput query. What each server costs per request before it reads any
 * data is the part of a throughput gap that no read path's SQL can close.
 */
const FLOOR_BODY = JSON.stringify({ query: '{ __typename }' });
const floorProblem = (status: number, text: string): string | null => {
  try {
    if (status === 200 && sameData({ data: { __typename: 'Query' } }, JSON.parse(text)).same) return null;
  } catch {
    // not JSON: said below
  }
  return `answered HTTP ${status}: ${text.slice(0, 120)}`;
};

async function prepareFloor(t: TargetProcess, host: QueryKey, cookie: string): Promise<Prepared> {
  const req: HttpRequest = { path: '/graphql', headers: { 'content-type': 'application/json', ...(t.name === 'api' ? { cookie } : {}) }, body: FLOOR_BODY };
  const m: Measurement = { query: host, target: t.name };
  const res = await once(t.url, req);
  m.bodyBytes = res.bytes;
  const problem = floorProblem(res.status, res.text);
  if (problem) m.error = problem;
  else {
    m.sameData = true;
    m.statements = { panel: await statementsPerRequest(t, req, 5) };
  }
  return { t, label: `${t.name === 'api' ? 'api' : 'pgl'} floor`, req, m, data: null, check: floorProblem };
}

interface Prepared {
  t: TargetProcess;
  /** the name in the log when it is not the target's: raw prepared (beside the latency check), raw + log, pgl + auth (yardsticks of the throughput check), each on that target's process */
  label?: string;
  req: HttpRequest;
  m: Measurement;
  data: unknown;
  /** judges the answer after the load instead of comparing its data with the query's (the request floor) */
  check?: (status: number, text: string) => string | null;
}

/** Before the load: the same data as the API? statements per request (and vs page size). (DB time: after the load.) */
async function prepare(o: BenchOptions, t: TargetProcess, q: QueryDef, p: BenchParams, cookie: string, reference: unknown | undefined): Promise<{ m: Measurement; prepared?: Prepared }> {
  const req = requestFor(t.name, q, p, cookie);
  if ('na' in req) return { m: { query: q.key, target: t.name, na: req.na } };
  const first = await once(t.url, req);
  const { data, error } = dataOf(t.name, q, first.status, first.text);
  if (error) return { m: { query: q.key, target: t.name, error } };
  const m: Measurement = { query: q.key, target: t.name, bodyBytes: first.bytes };
  if (reference !== undefined) {
    const cmp = sameData(reference, data);
    m.sameData = cmp.same;
    if (!cmp.same) m.difference = cmp.where;
  }
  const statements: StatementCounts = { panel: await statementsPerRequest(t, req, o.statementSamples) };
  if (q.paging) {
    const small = requestFor(t.name, q, p, cookie, q.paging.small) as HttpRequest;
    const large = requestFor(t.name, q, p, cookie, q.paging.large) as HttpRequest;
    statements.small = await statementsPerRequest(t, small, o.statementSamples);
    statements.large = await statementsPerRequest(t, large, o.statementSamples);
    statements.smallPerPage = q.paging.small.perPage;
    statements.largePerPage = q.paging.large.perPage;
  }
  m.statements = statements;
  return { m, prepared: { t, req, m, data } };
}

/**
 * The load, fair to every target on a machine whose speed varies: each concurrency's time is cut
 * into rounds, and the rounds of the targets take turns (api, raw, postgraphile, api, ...); before
 * each round every target process collects its garbage and PostgreSQL checkpoints. A target's
 * figures pool the latencies of its rounds.
 */
async function loadAll(o: BenchOptions, all: TargetProcess[], ready: Prepared[], db: PgClient, profile = false): Promise<number | null> {
  const before = cpuSnapshot();
  const level = async () => {
    for (const x of all) await x.gc();
    await settle(db);
  };
  for (const r of ready) {
    await level();
    await r.t.resetPeak();
    if (o.warmup > 0) await load(r.t.url, r.req, Math.max(...o.concurrency), o.warmup);
    r.m.load = [];
  }
  for (const c of o.concurrency) {
    const runs = new Map<Prepared, LoadRun[]>(ready.map((r) => [r, []]));
    for (let round = 0; round < o.rounds; round++) {
      for (const r of ready) {
        await level();
        const cpuBefore = (await r.t.stats()).cpuUs;
        const pgBefore = postgresCpuMs();
        const run = await load(r.t.url, r.req, c, o.duration / o.rounds, r.req.answered ? undefined : r.m.bodyBytes);
        run.cpuMs = ((await r.t.stats()).cpuUs - cpuBefore) / 1000;
        const pgAfter = postgresCpuMs();
        if (pgBefore !== null && pgAfter !== null) run.pgCpuMs = pgAfter - pgBefore;
        runs.get(r)!.push(run);
      }
    }
    for (const r of ready) {
      const x = combine(runs.get(r)!);
      r.m.load!.push(x);
      log(
        `    ${(r.label ?? r.t.name).padEnd(12)} c=${c}: p50 ${x.p50.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms, ${x.rps.toFixed(0)} req/s, CPU ${x.cpuMsPerRequest?.toFixed(2) ?? '–'} ms/req (PostgreSQL ${x.pgCpuMsPerRequest?.toFixed(2) ?? '–'})${x.non2xx + x.errors + x.timeouts + x.mismatches ? `, ${x.non2xx} non-2xx, ${x.errors} errors, ${x.timeouts} timeouts, ${x.mismatches} mismatched` : ''}`,
      );
    }
  }
  // a CPU profile, in a load of its own (the profiler slows the target: its figures are not kept)
  const profiled = async (r: Prepared, connections: number, name: string) => {
    await level();
    const dir = path.join(o.dataDir, 'profiles');
    fs.mkdirSync(dir, { recursive: true });
    await r.t.profile(path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}.cpuprofile`));
    const run = await load(r.t.url, r.req, connections, o.profileSeconds, r.req.answered ? undefined : r.m.bodyBytes);
    const { profileFile } = await r.t.profile(null);
    return profileFile ? { ...summarizeProfile(path.relative(process.cwd(), profileFile), o.profileSeconds), requests: run.requests } : undefined;
  };
  if (profile && o.profileSeconds > 0) {
    // what the API and PostGraphile spend their CPU on at the highest concurrency, for the throughput
    // report's "what limits it" and where the API spends more per request than PostGraphile
    for (const r of ready) {
      if (r.label || (r.t.name !== 'api' && r.t.name !== 'postgraphile') || PGL_MIN_RATIO[r.m.query as QueryKey] === undefined) continue;
      r.m.profile = await profiled(r, Math.max(...o.concurrency), `${r.m.query}-${r.t.name}`);
    }
    // and the API's at the lowest concurrency, where its p50 missed the limit against raw SQL (report.ts latencyLimit)
    const cLow = Math.min(...o.concurrency);
    const p50 = (r: Prepared | undefined) => r?.m.load?.find((l) => l.connections === cLow)?.p50;
    for (const r of ready) {
      if (r.label || r.t.name !== 'api') continue;
      const api = p50(r);
      const raw = p50(ready.find((x) => !x.label && x.t.name === 'raw' && x.m.query === r.m.query));
      if (api === undefined || raw === undefined || api / raw <= latencyLimit(r.m.query, QUERIES)) continue;
      r.m.latencyProfile = await profiled(r, cLow, `${r.m.query}-api-c${cLow}`);
    }
  }
  for (const r of ready) {
    r.m.peakRssMb = mb((await r.t.stats()).peakRss);
    if (r.req.answered) continue; // a write: checked with SQL afterwards (bench/writes.ts)
    // the answer after the load is still the right one
    const last = await once(r.t.url, r.req);
    if (r.check) {
      const problem = r.check(last.status, last.text);
      if (problem) r.m.error = `answer changed under load: ${problem}`;
      continue;
    }
    const after = dataOf(r.t.name, QUERIES.find((q) => q.key === r.m.query)!, last.status, last.text);
    if (after.error || !sameData(r.data, after.data).same) r.m.error = `answer changed under load: ${after.error ?? sameData(r.data, after.data).where}`;
  }
  const foreign = foreignShare(before, cpuSnapshot());
  if (foreign !== null) log(`    other processes used ${(foreign * 100).toFixed(0)}% of the machine meanwhile`);
  return foreign;
}

/** The reads, and the writes after them: its own database, its own target processes. */
async function session(o: BenchOptions, cluster: Cluster) {
  const dataset = await prepareDatabase(cluster, o, log);
  log(
    `dataset ${dataset.template}: ${Object.entries(dataset.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const params = await withClient(cluster.url(RUN_DB), (c) => discoverParams(c));
  log(
    `params: office ${params.officeId} q=${params.q}, room ${params.roomId} (${params.roomPosts} posts), busy room ${params.bigRoomId} (${params.bigRoomPosts} posts), activity month ${params.activityMonth}`,
  );
  const targets: TargetProcess[] = [];
  try {
    const wanted = o.targets as TargetName[];
    for (const name of ['api', 'raw', 'postgraphile'] as TargetName[]) {
      if (!wanted.includes(name) && name !== 'api') continue; // the API is the reference: always there
      const role = name === 'postgraphile' ? 'reader' : 'app'; // raw writes (the access log, the writes) as the API's runtime role
      targets.push(await TargetProcess.start(name, { databaseUrl: cluster.url(RUN_DB, role), poolMax: 10, ...(name === 'api' ? { secretKey: BENCH_SECRET_KEY } : {}) }));
      log(`target ${name} listening on ${targets.at(-1)!.url} (pid ${targets.at(-1)!.pid})`);
    }
    const api = targets.find((t) => t.name === 'api')!;
    const cookie = await signIn(api.url, params.cityLoginId, BENCH_PASSWORD, totpSecretFor(o.seed));
    log(`signed in as ${params.cityLoginId} (password + TOTP)`);
    const idleRssMb: BenchResults['idleRssMb'] = {};
    for (const t of targets) idleRssMb[t.name] = mb((await t.stats()).rss);

    // the index check first, on the dataset as built (the load adds audit rows)
    let explain: BenchResults['explain'] = null;
    if (o.explain) {
      log('EXPLAIN of the panel’s list filters');
      const vendorCookie = await signIn(api.url, 'bench-vendor', BENCH_PASSWORD, totpSecretFor(o.seed));
      explain = await withClient(cluster.url(RUN_DB), (c) => runExplain(api, { CITY: cookie, VENDOR: vendorCookie }, c, params, log));
    }

    const queries = QUERIES.filter((q) => !o.queries || o.queries.includes(q.key));
    const measurements: Measurement[] = [];
    const foreignCpu: BenchResults['foreignCpu'] = {};
    let floorTaken = false;
    const db = new pg.Client({ connectionString: cluster.url(RUN_DB) });
    await db.connect();
    try {
      for (const q of queries) {
        log(q.title);
        let reference: unknown;
        const ready: Prepared[] = [];
        for (const t of targets) {
          if (!wanted.includes(t.name)) continue;
          const { m, prepared } = await prepare(o, t, q, params, cookie, t.name === 'api' ? undefined : reference);
          if (t.name === 'api') reference = prepared?.data;
          if (m.na) log(`    ${t.name.padEnd(12)} n/a: ${m.na}`);
          if (m.error) log(`    ${t.name.padEnd(12)} ERROR: ${m.error}`);
          if (m.sameData === false) log(`    ${t.name.padEnd(12)} returns different data: ${m.difference}`);
          measurements.push(m);
          if (prepared) ready.push(prepared);
          // and PostGraphile signed in and scoped, as it would have to run here (bench/secured.ts)
          if (t.name === 'postgraphile' && prepared && PGL_MIN_RATIO[q.key] !== undefined) {
            const secured = await prepareSecured(q, params, t, reference);
            m.secured = secured.m;
            if (secured.m.error) log(`    pgl + auth   ERROR: ${secured.m.error}`);
            else ready.push({ t, label: 'pgl + auth', req: secured.req, m: secured.m, data: reference });
          }
          // beside the latency check's yardstick: the same statement prepared, as the API's are
          if (t.name === 'raw' && prepared) {
            const named = await preparePreparedRaw(q, params, t, reference);
            m.preparedStatement = named.m;
            if (named.m.error) log(`    raw prepared ERROR: ${named.m.error}`);
            else ready.push({ t, label: 'raw prepared', req: named.req, m: named.m, data: reference });
          }
          // the throughput check's ceiling for a read that logs: raw SQL writing the same access-log rows
          if (t.name === 'raw' && prepared && RAW_LOGGED_SQL[q.key] && PGL_MIN_RATIO[q.key] !== undefined && wanted.includes('postgraphile')) {
            const logged = await prepareLogged(q, params, api, t, cookie, reference, db);
            m.withAccessLog = logged.m;
            if (logged.m.error) log(`    raw + log    ERROR: ${logged.m.error}`);
            else ready.push({ t, label: 'raw + log', req: logged.req, m: logged.m, data: reference });
          }
        }
        // once per run, beside the first throughput query: the request floor of the API and PostGraphile
        if (!floorTaken && PGL_MIN_RATIO[q.key] !== undefined && wanted.includes('postgraphile')) {
          floorTaken = true;
          for (const m of measurements.filter((x) => x.query === q.key && (x.target === 'api' || x.target === 'postgraphile') && !x.na && !x.error)) {
            const floor = await prepareFloor(targets.find((t) => t.name === m.target)!, q.key, cookie);
            m.floor = floor.m;
            if (floor.m.error) log(`    ${floor.label} ERROR: ${floor.m.error}`);
            else ready.push(floor);
          }
        }
        foreignCpu[q.key] = await loadAll(o, targets, ready, db, true);
        await sqlTimesAfterLoad(
          ready.filter((r) => !r.label),
          db,
          () => db,
        );
      }
      const writes = o.writes.length ? await measureWrites(o, targets, db, params.municipalityId, cookie) : null;
      return { dataset, params, idleRssMb, explain, queries, measurements, foreignCpu, writes };
    } finally {
      await db.end();
    }
  } finally {
    for (const t of targets) await t.stop().catch(() => undefined);
  }
}

/**
 * --scales: the read queries at every scale in one session, each scale on a fresh copy of its
 * dataset with API and raw processes of its own, all running at once; the scales take turns as the
 * targets do (API s=1, raw s=1, API s=5, raw s=5, API s=1, …; loadAll), at the lowest concurrency
 * (the one the scale check reads). Measured one scale after the other, the machine's speed moved
 * between the two sessions as much as the check's limit: raw's own process, whose work does not
 * depend on the data, spent 0.49 → 0.77 ms per roster request from the first session to the second,
 * and 1.57 → 0.68 ms with the scales in the other order.
 */
async function scalesInTurns(o: BenchOptions, cluster: Cluster, scales: number[]): Promise<ScaleRun[]> {
  const sides: { scale: number; counts: Record<string, number>; params: BenchParams; targets: TargetProcess[]; cookie: string; db: PgClient; measurements: Measurement[] }[] = [];
  const so: BenchOptions = { ...o, concurrency: [Math.min(...o.concurrency)] };
  try {
    for (const scale of scales) {
      const runDb = `${RUN_DB}_s${scale}`;
      const dataset = await prepareDatabase(cluster, { ...o, scale }, log, runDb);
      const params = await withClient(cluster.url(runDb), (c) => discoverParams(c));
      const side = { scale, counts: dataset.counts, params, targets: [] as TargetProcess[], cookie: '', db: new pg.Client({ connectionString: cluster.url(runDb) }), measurements: [] };
      sides.push(side);
      await side.db.connect();
      for (const name of ['api', 'raw'] as const) {
        if (name === 'raw' && !o.targets.includes('raw')) continue;
        side.targets.push(
          await TargetProcess.start(name, { databaseUrl: cluster.url(runDb, name === 'api' ? 'app' : 'reader'), poolMax: 10, ...(name === 'api' ? { secretKey: BENCH_SECRET_KEY } : {}) }),
        );
      }
      side.cookie = await signIn(side.targets[0].url, params.cityLoginId, BENCH_PASSWORD, totpSecretFor(o.seed));
      log(`scale ${scale}: ${dataset.template} copied to ${runDb}, API and raw started`);
    }
    const all = sides.flatMap((x) => x.targets);
    for (const q of QUERIES.filter((x) => !o.queries || o.queries.includes(x.key))) {
      log(`${q.title} (scales ${scales.join(', ')} in turns)`);
      const ready: Prepared[] = [];
      for (const side of sides) {
        let reference: unknown;
        for (const t of side.targets) {
          const { m, prepared } = await prepare(so, t, q, side.params, side.cookie, t.name === 'api' ? undefined : reference);
          if (t.name === 'api') reference = prepared?.data;
          if (m.error) log(`    ${t.name} s=${side.scale} ERROR: ${m.error}`);
          side.measurements.push(m);
          if (prepared) ready.push({ ...prepared, label: `${t.name} s=${side.scale}` });
        }
      }
      await loadAll(so, all, ready, sides[0].db);
      await sqlTimesAfterLoad(ready, sides[0].db, (r) => sides.find((side) => side.targets.includes(r.t))!.db);
    }
    return sides.map(({ scale, counts, measurements }) => ({ scale, counts, measurements }));
  } finally {
    for (const side of sides) {
      for (const t of side.targets) await t.stop().catch(() => undefined);
      await side.db.end().catch(() => undefined);
    }
  }
}

/**
 * The writes, after the reads (they add rows): each target gets its own room, writer and pool of
 * applications (bench/writes.ts), the API's users sign in like the panel's, then each write is
 * loaded like a read (warm-up, concurrency 1 and 8, rounds in turns) and checked with SQL.
 */
async function measureWrites(o: BenchOptions, targets: TargetProcess[], db: PgClient, cityMunicipalityId: string, cityCookie: string): Promise<WriteResult> {
  // enough applications for ~1,500 approvals a second through the warm-up and every measured second
  const poolSize = Math.ceil((o.warmup + o.duration * o.concurrency.length + 2) * 1500);
  const p: WriteParams = await prepareWrites(db, cityMunicipalityId, poolSize);
  const api = targets.find((t) => t.name === 'api')!;
  const writerCookie = await signIn(api.url, p.api.writerLoginId, BENCH_PASSWORD, totpSecretFor(o.seed));
  log(
    `writes: API as ${p.api.writerLoginId} in room ${p.api.roomId} and ${p.api.cityLoginId} (pool ${p.api.pool.length}); raw as ${p.raw.writerLoginId} in room ${p.raw.roomId} (pool ${p.raw.pool.length})`,
  );
  const measurements: Measurement[] = [];
  const checks: WriteResult['checks'] = [];
  const foreignCpu: WriteResult['foreignCpu'] = {};
  for (const w of o.writes as WriteKey[]) {
    log(WRITE_TITLES[w]);
    const ready: Prepared[] = [];
    const ledgers: Ledger[] = [];
    for (const t of targets) {
      if (t.name === 'postgraphile' || !o.targets.includes(t.name)) continue;
      const target = t.name as WriteTarget;
      const side = p[target];
      const ledger = new Ledger(w, target, side);
      ledgers.push(ledger);
      const cookie = w === 'approveApplication' ? cityCookie : writerCookie;
      const req: HttpRequest = {
        path: target === 'raw' ? '/' : '/graphql',
        headers: { 'content-type': 'application/json', ...(target === 'api' ? { cookie } : {}) },
        body: '',
        nextBody: () => JSON.stringify(writeBody(w, target, side, ledger.next())),
        answered: (status, text, sent) => ledger.answer(status, text, markerOf(w, target, side, sent)),
      };
      const m: Measurement = { query: w, target: t.name };
      const first = await once(t.url, req);
      if (!ledger.ok.size) {
        m.error = ledger.firstError ?? `HTTP ${first.status}`;
        log(`    ${t.name.padEnd(12)} ERROR: ${m.error}`);
        measurements.push(m);
        continue;
      }
      m.bodyBytes = first.bytes;
      m.statements = { panel: await statementsPerRequest(t, req, o.statementSamples) };
      measurements.push(m);
      ready.push({ t, req, m, data: undefined });
    }
    foreignCpu[w] = await loadAll(o, targets, ready, db, true);
    for (const ledger of ledgers) {
      const c = await checkWrites(db, p, ledger);
      checks.push(c);
      log(`    ${ledger.target.padEnd(12)} rows: ${c.holds ? 'none lost or duplicated' : 'MISSED'} — ${c.lines.join('; ')}`);
    }
  }
  return {
    params: {
      api: { writer: p.api.writerLoginId, roomId: p.api.roomId, approver: p.api.cityLoginId, pool: p.api.pool.length, pages: p.api.pages.length },
      raw: { writer: p.raw.writerLoginId, roomId: p.raw.roomId, approver: p.raw.cityLoginId, pool: p.raw.pool.length, pages: p.raw.pages.length },
    },
    measurements,
    checks,
    foreignCpu,
  };
}

export async function main(argv = process.argv.slice(2)) {
  const o = parseArgs(argv);
  const startedAt = new Date();
  const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  log(`${command}`);
  const probeStart = cpuProbe();
  log(`CPU probe: ${probeStart.minMs}–${probeStart.maxMs} ms (median ${probeStart.medianMs}) for the same work`);
  const cluster = await startCluster(o, log);
  try {
    const main = await session(o, cluster);
    // --scales: the read queries again, at every scale in turns (API and raw, no EXPLAIN, no writes)
    const scales = o.scales ? await scalesInTurns(o, cluster, o.scales) : null;
    const { queries, writes, ...rest } = main;
    const probeEnd = cpuProbe();
    const partial = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      command,
      options: o,
      machine: machine(cluster.version),
      cpuProbe: { start: probeStart, end: probeEnd },
      ...rest,
      writes,
      scales,
    };
    const results: BenchResults = { ...partial, targets: evaluateTargets(partial, queries) };
    const md = markdown(results, queries);
    fs.mkdirSync(o.outDir, { recursive: true });
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
    const base = path.join(o.outDir, stamp);
    fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, `${md}\n`);
    console.log(`\n${md}\n`);
    log(`written ${path.relative(process.cwd(), base)}.md and .json`);
  } finally {
    await cluster.stop().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
