// npm run backup [-- <file>]: PostgreSQL's own dump (pg_dump, custom format) of the application's
// database, attachments included (they are kept in the database). DATABASE_URL (or the owner,
// MIGRATION_DATABASE_URL) if set, else the embedded cluster in DATA_DIR. Default file:
// backups/<UTC timestamp>.dump. Restore with `npm run restore -- <file>`.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { findTool, humanSize, openTarget, runTool, serverMajor, shownPath, userPath } from './dump.js';

export interface BackupResult {
  file: string;
  bytes: number;
  /** pg_dump's own time */
  ms: number;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');

export async function backup(config: Config, file: string | undefined, log: (m: string) => void = console.log): Promise<BackupResult> {
  const target = await openTarget(config, { create: false, log });
  try {
    const server = await serverMajor(target.ownerUrl);
    const pgDump = findTool('pg_dump', server.major, true);
    const out = file ? userPath(file) : path.resolve('backups', `${stamp(new Date())}.dump`);
    // patient data, password hashes: readable by this user only
    fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
    // written beside, renamed when complete: a failed dump never looks like a backup
    const partial = `${out}.partial`;
    fs.writeFileSync(partial, '', { mode: 0o600 });
    log(`Dumping ${target.label} (PostgreSQL ${server.version}) with ${pgDump.version} ...`);
    const started = performance.now();
    try {
      const { stderr } = await runTool(pgDump.bin, ['--format=custom', `--file=${partial}`], target.ownerUrl);
      if (stderr.trim()) log(stderr.trim());
      fs.renameSync(partial, out);
    } catch (e) {
      fs.rmSync(partial, { force: true });
      throw e;
    }
    const ms = performance.now() - started;
    const bytes = fs.statSync(out).size;
    log(`Backup written: ${shownPath(out)} (${humanSize(bytes)}, ${(ms / 1000).toFixed(2)} s)`);
    return { file: out, bytes, ms };
  } finally {
    await target.close();
  }
}

const usage = `Usage: npm run backup [-- <file>]
  Dumps the application's database with pg_dump (custom format) to <file>, by default backups/<UTC timestamp>.dump.
  Database: MIGRATION_DATABASE_URL or DATABASE_URL if set, else the embedded PostgreSQL in DATA_DIR (.data).
  TOTP secrets in the dump are encrypted with SECRET_KEY (embedded: DATA_DIR/secret.key): keep that key too.`;

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) return console.log(usage);
  const files = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.filter((a) => a.startsWith('-'));
  if (unknown.length || files.length > 1) throw new Error(`${unknown.length ? `Unknown option ${unknown[0]}` : 'One file at most'}.\n${usage}`);
  await backup(loadConfig(), files[0]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
