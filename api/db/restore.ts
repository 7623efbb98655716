// npm run restore -- <file> [--clean]: pg_restore of a `npm run backup` dump into the application's
// database (same choice of database as backup), in one transaction: a failed restore leaves nothing
// behind. Refuses a database that already has tables unless --clean (then the public schema is
// emptied and the dump restored, in that same transaction: restoreReplacing). Afterwards: the runtime role and its rights as
// the server sets them at start-up (no UPDATE/DELETE on audit_event), and a check that the restored
// migrations table matches this code, so the server starts without migrating again. Every session
// and API token of the backup is ended (endCredentialsOfBackup says why).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { connect } from './orm.js';
import { migrationsList } from '../../migrations/index.js';
import { ensureLoginRole, grantRuntimeRights } from './roles.js';
import { findTool, humanSize, openTarget, runTool, serverMajor, shownPath, splitPassword, userPath } from './dump.js';

export interface RestoreResult {
  tables: number;
  /** pg_restore's own time */
  ms: number;
  migrationsApplied: number;
  migrationsPending: string[];
  /** sessions and API tokens of the backup ended by the restore */
  sessionsEnded: number;
  apiTokensRevoked: number;
}

/**
 * A backup holds every session and API token live at the time it was made, but cannot know which
 * of them were ended after it (a sign-out, a stopped account, a revoked token): bringing them back
 * would let a cookie or token that was ended work again. So a restore ends them all. Users sign in
 * again (their passwords and TOTP come back with the dump); token owners create new tokens.
 */
export async function endCredentialsOfBackup(execute: (sql: string, params?: unknown[]) => Promise<unknown[]>, file: string): Promise<{ sessionsEnded: number; apiTokensRevoked: number }> {
  const sessions = await execute(`update session set revoked_at = now(), revoked_reason = 'restored_from_backup' where revoked_at is null returning id`);
  const tokens = await execute(`update api_token set revoked_at = now() where revoked_at is null returning id`);
  await execute(`insert into audit_event (action, outcome, detail) values ('system.restore', 'SUCCESS', ?)`, [
    JSON.stringify({ backup: path.basename(file), sessionsEnded: sessions.length, apiTokensRevoked: tokens.length }),
  ]);
  return { sessionsEnded: sessions.length, apiTokensRevoked: tokens.length };
}

/** Tables in the archive's table of contents (`pg_restore --list`). */
function archiveTables(bin: string, file: string): { schema: string; name: string }[] {
  const r = spawnSync(bin, ['--list', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${file} is not a pg_dump archive (custom format): ${r.stderr.trim()}`);
  const tables: { schema: string; name: string }[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) /.exec(line);
    if (m) tables.push({ schema: m[1], name: m[2] });
  }
  return tables;
}

/**
 * --clean, in one transaction: the public schema dropped and made again, then the dump's SQL (pg_restore's script
 * output) through psql, stopping at the first error (everything rolled back). Not pg_restore --clean: PostgreSQL 15's
 * pg_restore drops a partition's inherited primary key before its table and fails on it (audit_event is partitioned).
 */
function restoreReplacing(pgRestore: string, psql: string, args: string[], url: string): Promise<{ stderr: string }> {
  const { url: bare, password } = splitPassword(url);
  const env = { ...process.env, PGPASSWORD: password, PGAPPNAME: 'pg_restore' };
  const sql = spawn(psql, ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--file=-', `--dbname=${bare}`], { env, stdio: ['pipe', 'ignore', 'pipe'] });
  const script = spawn(pgRestore, ['--file=-', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  for (const child of [sql, script]) child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // psql stopping at an error closes its input: its exit status says so, the broken pipe is not news
  sql.stdin.on('error', () => {});
  // our own transaction, not psql's --single-transaction: that one commits at the end of its input, and a pg_restore
  // that fails half-way (a truncated file) ends the input too. COMMIT is sent only once pg_restore has succeeded;
  // otherwise the input ends without it and PostgreSQL rolls everything back when psql disconnects.
  // The schema as a new database has it (PostgreSQL 15: usable by everyone, creatable by its owner).
  sql.stdin.write('begin;\ndrop schema public cascade;\ncreate schema public;\ngrant usage on schema public to public;\n');
  script.stdout.pipe(sql.stdin, { end: false });
  const exit = (child: ChildProcess) => new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  const scriptExit = exit(script);
  const sqlExit = exit(sql);
  return scriptExit.then(async (scriptCode) => {
    sql.stdin.end(scriptCode === 0 ? 'commit;\n' : undefined);
    const sqlCode = await sqlExit;
    if (scriptCode === 0 && sqlCode === 0) return { stderr };
    throw new Error(`pg_restore failed (exit status ${scriptCode}, psql ${sqlCode}):\n${stderr.trim()}`);
  });
}

export async function restore(config: Config, file: string, o: { clean?: boolean; log?: (m: string) => void } = {}): Promise<RestoreResult> {
  const log = o.log ?? console.log;
  const archive = userPath(file);
  if (!fs.existsSync(archive)) throw new Error(`No such file: ${archive}`);
  const target = await openTarget(config, { create: true, log });
  try {
    const server = await serverMajor(target.ownerUrl);
    const pgRestore = findTool('pg_restore', server.major, false);
    if (pgRestore.major !== server.major) log(`Note: no pg_restore of PostgreSQL ${server.major} found; using ${pgRestore.bin} (${pgRestore.version}).`);
    const inArchive = archiveTables(pgRestore.bin, archive);
    if (!inArchive.some((t) => t.name === 'mikro_orm_migrations')) throw new Error(`${archive} is not a backup of this application (no mikro_orm_migrations table in it).`);

    // what is in the target already
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: target.ownerUrl });
    await c.connect();
    let existing: { schema: string; name: string }[];
    let others: number;
    try {
      existing = (
        await c.query<{ schema: string; name: string }>(
          `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
          order by 1, 2`,
        )
      ).rows;
      others = (await c.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)).rows[0].n;
    } finally {
      await c.end();
    }
    if (existing.length && !o.clean) {
      throw new Error(
        `Refusing to restore into ${target.label}: it is not empty (${existing.length} tables, e.g. ${existing
          .slice(0, 3)
          .map((t) => t.name)
          .join(', ')}). Restore into an empty database, or add --clean to replace its contents with the backup (in one transaction).`,
      );
    }
    if (existing.length) {
      // --clean drops and recreates the public schema (restoreReplacing), so tables there that the dump lacks (a month
      // partition of the audit trail made after the backup, a newer version's table) go too; a table in another schema
      // would stay behind, beside the restored data
      const known = new Set(inArchive.map((t) => `${t.schema}.${t.name}`));
      const extra = existing.filter((t) => t.schema !== 'public' && !known.has(`${t.schema}.${t.name}`));
      if (extra.length) {
        throw new Error(
          `Refusing to --clean ${target.label}: it has tables the backup does not contain (${extra.map((t) => t.name).join(', ')}), which pg_restore would leave behind. Restore into a new, empty database instead.`,
        );
      }
      if (others) log(`Warning: ${others} other connection(s) to this database (is the server running? stop it while restoring).`);
    }

    log(`Restoring ${shownPath(archive)} (${humanSize(fs.statSync(archive).size)}) into ${target.label} (PostgreSQL ${server.version}) with ${pgRestore.version} ...`);
    const started = performance.now();
    // --no-owner: the restoring (owner) role owns everything, as after the migrations; --no-privileges:
    // the dump's grants name the source's roles, the runtime role's rights are granted below
    const args = ['--no-owner', '--no-privileges', archive];
    const { stderr } = o.clean
      ? await restoreReplacing(pgRestore.bin, findTool('psql', server.major, false).bin, args, target.ownerUrl)
      : await runTool(pgRestore.bin, ['--single-transaction', '--exit-on-error', ...args], target.ownerUrl);
    if (stderr.trim()) log(stderr.trim());
    const ms = performance.now() - started;

    // the state the server sets up at start-up (api/app.ts), and the planner's statistics
    const owner = await connect(target.ownerUrl);
    try {
      const conn = owner.em.fork().getConnection();
      // first, before anything else can connect: no session or token of the backup works again
      const ended = await owner.em.fork().transactional((tx) => endCredentialsOfBackup((sql, params = []) => tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext()), archive));
      log(`Ended the backup's ${ended.sessionsEnded} open session(s) and revoked its ${ended.apiTokensRevoked} API token(s): users sign in again, token owners create new tokens.`);
      await conn.execute('analyze');
      if (target.runtimeLogin) await ensureLoginRole(owner, target.runtimeLogin.role, target.runtimeLogin.password);
      if (target.runtimeRole) await grantRuntimeRights(owner, target.runtimeRole);
      const migrator = owner.getMigrator();
      const applied = (await migrator.getExecutedMigrations()).map((m) => m.name);
      const pending = (await migrator.getPendingMigrations()).map((m) => m.name);
      const unknown = applied.filter((n) => !migrationsList.some((m) => m.name === n));
      log(`Restored ${inArchive.length} tables in ${(ms / 1000).toFixed(2)} s; ${applied.length} migrations recorded${target.runtimeRole ? `; rights of ${target.runtimeRole} granted again` : ''}.`);
      if (pending.length) log(`The backup predates ${pending.length} migration(s) of this version (${pending.join(', ')}): the server applies them at its next start.`);
      if (unknown.length) log(`Warning: the backup was made by a newer version of the application (migrations ${unknown.join(', ')} are unknown here): run that version on it.`);
      return { tables: inArchive.length, ms, migrationsApplied: applied.length, migrationsPending: pending, ...ended };
    } finally {
      await owner.close(true);
    }
  } finally {
    await target.close();
  }
}

const usage = `Usage: npm run restore -- <file> [--clean]
  Restores a dump of npm run backup with pg_restore, in one transaction, into the application's database:
  MIGRATION_DATABASE_URL (owner) / DATABASE_URL if set, else the embedded PostgreSQL in DATA_DIR (.data).
  Refuses a database that already has tables unless --clean: then the backup replaces them.
  Every session and API token in the backup is ended: users sign in again, token owners make new tokens.
  Stop the server while restoring. TOTP secrets need the SECRET_KEY (embedded: DATA_DIR/secret.key) of the backed-up system.`;

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) return console.log(usage);
  const files = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--clean');
  if (unknown.length || files.length !== 1) throw new Error(`${unknown.length ? `Unknown option ${unknown[0]}` : 'Name one backup file'}.\n${usage}`);
  await restore(loadConfig(), files[0], { clean: argv.includes('--clean') });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
