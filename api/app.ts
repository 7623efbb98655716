// Start-up shared by `npm start`, `create-admin` and the tests: database → migrations → server.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { connect, migrate } from './db/orm.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { SecretBox, loadSecretKey } from './auth/secret-box.js';
import path from 'node:path';

export const EMBEDDED_DB_NAME = 'zaitaku';

export interface Database {
  orm: MikroORM;
  secrets: SecretBox;
  embedded: EmbeddedDatabase | null;
  close: () => Promise<void>;
}

/** DATABASE_URL if set, else the embedded PostgreSQL in the data folder; migrations applied. */
export async function openDatabase(config: Config, log: (m: string) => void = console.log): Promise<Database> {
  let url = config.databaseUrl;
  let embedded: EmbeddedDatabase | null = null;
  if (!url) {
    log(`Starting embedded PostgreSQL (data in ${path.relative(process.cwd(), config.dataDir) || '.'}/pg) ...`);
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    await ensureDatabase(embedded.url(), EMBEDDED_DB_NAME);
    url = embedded.url(EMBEDDED_DB_NAME);
  }
  const orm = await connect(url);
  await migrate(orm);
  const secrets = new SecretBox(loadSecretKey(config.secretKey, config.dataDir, config.production));
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
