// npm start: database (embedded or DATABASE_URL) → migrations → demo data (embedded only) → server.
import 'reflect-metadata';
import { createServer as createHttpServer, type Server } from 'node:http';
import { loadConfig, productionProblems, type Config } from './config.js';
import { WrongSecretKey } from './auth/secret-key-check.js';
import { DatabaseUnreachable } from './db/wait.js';
import { openDatabase } from './app.js';
import { createServer } from './server.js';
import { startJobs } from './jobs.js';
import { DEMO_PASSWORD, demoLogins, demoSignInSheet, demoTotpAllowed, isEmpty, seedDemoData } from './db/seed.js';

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    throw new StartupRefused(e instanceof Error ? e.message : String(e));
  }
  const problems = productionProblems(config);
  if (problems.length) throw new StartupRefused(`refusing to run in production (NODE_ENV=production) with ${problems.join('; ')}.`);
  const db = await openDatabase(config);
  if (db.embedded) {
    const em = db.orm.em.fork();
    if (await isEmpty(em)) {
      const started = Date.now();
      const steps = await seedDemoData(db.orm, config, db.secrets);
      console.log(`Demo data loaded: a month of work in ${steps} steps, ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  }
  // the demo accounts' TOTP, printed at every start of the embedded demo (never with DATABASE_URL or in production)
  const totpSheet = db.embedded && demoTotpAllowed(config) ? await demoSignInSheet(db.orm, db.secrets, config) : '';
  const server = await createServer(db.orm, config, db.secrets);
  // Node's defaults let a slow client hold a connection for 300 s; the check interval must be
  // shorter than the timeouts for them to take effect on time
  const http = createHttpServer(
    {
      requestTimeout: config.http.requestTimeoutMs,
      // Node refuses a headers timeout longer than the request timeout
      headersTimeout: Math.min(config.http.headersTimeoutMs, config.http.requestTimeoutMs),
      keepAliveTimeout: config.http.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(Math.min(config.http.requestTimeoutMs, config.http.headersTimeoutMs) / 2)),
    },
    server.handler,
  );
  try {
    await listen(http, config.port, config.host);
  } catch (e) {
    await server.stop();
    await db.close();
    throw e;
  }
  // background jobs only once this process really serves: a process that cannot listen must not run the mail worker
  const jobs = startJobs(db.orm, config);
  if (!config.smtpUrl) console.log('SMTP_URL is not set: e-mail stays in the outbox (visible to CITY and VENDOR in the panel).');
  const url = `http://localhost:${config.port}`;
  console.log(`\n在宅医療・介護連携 情報共有システム is running:\n  panel:   ${url}/\n  GraphQL: ${url}/graphql\n`);
  if (db.embedded) {
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}; ${totpSheet ? 'TOTP already enrolled: see below' : 'each enrolls a TOTP app at first sign-in'}):`);
    for (const l of demoLogins()) console.log(`  ${l.loginId.padEnd(15)} ${l.role.padEnd(7)} ${l.description}`);
    console.log('');
    if (totpSheet) console.log(`${totpSheet}\n`);
  } else {
    console.log('Using DATABASE_URL. Create the first VENDOR account with: npm run create-admin\n');
  }
  const shutdown = async () => {
    http.close();
    jobs.stop();
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** Resolves once the port is bound; a taken port or a bad address rejects with one readable line. */
function listen(http: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const at = `${host}:${port}`;
      if (e.code === 'EADDRINUSE') reject(new StartupRefused(`Port ${port} is already in use on ${host} (another process listens on ${at}): stop it or set PORT.`));
      else if (e.code === 'EACCES') reject(new StartupRefused(`Not allowed to listen on ${at} (ports below 1024 need privileges): set PORT.`));
      else if (e.code === 'EADDRNOTAVAIL') reject(new StartupRefused(`Cannot listen on ${at}: this machine has no address ${host} (HOST).`));
      else reject(e);
    };
    http.once('error', onError);
    http.listen(port, host, () => {
      http.off('error', onError);
      resolve();
    });
  });
}

/** Refusals whose message says everything: printed as one line, without a stack trace. */
class StartupRefused extends Error {}

main().catch((e) => {
  const known = e instanceof StartupRefused || e instanceof WrongSecretKey || e instanceof DatabaseUnreachable || /^SECRET_KEY /.test(e?.message ?? '');
  console.error(known ? `Cannot start: ${e.message}` : e);
  process.exit(1);
});
