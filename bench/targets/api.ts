// Target 1: our API, exactly as `npm start` serves it in production (NODE_ENV=production, the
// same createServer: Express, Apollo, graphql-shield, sessions, audit of reads), on its own port,
// over the benchmark database, connecting as the runtime role. Background jobs (mail worker,
// due ID stops) are not started: the benchmark measures the request path.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { fail, instrumentPg, serveRunner, targetConfig } from './common.js';

process.env.NODE_ENV = 'production';
const counter = instrumentPg();

async function main() {
  const cfg = targetConfig();
  process.env.DB_POOL_MAX = String(cfg.poolMax);
  const { loadConfig } = await import('../../api/config.js');
  const { connect } = await import('../../api/db/orm.js');
  const { createServer } = await import('../../api/server.js');
  const { SecretBox } = await import('../../api/auth/secret-box.js');
  if (!cfg.secretKey) throw new Error('the API target needs the dataset secret key');
  const config = {
    ...loadConfig({ NODE_ENV: 'production', SECRET_KEY: cfg.secretKey, PORT: '4000' } as NodeJS.ProcessEnv),
    databaseUrl: cfg.databaseUrl,
    adminDist: '/nonexistent-admin-dist', // the panel's static files are not part of the benchmark
  };
  const orm = await connect(cfg.databaseUrl);
  const server = await createServer(orm, config, new SecretBox(config.secretKey!));
  const http = createHttpServer(server.handler).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const { ready } = serveRunner(counter, async () => {
    http.closeAllConnections();
    await new Promise((r) => http.close(r));
    await server.stop();
    await orm.close(true);
  });
  ready((http.address() as AddressInfo).port);
}

main().catch(fail);
