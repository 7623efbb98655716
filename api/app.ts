// Start-up shared by `npm start`, `create-admin` and the tests: database → migrations → server.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { connect, migrate, runtimeOptions } from './db/orm.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { SecretBox, loadSecretKey } from './auth/secret-box.js';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensureLoginRole, grantRuntimeRights, roleOf } from './db/roles.js';
import { waitForDatabase } from './db/wait.js';
import { checkSecretKey } from './auth/secret-key-check.js';

export function readOrCreateSecret(file: string): string {
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

export const EMBEDDED_DB_NAME = 'zaitaku';

export interface Database {
  orm: MikroORM;
  secrets: SecretBox;
  embedded: EmbeddedDatabase | null;
  close: () => Promise<void>;
}

export const EMBEDDED_APP_ROLE = 'zaitaku_app';

/** A session-level advisory lock held on a connection of its own; released when it closes. */
async function migrationLock(ownerUrl: string): Promise<() => Promise<void>> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', () => {});
  await client.connect();
  await client.query(`select pg_advisory_lock(hashtext('zaitaku:migrations'))`);
  return () => client.end();
}

/**
 * DATABASE_URL if set, else the embedded PostgreSQL in the data folder. Migrations run as the
 * owner (MIGRATION_DATABASE_URL, or the embedded superuser); the application then connects as the
 * runtime role, which cannot alter the audit trail.
 */
export async function openDatabase(config: Config, log: (m: string) => void = console.log): Promise<Database> {
  // the key first: a missing or short SECRET_KEY is refused before any database work
  const secrets = new SecretBox(loadSecretKey(config.secretKey, config.dataDir, config.production));
  let url = config.databaseUrl;
  let ownerUrl = config.migrationDatabaseUrl;
  let embedded: EmbeddedDatabase | null = null;
  if (!url) {
    log(`Starting embedded PostgreSQL (data in ${path.relative(process.cwd(), config.dataDir) || '.'}/pg) ...`);
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    await ensureDatabase(embedded.url(), EMBEDDED_DB_NAME);
    ownerUrl = embedded.url(EMBEDDED_DB_NAME);
    const password = readOrCreateSecret(path.join(config.dataDir, 'app-password'));
    url = ownerUrl.replace(/\/\/[^@]*@/, `//${EMBEDDED_APP_ROLE}:${encodeURIComponent(password)}@`);
    const owner = await connect(ownerUrl);
    await ensureLoginRole(owner, EMBEDDED_APP_ROLE, password);
    await owner.close(true);
  }
  if (!embedded) await waitForDatabase(ownerUrl ?? url!, config.databaseWaitSeconds, log);
  if (ownerUrl) {
    // several API processes starting at once (zaitaku@4001, zaitaku@4002): one migrates, the others wait
    const unlock = await migrationLock(ownerUrl);
    try {
      const owner = await connect(ownerUrl);
      await migrate(owner);
      await grantRuntimeRights(owner, roleOf(url));
      await owner.close(true);
    } finally {
      await unlock();
    }
  }
  if (!ownerUrl) {
    // migrations run without the runtime statement timeout
    const migrator = await connect(url);
    await migrate(migrator);
    await migrator.close(true);
  }
  const orm = await connect(url, runtimeOptions(config.statementTimeoutMs));
  try {
    await checkSecretKey(orm, secrets);
  } catch (e) {
    await orm.close(true);
    await embedded?.stop();
    throw e;
  }
  return {
    orm,
    secrets,
    embedded,
    close: async () => {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
