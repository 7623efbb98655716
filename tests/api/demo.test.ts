// The living demo: `npm start` on an empty embedded database plays a month of work through the
// real services and prints TOTP secrets for the demo accounts — only there: never under
// NODE_ENV=production (nor with DATABASE_URL: startup.test.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client.js';
import { freePort, killServerProcesses, startServerProcess } from '../helpers/server-process.js';
import { totpCode } from '../helpers/totp.js';
import { TRANSITIONS } from '../../api/applications/application.workflow.js';
import { ApplicationState, ApplicationType } from '../../api/applications/application.enums.js';
import { assertDemoTotpAllowed, demoLogins, demoSignInSheet, DEMO_PASSWORD } from '../../api/db/seed.js';

const folders: string[] = [];
const OUT = 'dist/demo-test'; // compiled apart from dist/ and from the other files' builds (server-process.ts)
const start = (env: Record<string, string>) => startServerProcess({ DATABASE_URL: '', MIGRATION_DATABASE_URL: '', ...env }, OUT);

async function freshEnv() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-demo-'));
  folders.push(dataDir);
  return { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
}

async function ownerDb(env: { DATA_DIR: string; EMBEDDED_PG_PORT: string }) {
  const { default: pg } = await import('pg');
  const password = fs.readFileSync(path.join(env.DATA_DIR, 'pg-password'), 'utf8').trim();
  const db = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/zaitaku` });
  await db.connect();
  return db;
}

/** loginId → secret, from the printed otpauth:// URIs */
function printedSecrets(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [uri] of output.matchAll(/otpauth:\/\/totp\/\S+/g)) {
    const u = new URL(uri);
    const label = decodeURIComponent(u.pathname.replace(/^\/+/, ''));
    out.set(label.includes(':') ? label.split(':').pop()! : label, u.searchParams.get('secret')!);
  }
  return out;
}

/** A TOTP code from Debian's oathtool (an implementation independent of otplib) when installed. */
async function code(secret: string): Promise<string> {
  try {
    const intoStep = (Date.now() / 1000) % 30;
    if (intoStep > 28) await new Promise((r) => setTimeout(r, (30 - intoStep) * 1000 + 100));
    return execFileSync('oathtool', ['--totp', '-b', secret], { encoding: 'utf8' }).trim();
  } catch {
    return totpCode(secret);
  }
}

/** Every (type, state) the workflow can reach: SUBMITTED, and the target of each transition of that type. */
const reachable = Object.values(ApplicationType).flatMap((type) =>
  [...new Set([ApplicationState.SUBMITTED, ...TRANSITIONS.filter((t) => t.types.includes(type)).map((t) => t.to)])].map((state) => `${type}/${state}`),
);

beforeAll(() => {
  execFileSync('node_modules/.bin/tsc', ['-p', '.', '--outDir', OUT], { stdio: 'inherit' });
}, 120_000);
afterAll(() => {
  killServerProcesses();
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
});

describe('the embedded demo', () => {
  it('loads a month of work through the services, prints TOTP secrets that sign in, and keeps both across restarts', async () => {
    const env = await freshEnv();
    const first = await start(env);
    const output = first.output();
    const loaded = /Demo data loaded: a month of work in (\d+) steps, ([\d.]+) s/.exec(output);
    expect(loaded, output).not.toBeNull();
    console.log(`demo seed: ${loaded![1]} steps in ${loaded![2]} s`);

    // every sign-in account has its otpauth:// URI and a QR code drawn in the terminal
    const secrets = printedSecrets(output);
    expect([...secrets.keys()].sort()).toEqual(
      demoLogins()
        .map((l) => l.loginId)
        .sort(),
    );
    expect(output).toMatch(/[▀▄█]{10}/);

    const db = await ownerDb(env);
    const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].n as number;
    const now = Date.now();
    // patients and rooms: members from the clinic, the nursing station and the care manager
    expect(await count(`select count(*)::int as n from patient`)).toBe(6);
    const rooms = Object.fromEntries((await db.query(`select status, count(*)::int as n from room group by status`)).rows.map((r) => [r.status, r.n]));
    expect(rooms).toEqual({ ACTIVE: 4, CLOSING: 1, CLOSED: 1 });
    expect(await count(`select count(*)::int as n from consent where withdrawn_at is not null`)).toBe(1);
    // the register's scope: each consent carries its patient's municipality, as room creation writes it
    expect(await count(`select count(*)::int as n from consent c join patient p on p.id = c.patient_id where c.municipality_id is distinct from p.municipality_id`)).toBe(0);
    expect(await count(`select count(distinct o.kind)::int as n from room_member m join app_user u on u.id = m.user_id join office o on o.id = u.office_id`)).toBe(3);
    // posts over the month with vitals, photos, a correction, read receipts by others than the author
    expect(await count(`select count(*)::int as n from post where vitals is not null`)).toBeGreaterThanOrEqual(30);
    expect(await count(`select count(*)::int as n from post where created_at < now() - interval '25 days'`)).toBeGreaterThan(0);
    expect(await count(`select count(*)::int as n from post where created_at > now()`)).toBe(0);
    expect(await count(`select count(*)::int as n from post_attachment where content_type = 'image/png'`)).toBeGreaterThanOrEqual(3);
    expect(await count(`select count(*)::int as n from post_revision`)).toBeGreaterThanOrEqual(1);
    expect(await count(`select count(*)::int as n from post_read r join post p on p.id = r.post_id where r.user_id <> p.author_id and r.read_at > p.created_at`)).toBeGreaterThan(50);
    expect(await count(`select count(*)::int as n from post_read where read_at > now() - interval '1 minute'`)).toBe(0);
    // applications: every type in every state the workflow can reach, with their history and scans
    const pairs = (await db.query(`select type || '/' || state as pair from application group by 1`)).rows.map((r) => r.pair);
    expect(reachable.filter((p) => !pairs.includes(p))).toEqual([]);
    expect(await count(`select count(*)::int as n from application_event where at < now() - interval '20 days'`)).toBeGreaterThan(0);
    expect(await count(`select count(*)::int as n from attachment`)).toBeGreaterThanOrEqual(10);
    // accounts: issued and waiting for activation, one stopped, one stop scheduled
    expect(await count(`select count(*)::int as n from app_user where status = 'PENDING'`)).toBeGreaterThanOrEqual(3);
    expect(await count(`select count(*)::int as n from app_user where status = 'STOPPED'`)).toBe(1);
    expect(await count(`select count(*)::int as n from app_user where status = 'ACTIVE' and stop_date > (now() at time zone 'Asia/Tokyo')::date`)).toBeGreaterThanOrEqual(1);
    // the audit trail and outbox this leaves, dated over the month
    expect(await count(`select count(*)::int as n from audit_event`)).toBeGreaterThan(300);
    for (const action of [
      'post.list',
      'room.read',
      'post.create',
      'post.edit',
      'room.create',
      'room.close',
      'room.member_add',
      'consent.withdraw',
      'application.return',
      'application.resubmit',
      'application.public_submit',
      'user.stop_scheduled',
      'user.stop',
      'activation.letter_issued',
    ])
      expect(await count(`select count(*)::int as n from audit_event where action = $1`, [action]), action).toBeGreaterThan(0);
    expect(await count(`select count(*)::int as n from audit_event where occurred_at < now() - interval '25 days'`)).toBeGreaterThan(0);
    expect(await count(`select count(*)::int as n from notification`)).toBeGreaterThan(20);
    expect(await count(`select count(*)::int as n from notification where created_at < now() - interval '20 days'`)).toBeGreaterThan(0);
    expect(await count(`select count(*)::int as n from notification where created_at > $1`, [new Date(now)])).toBe(0);
    const totals = await count(`select count(*)::int as n from audit_event`);
    await db.end();

    // a printed secret signs in (second factor from oathtool when installed)
    const base = `http://127.0.0.1:${env.PORT}`;
    const nurse = new Client(base);
    expect((await nurse.ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: 'nursing-admin', p: DEMO_PASSWORD })).login.step).toBe('TOTP_REQUIRED');
    expect((await nurse.ok(`mutation($c: String!) { verifyTotp(code: $c) { step } }`, { c: await code(secrets.get('nursing-admin')!) })).verifyTotp.step).toBe('SIGNED_IN');
    const mine = await nurse.ok(`{ rooms { total items { name status } } }`);
    expect(mine.rooms.items.map((r: { name: string }) => r.name)).toContain('水戸 花子 様');
    await first.stop();

    // a restart loads nothing again and prints the same secrets
    const second = await start(env);
    expect(second.output()).not.toMatch(/Demo data loaded/);
    expect(printedSecrets(second.output())).toEqual(secrets);
    const again = await ownerDb(env);
    expect((await again.query(`select count(*)::int as n from patient`)).rows[0].n).toBe(6);
    expect((await again.query(`select count(*)::int as n from audit_event`)).rows[0].n).toBeGreaterThanOrEqual(totals);
    await again.end();
    await second.stop();
  }, 400_000);

  it('under NODE_ENV=production: no pre-enrolled TOTP and no secrets printed', async () => {
    const env = await freshEnv();
    // production refuses a localhost PUBLIC_URL and the default MAIL_FROM (tests/api/deployment.test.ts)
    const server = await start({
      ...env,
      NODE_ENV: 'production',
      SECRET_KEY: 'p'.repeat(40),
      SECURE_COOKIES: 'false',
      PUBLIC_URL: 'https://zaitaku.city.example.jp',
      MAIL_FROM: 'no-reply@city.example.jp',
    });
    expect(server.output()).not.toContain('otpauth://');
    expect(server.output()).toMatch(/each enrolls a TOTP app at first sign-in/);
    const db = await ownerDb(env);
    expect((await db.query(`select count(*)::int as n from app_user where totp_secret is not null or totp_enabled_at is not null`)).rows[0].n).toBe(0);
    await db.end();
    const login = await new Client(`http://127.0.0.1:${env.PORT}`).ok(`mutation { login(loginId: "mito-city", password: "${DEMO_PASSWORD}") { step } }`).catch((e) => {
      throw new Error(`${e}\n${server.output()}`);
    });
    expect(login.login.step).toBe('TOTP_ENROLLMENT');
    await server.stop();
  }, 400_000);

  it('refuses to make or print demo TOTP secrets with DATABASE_URL or in production', async () => {
    expect(() => assertDemoTotpAllowed({ databaseUrl: 'postgres://x@db/zaitaku', production: false })).toThrow(/DATABASE_URL/);
    expect(() => assertDemoTotpAllowed({ databaseUrl: undefined, production: true })).toThrow(/production/);
    expect(() => assertDemoTotpAllowed({ databaseUrl: undefined, production: false })).not.toThrow();
    // the printing refuses before it reads anything
    await expect(demoSignInSheet(null as never, null as never, { databaseUrl: 'postgres://x@db/zaitaku', production: false } as never)).rejects.toThrow(/DATABASE_URL/);
    await expect(demoSignInSheet(null as never, null as never, { databaseUrl: undefined, production: true } as never)).rejects.toThrow(/production/);
  });
});
