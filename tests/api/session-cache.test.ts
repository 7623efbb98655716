// Sessions and API tokens are served from each API process's memory (api/auth/session-cache.ts).
// Two API servers on one database, each with its own pool, cache and LISTEN connection (as two
// processes would be): every revocation made through the first is refused at once by the second.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type Config } from '../../api/config.js';
import { createServer, type AppServer } from '../../api/server.js';
import { SecretBox } from '../../api/auth/secret-box.js';
import { connect, runtimeOptions } from '../../api/db/orm.js';
import { LISTENER_NAME } from '../../api/auth/session-cache.js';
import { applyDueStops } from '../../api/users/due-stops.js';
import { todayInTokyo } from '../../api/common/dates.js';
import { Role } from '../../api/users/user.enums.js';
import { createTestDatabase } from '../helpers/db.js';
import { Client, codesOf } from '../helpers/client.js';
import { totpCode } from '../helpers/totp.js';
import { buildMunicipality, buildOffice, buildUser, type BuiltUser } from '../helpers/factories.js';
import '../helpers/password-cost.js';

interface Api {
  url: string;
  orm: MikroORM;
  /** session and token lookups this server sent to PostgreSQL */
  lookups: () => number;
  close: () => Promise<void>;
}

const base = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv);
const config: Config = { ...base, adminDist: path.resolve('admin/dist'), signInLimits: { ...base.signInLimits, perAddress: 100_000 } };
const secrets = new SecretBox('test-secret-key-test-secret-key-0123456789');

async function startApi(url: string): Promise<Api> {
  let lookups = 0;
  const orm = await connect(url, {
    ...runtimeOptions(config.statementTimeoutMs),
    debug: ['query'],
    logger: (m: string) => {
      if (/from "(session|api_token)" as/.test(m)) lookups += 1;
    },
  });
  const server: AppServer = await createServer(orm, config, secrets);
  const http: Server = await new Promise((resolve) => {
    const s = createHttpServer(server.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    orm,
    lookups: () => lookups,
    close: async () => {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
      await server.stop();
      await orm.close(true);
    },
  };
}

let one: Api;
let two: Api;
let owner: MikroORM;
let em: EntityManager;
let office: Awaited<ReturnType<typeof buildOffice>>;
let municipality: Awaited<ReturnType<typeof buildMunicipality>>;

const ABILITIES = `{ abilities }`;
const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);

/** One browser (one cookie) whose requests a load balancer sends to either process. */
class Browser {
  cookie: string | null = null;
  async gql(api: Api, query: string, variables?: Record<string, unknown>) {
    const c = new Client(api.url);
    c.setCookieHeader(this.cookie);
    const r = await c.gql(query, variables);
    this.cookie = c.cookieHeader;
    return r;
  }
  async ok(api: Api, query: string, variables?: Record<string, unknown>) {
    const r = await this.gql(api, query, variables);
    expect(codesOf(r)).toEqual([]);
    return r.data;
  }
}

/** Signed in through process one; `step` 1 for a second sign-in of the same user (a TOTP code is single-use). */
async function signedIn(u: BuiltUser, step = 0): Promise<Browser> {
  const c = new Client(one.url);
  await c.ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: u.loginId, p: u.password });
  await c.ok(`mutation($c: String!) { verifyTotp(code: $c) { step } }`, { c: await totpCode(u.totpSecret!, step) });
  const b = new Browser();
  b.cookie = c.cookieHeader;
  return b;
}

/** Answers through process two, and the second answer came from its memory (no lookup). */
async function cachedOnTwo(b: Browser): Promise<string[]> {
  await b.ok(two, ABILITIES);
  const before = two.lookups();
  const data = await b.ok(two, ABILITIES);
  expect(two.lookups()).toBe(before);
  return data.abilities;
}

const refusedOnTwo = async (b: Browser) => expect(codesOf(await b.gql(two, ABILITIES))).toEqual(['UNAUTHENTICATED']);

async function bearer(api: Api, secret: string) {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query: ABILITIES }) });
  return codesOf((await res.json()) as never);
}

const newUser = (o: { role?: Role; officeAdmin?: boolean } = {}) =>
  buildUser(
    em.fork(),
    secrets,
    o.role === Role.CITY || o.role === Role.VENDOR ? { role: o.role, municipality: o.role === Role.CITY ? municipality : null } : { role: Role.OFFICE, office, officeAdmin: o.officeAdmin },
  );

beforeAll(async () => {
  const db = await createTestDatabase();
  owner = db.orm;
  em = owner.em.fork();
  municipality = await buildMunicipality(em);
  office = await buildOffice(em, municipality);
  one = await startApi(db.url);
  two = await startApi(db.url);
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await owner?.close(true);
});

describe('a revocation through one process is refused by the other at its next request', () => {
  it('sign-out (the cookie replayed on the other process)', async () => {
    const b = await signedIn(await newUser());
    await cachedOnTwo(b);
    const cookie = b.cookie;
    expect(await b.ok(one, `mutation { logout }`)).toEqual({ logout: true });
    b.cookie = cookie;
    await refusedOnTwo(b);
  });

  it('sign-out and password change through the process that holds the session in memory', async () => {
    const u = await newUser();
    const b = await signedIn(u);
    await cachedOnTwo(b);
    // the entity is built from memory for the mutation, and its change is written
    await b.ok(two, `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { step } }`, { c: u.password, n: 'another-password-2026-long' });
    await b.ok(two, ABILITIES);
    const cookie = b.cookie;
    expect(await b.ok(two, `mutation { logout }`)).toEqual({ logout: true });
    const [row] = await sql(`select revoked_reason from session where user_id = ? and stage = 'SIGNED_IN'`, [u.user.id]);
    expect(row.revoked_reason).toBe('logout');
    b.cookie = cookie;
    await refusedOnTwo(b);
    expect(codesOf(await b.gql(one, ABILITIES))).toEqual(['UNAUTHENTICATED']);
  });

  it('password change ends the other sessions', async () => {
    const u = await newUser();
    const here = await signedIn(u);
    const there = await signedIn(u, 1);
    await cachedOnTwo(there);
    await here.ok(one, `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { step } }`, { c: u.password, n: 'a-new-password-2026-long' });
    await refusedOnTwo(there);
    // the session that changed it goes on, on both processes
    await here.ok(two, ABILITIES);
  });

  it('ID stop by the scheduled job (the stop date has passed)', async () => {
    const u = await newUser();
    await sql(`update app_user set stop_date = ? where id = ?`, [todayInTokyo(), u.user.id]);
    const b = await signedIn(u);
    await cachedOnTwo(b);
    // the job in process one, run as it would be tomorrow
    expect(await applyDueStops(one.orm.em.fork(), new Date(Date.now() + 86_400_000))).toBeGreaterThanOrEqual(1);
    await refusedOnTwo(b);
  });

  it('credentials reset by VENDOR', async () => {
    const u = await newUser();
    const b = await signedIn(u);
    await cachedOnTwo(b);
    const vendor = await signedIn(await newUser({ role: Role.VENDOR }));
    await vendor.ok(one, `mutation($id: ID!) { resetUserCredentials(id: $id) { id } }`, { id: u.user.id });
    await refusedOnTwo(b);
  });

  it('a permission taken away (office admin) narrows the very next answer', async () => {
    const u = await newUser({ officeAdmin: true });
    const b = await signedIn(u);
    const asAdmin = await cachedOnTwo(b);
    await sql(`update app_user set office_admin = false where id = ?`, [u.user.id]);
    const after = (await b.ok(two, ABILITIES)).abilities as string[];
    expect(after.length).toBeLessThan(asAdmin.length);
    expect(after).toEqual((await b.ok(one, ABILITIES)).abilities);
  });

  it('idle expiry: a session last seen too long ago is refused, whatever the cache holds', async () => {
    const u = await newUser();
    const b = await signedIn(u);
    await cachedOnTwo(b);
    await sql(`update session set last_seen_at = now() - interval '1 day' where user_id = ?`, [u.user.id]);
    await refusedOnTwo(b);
  });

  it('API token revocation', async () => {
    const city = await signedIn(await newUser({ role: Role.CITY }));
    const created = await city.ok(one, `mutation { createApiToken(input: { name: "集計", expiresInDays: 30 }) { secret token { id } } }`);
    const secret = created.createApiToken.secret as string;
    expect(await bearer(two, secret)).toEqual([]);
    const before = two.lookups();
    expect(await bearer(two, secret)).toEqual([]);
    expect(two.lookups()).toBe(before);
    await city.ok(one, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.createApiToken.token.id });
    expect(await bearer(two, secret)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('without its LISTEN connection a process serves nothing from memory', () => {
  /** A revocation that sends no announcement (triggers off for this transaction's session). */
  const silentRevoke = (userId: string) =>
    em.fork().transactional(async (tx) => {
      await tx.getConnection().execute(`set local session_replication_role = replica`, [], 'run', tx.getTransactionContext());
      await tx.getConnection().execute(`update session set revoked_at = now(), revoked_reason = 'test' where user_id = ?`, [userId], 'run', tx.getTransactionContext());
    });

  it('a silent revocation shows the cache is in use while the connection lives', async () => {
    const u = await newUser();
    const b = await signedIn(u);
    await cachedOnTwo(b);
    await silentRevoke(u.user.id);
    // served from memory: this is why every revoking change must announce itself
    await b.ok(two, ABILITIES);
    await sql(`update app_user set failed_sign_ins = failed_sign_ins where id = ?`, [u.user.id]); // any announced change drops it
    await refusedOnTwo(b);
  });

  it('the connection killed: the cache is emptied, and a silent revocation is honoured', async () => {
    const u = await newUser();
    const b = await signedIn(u);
    await cachedOnTwo(b);
    const killed = await sql(`select pg_terminate_backend(pid) as done from pg_stat_activity where datname = current_database() and application_name = ?`, [LISTENER_NAME]);
    expect(killed.length).toBe(2);
    await silentRevoke(u.user.id);
    await refusedOnTwo(b);
    // and it comes back (a second later): listening again, caching again
    await expect
      .poll(async () => (await sql(`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = ? and state = 'idle'`, [LISTENER_NAME]))[0].n, {
        timeout: 10_000,
      })
      .toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    const again = await signedIn(await newUser());
    await cachedOnTwo(again);
  });
});
