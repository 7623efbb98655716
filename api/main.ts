// npm start: database (embedded or DATABASE_URL) → migrations → demo data (embedded only) → server.
import 'reflect-metadata';
import { loadConfig } from './config.js';
import { openDatabase } from './app.js';
import { createServer } from './server.js';
import { startJobs } from './jobs.js';
import { DEMO_PASSWORD, demoLogins, demoSignInSheet, demoTotpAllowed, isEmpty, seedDemoData } from './db/seed.js';

async function main() {
  const config = loadConfig();
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
  const jobs = startJobs(db.orm, config);
  if (!config.smtpUrl) console.log('SMTP_URL is not set: e-mail stays in the outbox (visible to CITY and VENDOR in the panel).');
  const http = server.app.listen(config.port, config.host, () => {
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
  });
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
