// What `npm run backup` and `npm run restore` share: which database (DATABASE_URL, or the embedded
// cluster in the data folder, running or not), PostgreSQL's own pg_dump/pg_restore of the server's
// major version, and connection strings that never show their password.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import type { Config } from '../config.js';
import { EMBEDDED_APP_ROLE, EMBEDDED_DB_NAME, readOrCreateSecret } from '../app.js';
import { embeddedUrl, ensureDatabase, startEmbeddedPostgres } from './embedded.js';
import { assertDataDirMatches, majorOfServerVersionNum, majorOfToolVersion } from './pg-version.js';
import { roleOf } from './roles.js';

/** postgres://user:***@host/db: for messages */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable connection string)';
  }
}

/** The URL without its password, and the password (handed to libpq as PGPASSWORD, never on a command line). */
export function splitPassword(url: string): { url: string; password: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), password };
}

export interface DumpTarget {
  /** The owner connection: dumps read as it, restores write as it (it owns what it restores). */
  ownerUrl: string;
  /** The role the application runs as when it is not the owner: its rights are granted again after a restore. */
  runtimeRole: string | null;
  /** Embedded mode: the runtime login role, created if missing (as the server does at start-up). */
  runtimeLogin: { role: string; password: string } | null;
  /** For messages (no password). */
  label: string;
  /** Stops the embedded PostgreSQL if this process started it. */
  close: () => Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function canConnect(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * The application's database: DATABASE_URL (as MIGRATION_DATABASE_URL, the owner, when that is
 * set), else the embedded cluster in DATA_DIR, used where it runs (`npm start` in another terminal)
 * or started for the duration. `create`: make the embedded cluster/database if missing (restore).
 */
export async function openTarget(config: Config, o: { create: boolean; log: (m: string) => void }): Promise<DumpTarget> {
  if (config.databaseUrl) {
    const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
    const runtime = roleOf(config.databaseUrl);
    return { ownerUrl, runtimeRole: runtime !== roleOf(ownerUrl) ? runtime : null, runtimeLogin: null, label: maskUrl(ownerUrl), close: async () => {} };
  }
  const pgDir = path.join(config.dataDir, 'pg');
  const shown = shownPath(config.dataDir);
  if (!o.create && !fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    throw new Error(`No embedded database in ${shown}/pg: start the server once (npm start), or set DATABASE_URL.`);
  }
  assertDataDirMatches(pgDir, config.dataDir);
  let adminUrl: string | null = null;
  let close = async () => {};
  // the server of `npm start` may be running: its port is in postmaster.pid (line 4)
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (fs.existsSync(pidFile) && fs.existsSync(path.join(config.dataDir, 'pg-password'))) {
    const [pid, , , port] = fs.readFileSync(pidFile, 'utf8').split('\n');
    const password = fs.readFileSync(path.join(config.dataDir, 'pg-password'), 'utf8').trim();
    const url = embeddedUrl(password, Number(port), 'postgres');
    if (alive(Number(pid)) && (await canConnect(url))) {
      adminUrl = url;
      o.log(`Using the running embedded PostgreSQL (data in ${shown}/pg, port ${Number(port)}).`);
    }
  }
  if (!adminUrl) {
    o.log(`Starting the embedded PostgreSQL (data in ${shown}/pg) for the duration ...`);
    const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    adminUrl = embedded.url();
    close = () => embedded.stop();
  }
  try {
    if (o.create) {
      await ensureDatabase(adminUrl, EMBEDDED_DB_NAME);
    } else {
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      const found = await c.query('select 1 from pg_database where datname = $1', [EMBEDDED_DB_NAME]).finally(() => c.end());
      if (!found.rowCount) throw new Error(`The embedded cluster in ${shown} has no "${EMBEDDED_DB_NAME}" database yet: start the server once (npm start).`);
    }
  } catch (e) {
    await close();
    throw e;
  }
  const ownerUrl = adminUrl.replace(/\/postgres$/, `/${EMBEDDED_DB_NAME}`);
  const password = readOrCreateSecret(path.join(config.dataDir, 'app-password'));
  return { ownerUrl, runtimeRole: EMBEDDED_APP_ROLE, runtimeLogin: { role: EMBEDDED_APP_ROLE, password }, label: `embedded ${maskUrl(ownerUrl)}`, close };
}

/** Major version of the server behind `url`. */
export async function serverMajor(url: string): Promise<{ major: number; version: string }> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ num: string; version: string }>(`select current_setting('server_version_num') as num, current_setting('server_version') as version`);
    return { major: majorOfServerVersionNum(r.rows[0].num), version: r.rows[0].version };
  } finally {
    await c.end();
  }
}

function toolVersion(bin: string): { major: number; text: string } | null {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const major = majorOfToolVersion(r.stdout);
  return major === null ? null : { major, text: r.stdout.trim() };
}

/**
 * pg_dump / pg_restore of the server's major version: PG_BINDIR if set, then Debian's
 * /usr/lib/postgresql/<major>/bin, then PATH. `strict`: refuse any other major version
 * (pg_dump refuses newer servers, and an older server may not take a newer one's dump).
 */
export function findTool(name: 'pg_dump' | 'pg_restore' | 'psql', major: number, strict: boolean, env: NodeJS.ProcessEnv = process.env): { bin: string; version: string; major: number } {
  const candidates = [env.PG_BINDIR && path.join(env.PG_BINDIR, name), `/usr/lib/postgresql/${major}/bin/${name}`, name].filter((c): c is string => !!c);
  const found: { bin: string; major: number; text: string }[] = [];
  for (const bin of candidates) {
    if (bin.includes('/') && !fs.existsSync(bin)) continue;
    const v = toolVersion(bin);
    if (!v) continue;
    if (v.major === major) return { bin, version: v.text, major };
    found.push({ bin, ...v });
  }
  const install = `install PostgreSQL ${major}'s client tools (Debian/Ubuntu: apt-get install postgresql-client-${major}) or set PG_BINDIR to the folder holding its ${name}`;
  if (!found.length) throw new Error(`${name} was not found: ${install}.`);
  if (strict) {
    throw new Error(
      `${name} must be of the server's major version: the server is PostgreSQL ${major}, but ${found.map((f) => `${f.bin} is "${f.text}"`).join(', ')}. ${install[0].toUpperCase()}${install.slice(1)}.`,
    );
  }
  return { bin: found[0].bin, version: found[0].text, major: found[0].major };
}

/** Runs pg_dump/pg_restore against `url`, the password in the environment; rejects with its stderr. */
export function runTool(bin: string, args: string[], url: string, stdout?: (chunk: string) => void): Promise<{ stderr: string }> {
  const { url: bare, password } = splitPassword(url);
  const env = { ...process.env, PGPASSWORD: password, PGAPPNAME: path.basename(bin) };
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, `--dbname=${bare}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => stdout?.(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stderr });
      else reject(new Error(`${path.basename(bin)} failed (exit status ${code}):\n${stderr.trim()}`));
    });
  });
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** A path given on the command line, relative to where `npm run` was typed (npm runs scripts from the project root). */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** Relative to the project root when inside it. */
export function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
