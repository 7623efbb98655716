// npm run bootstrap-city -- --municipality <code> --login-id <id> --name <氏名> --name-kana <フリガナ> [--email <address>] [--print-code]
// The first CITY account of a municipality that has none (README "Bootstrap: the first CITY
// account"). The operator runs it on the server; the logic and its refusals are in
// users/bootstrap-city.ts. By default the activation code goes by mail to the municipality's
// registered contact address only; --print-code prints it here instead (no SMTP, or a paper hand-over).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../app.js';
import { BootstrapRefused, bootstrapCityAccount } from '../users/bootstrap-city.js';

async function main() {
  const { values } = parseArgs({
    options: {
      municipality: { type: 'string' },
      'login-id': { type: 'string' },
      name: { type: 'string' },
      'name-kana': { type: 'string' },
      email: { type: 'string' },
      'print-code': { type: 'boolean', default: false },
    },
  });
  if (!values.municipality || !values['login-id']) {
    throw new BootstrapRefused('Usage: npm run bootstrap-city -- --municipality <6-digit code> --login-id <id> --name <氏名> --name-kana <フリガナ> [--email <address>] [--print-code]');
  }
  const config = loadConfig();
  if (!values['print-code'] && !config.smtpUrl) {
    throw new BootstrapRefused('SMTP_URL is not set, so the code mail would never leave the outbox: configure SMTP, or use --print-code and hand the code over on paper.');
  }
  const db = await openDatabase(config, () => {});
  try {
    const result = await bootstrapCityAccount(db.orm.em.fork(), {
      municipalityCode: values.municipality,
      loginId: values['login-id'],
      name: values.name,
      nameKana: values['name-kana'],
      email: values.email ?? null,
      printCode: values['print-code'] ?? false,
      publicUrl: config.publicUrl,
    });
    console.log(
      `${result.reissued ? 'New activation code for' : 'Created'} CITY account "${result.loginId}" of ${result.municipalityName} (PENDING). Announced to ${result.contactEmail}; recorded as user.bootstrap_city in the audit trail.`,
    );
    if (result.code) {
      console.log(`Activation code: ${result.code}   (valid until ${result.expiresAt.toISOString()}; hand it to the city in person or on paper, then discard it)`);
    } else {
      console.log(`The activation code was mailed to ${result.contactEmail} only; it is not shown here.`);
    }
    console.log(`The city activates at ${config.publicUrl}/#/activate with the login ID and the code.`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
