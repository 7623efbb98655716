// The product as a fresh clone runs it: the compiled server on an embedded PostgreSQL in a data
// folder (demo data once, kept across restarts), or on DATABASE_URL with no demo data and a
// first VENDOR account from `npm run create-admin`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';
import { Client } from '../helpers/client.js';
import { freePort, killServerProcesses, startServerProcess } from '../helpers/server-process.js';

const OUT = 'dist/startup-test'; // compiled apart from dist/ and from the other files' builds (server-process.ts)
const startServer = (env: Record<string, string>) => startServerProcess(env, OUT);

beforeAll(() => {
  execFileSync('node_modules/.bin/tsc', ['-p', '.', '--outDir', OUT], { stdio: 'inherit' });
}, 120_000);
afterAll(() => {
  killServerProcesses();
});

describe('npm start', () => {
  it('runs on an embedded PostgreSQL, prints the URL and demo logins, and keeps its data across restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-start-'));
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
    const first = await startServer(env);
    expect(first.output()).toContain(`http://localhost:${env.PORT}/`);
    expect(first.output()).toMatch(/mito-city\s+CITY/);
    expect(first.output()).toMatch(/vendor\s+VENDOR/);
    const base = `http://127.0.0.1:${env.PORT}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    // the embedded demo's accounts come with their TOTP enrolled (tests/api/demo.test.ts)
    const login = await new Client(base).ok(`mutation { login(loginId: "mito-city", password: "demo-password-2026") { step } }`);
    expect(login.login.step).toBe('TOTP_REQUIRED');
    await first.stop();
    expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const second = await startServer(env);
    const again = await new Client(base).ok(`mutation { login(loginId: "mito-city", password: "demo-password-2026") { step } }`);
    expect(again.login.step).toBe('TOTP_REQUIRED');
    // same data: demo data loaded once, the first run's sign-in still in the audit trail
    const { default: pg } = await import('pg');
    const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const db = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/zaitaku` });
    await db.connect();
    expect((await db.query(`select count(*)::int as n from municipality`)).rows[0].n).toBe(2);
    expect((await db.query(`select count(*)::int as n from audit_event where action = 'auth.password'`)).rows[0].n).toBe(2);
    await db.end();
    await second.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 300_000);

  it('with DATABASE_URL: migrates, loads no demo data, and create-admin makes the first VENDOR account', async () => {
    const { orm, url } = await createTestDatabase();
    await orm.close(true);
    const env = { DATABASE_URL: url, PORT: String(await freePort()), SECRET_KEY: 'k'.repeat(40) };
    execFileSync(process.execPath, [`${OUT}/api/db/create-admin.js`], {
      env: { ...process.env, ...env, ADMIN_LOGIN_ID: 'first-admin', ADMIN_NAME: '最初 管理者', ADMIN_NAME_KANA: 'サイショ カンリシャ', ADMIN_PASSWORD: 'first-admin-password-1' },
      stdio: 'pipe',
    });
    const server = await startServer(env);
    expect(server.output()).toContain('create-admin');
    expect(server.output()).not.toMatch(/mito-city/);
    expect(server.output()).not.toContain('otpauth://'); // no demo TOTP secrets outside the embedded demo
    const base = `http://127.0.0.1:${env.PORT}`;
    expect((await new Client(base).gql(`mutation { login(loginId: "mito-city", password: "demo-password-2026") { step } }`)).errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    const r = await new Client(base).ok(`mutation { login(loginId: "first-admin", password: "first-admin-password-1") { step } }`);
    expect(r.login.step).toBe('TOTP_ENROLLMENT');
    await server.stop();
  }, 120_000);

  it('refuses a blanket TRUST_PROXY at start, with a message saying what to set', async () => {
    // the setting that used to mean "believe X-Forwarded-For from anyone" (other spellings: tests/api/throttling.test.ts)
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-proxy-'));
    const failed = await startServer({ TRUST_PROXY: '1', DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) }).then(
      async (started) => void (await started.stop()),
      (e: Error) => e.message,
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(failed).toMatch(/server exited with 1/);
    expect(failed).toMatch(/TRUST_PROXY must list the proxies' addresses or subnets/);
  });
});
