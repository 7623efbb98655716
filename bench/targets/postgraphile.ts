// Target 3: PostGraphile 4 (npm `postgraphile@4`; v5 needs Node 22) as a library on its own port,
// over the same database, with production settings (no GraphiQL, no query log, no watch mode,
// no batching), the connection-filter plugin for the name search, and the same pool size.
//
// npm cannot give postgraphile@4 the root's graphql (16; PostGraphile 4 wants ^15), so it nests
// two copies of graphql 15 (postgraphile/ and graphile-build-pg/) and two of graphile-build: two
// "realms" that fail every request ("Unexpected input type"). This process runs nothing but
// PostGraphile, so every `graphql` and `graphile-build` import in it is resolved to postgraphile's
// own copy.
import http from 'node:http';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fail, instrumentPg, serveRunner, targetConfig } from './common.js';
import { JWT_SECRET, SECURED_ROUTE } from '../secured.js';

process.env.NODE_ENV = 'production';
const counter = instrumentPg();
const require = createRequire(import.meta.url);

function oneGraphqlRealm() {
  const base = path.dirname(require.resolve('postgraphile/package.json'));
  // biome-ignore lint/suspicious/noExplicitAny: Module._nodeModulePaths is Node's internal, untyped resolver helper
  const parentAtBase = { id: base, filename: path.join(base, 'index.js'), paths: (Module as any)._nodeModulePaths(base) };
  const M = Module as unknown as { _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string };
  const original = M._resolveFilename;
  M._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]) {
    if (/^(graphql|graphile-build)(\/|$)/.test(request)) return original.call(this, request, parentAtBase, ...rest);
    return original.call(this, request, parent, ...rest);
  };
}

async function main() {
  const cfg = targetConfig();
  oneGraphqlRealm();
  const pg = require('pg') as typeof import('pg');
  const { postgraphile } = require('postgraphile');
  const filterPlugin = require('postgraphile-plugin-connection-filter');
  // idle connections close after 30 s, as in the API's pool (knex/tarn's default), not pg's 10 s
  const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: cfg.poolMax, idleTimeoutMillis: 30_000 });
  const options = {
    appendPlugins: [filterPlugin.default ?? filterPlugin],
    graphiql: false,
    disableQueryLog: true,
    enableQueryBatching: false,
    watchPg: false,
    retryOnInitFail: false,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    disableDefaultMutations: true,
    showErrorStack: false,
    extendedErrors: [],
    bodySizeLimit: '100kB',
  };
  const middleware = postgraphile(pool, 'public', options);
  // the same, signed in and scoped: a verified JWT whose claims PostGraphile sets in each request's
  // transaction (SET LOCAL ROLE to the scoped role, jwt.claims.municipality_id) for the row-level
  // security of bench/secured.ts
  const secured = postgraphile(pool, 'public', { ...options, graphqlRoute: SECURED_ROUTE, jwtSecret: JWT_SECRET });
  const server = http.createServer((req, res) => (req.url?.startsWith(SECURED_ROUTE) ? secured : middleware)(req, res));
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { ready } = serveRunner(counter, async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await middleware.release?.();
    await secured.release?.();
    await pool.end();
  });
  ready((server.address() as AddressInfo).port);
}

main().catch(fail);
