// A real API server on a free port, over its own real database.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type Config } from '../../api/config.js';
import { createServer } from '../../api/server.js';
import { SecretBox } from '../../api/auth/secret-box.js';
import { createTestDatabase } from './db.js';
import { runtimeOptions } from '../../api/db/orm.js';
import './password-cost.js';

export interface TestServer {
  url: string;
  orm: MikroORM;
  secrets: SecretBox;
  config: Config;
  /** SQL statements run since the last reset (for N+1 checks) */
  sql: { count: number; statements: string[]; reset: () => void };
  close: () => Promise<void>;
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const sql = {
    count: 0,
    statements: [] as string[],
    reset: () => {
      sql.count = 0;
      sql.statements = [];
    },
  };
  const base = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv);
  const { orm } = await createTestDatabase({
    // the runtime pool's statement timeout, as api/app.ts sets it
    ...runtimeOptions(overrides.statementTimeoutMs ?? base.statementTimeoutMs),
    debug: ['query'],
    logger: (message: string) => {
      if (/^\[query\]/.test(message) || message.includes('[query]')) {
        sql.count += 1;
        sql.statements.push(message);
      }
    },
  });
  // every test client calls from 127.0.0.1, so the per-address sign-in limit would add up a whole
  // file's deliberate failures; tests/api/throttling.test.ts checks it at its real default
  const config: Config = { ...base, adminDist: path.resolve('admin/dist'), signInLimits: { ...base.signInLimits, perAddress: 100_000 }, ...overrides };
  const secrets = new SecretBox('test-secret-key-test-secret-key-0123456789');
  const server = await createServer(orm, config, secrets);
  const http: Server = await new Promise((resolve) => {
    const s = createHttpServer(server.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    orm,
    secrets,
    config,
    sql,
    close: async () => {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
      await server.stop();
      await orm.close(true);
    },
  };
}
