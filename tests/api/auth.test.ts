// Two-factor sign-in, lockout, sessions and password changes, over real HTTP and a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildMunicipality, buildOffice, buildUser, type BuiltUser, type UserOptions } from '../helpers/factories.js';
import { totpCode } from '../helpers/totp.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';
import { todayInTokyo } from '../../api/common/dates.js';

const LOGIN = `mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`;
const VERIFY = `mutation($c: String!) { verifyTotp(code: $c) { step } }`;
const RECOVER = `mutation($c: String!) { useRecoveryCode(code: $c) { step } }`;
const ME = `{ me { id loginId role } }`;

let server: TestServer;
let em: EntityManager;
let office: Awaited<ReturnType<typeof buildOffice>>;

const newUser = (o: Partial<UserOptions> = {}) => buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office, ...o });
const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);
const auditFor = async (userId: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: audit detail is free-form JSON per action, asserted with expect()
  (await sql(`select action, outcome, detail from audit_event where target_id = ? or actor_id = ? order by id`, [userId, userId])) as { action: string; outcome: string; detail: any }[];

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  office = await buildOffice(em, await buildMunicipality(em));
});
afterAll(() => server.close());

describe('sign-in: password then TOTP', () => {
  it('a half-signed-in session reaches no data, only the second step', async () => {
    const u = await newUser();
    const c = new Client(server.url);
    expect((await c.ok(LOGIN, { l: u.loginId, p: u.password })).login.step).toBe('TOTP_REQUIRED');
    for (const q of [ME, `{ offices { total } }`, `{ users { total } }`, `{ municipalities { id } }`]) {
      const r = await c.gql(q);
      expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
      expect(r.errors![0].extensions!.reason).toBe('SECOND_FACTOR_REQUIRED');
    }
    const cp = await c.gql(`mutation { changePassword(currentPassword: "x", newPassword: "y") { step } }`);
    expect(codesOf(cp)).toEqual(['UNAUTHENTICATED']);
    expect((await c.ok(VERIFY, { c: await totpCode(u.totpSecret!) })).verifyTotp.step).toBe('SIGNED_IN');
    expect((await c.ok(ME)).me.loginId).toBe(u.loginId);
  });

  it('answers unknown user, wrong password, locked and stopped accounts alike', async () => {
    const locked = await newUser();
    await sql(`update app_user set locked_until = now() + interval '10 minutes' where id = ?`, [locked.user.id]);
    const stopped = await newUser({ status: UserStatus.STOPPED });
    const good = await newUser();
    const attempts = [
      { l: 'no-such-user', p: good.password },
      { l: good.loginId, p: 'wrong-password-123' },
      { l: locked.loginId, p: locked.password },
      { l: stopped.loginId, p: stopped.password },
    ];
    const answers = await Promise.all(attempts.map((a) => new Client(server.url).gql(LOGIN, a)));
    for (const r of answers) {
      expect(r.data).toBeNull();
      expect(codesOf(r)).toEqual(['INVALID_CREDENTIALS']);
      expect(r.errors![0].message).toBe(answers[0].errors![0].message);
    }
    expect(answers[0].errors![0].message).toMatch(/ログインID/);
  });

  it('refuses sign-in from the day after the stop date, not before', async () => {
    const today = await newUser();
    await sql(`update app_user set stop_date = ? where id = ?`, [todayInTokyo(), today.user.id]);
    const c = new Client(server.url);
    await c.signIn(today.loginId, today.password, today.totpSecret!);
    const past = await newUser();
    await sql(`update app_user set stop_date = ? where id = ?`, ['2020-01-01', past.user.id]);
    expect(codesOf(await new Client(server.url).gql(LOGIN, { l: past.loginId, p: past.password }))).toEqual(['INVALID_CREDENTIALS']);
  });

  it('accepts ±1 time step of clock drift and no more', async () => {
    const tryStep = async (steps: number) => {
      const u = await newUser();
      const c = new Client(server.url);
      await c.ok(LOGIN, { l: u.loginId, p: u.password });
      return codesOf(await c.gql(VERIFY, { c: await totpCode(u.totpSecret!, steps) }));
    };
    expect(await tryStep(-1)).toEqual([]);
    expect(await tryStep(1)).toEqual([]);
    expect(await tryStep(-2)).toEqual(['INVALID_TOTP']);
    expect(await tryStep(2)).toEqual(['INVALID_TOTP']);
  });

  it('refuses a code already used in its time step (replay), even from another browser', async () => {
    const u = await newUser();
    const code = await totpCode(u.totpSecret!);
    const a = new Client(server.url);
    await a.ok(LOGIN, { l: u.loginId, p: u.password });
    await a.ok(VERIFY, { c: code });
    const b = new Client(server.url);
    await b.ok(LOGIN, { l: u.loginId, p: u.password });
    expect(codesOf(await b.gql(VERIFY, { c: code }))).toEqual(['INVALID_TOTP']);
    expect((await auditFor(u.user.id)).some((e) => e.detail?.reason === 'replayed_code')).toBe(true);
  });

  it('lets two requests with the same code race: exactly one wins', async () => {
    const u = await newUser();
    const [a, b] = [new Client(server.url), new Client(server.url)];
    await a.ok(LOGIN, { l: u.loginId, p: u.password });
    await b.ok(LOGIN, { l: u.loginId, p: u.password });
    const code = await totpCode(u.totpSecret!);
    const results = await Promise.all([a.gql(VERIFY, { c: code }), b.gql(VERIFY, { c: code })]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
  });
});

describe('lockout', () => {
  it('locks after 5 failures within the window, refuses the right password while locked, and records every attempt', async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) expect(codesOf(await new Client(server.url).gql(LOGIN, { l: u.loginId, p: `wrong-${i}-password` }))).toEqual(['INVALID_CREDENTIALS']);
    expect(codesOf(await new Client(server.url).gql(LOGIN, { l: u.loginId, p: u.password }))).toEqual(['INVALID_CREDENTIALS']);
    const events = await auditFor(u.user.id);
    expect(events.filter((e) => e.action === 'auth.login' && e.outcome === 'FAILURE').length).toBe(6);
    expect(events.at(-1)!.detail.reason).toBe('locked');
    // after the lock period the right password works again, and success resets the count
    await sql(`update app_user set locked_until = now() - interval '1 second' where id = ?`, [u.user.id]);
    await new Client(server.url).signIn(u.loginId, u.password, u.totpSecret!);
    const [row] = await sql(`select failed_sign_ins from app_user where id = ?`, [u.user.id]);
    expect(row.failed_sign_ins).toBe(0);
  });

  it('counts wrong TOTP codes too, and a lock ends the half-signed-in session', async () => {
    const u = await newUser();
    const c = new Client(server.url);
    await c.ok(LOGIN, { l: u.loginId, p: u.password });
    for (let i = 0; i < 4; i++) expect(codesOf(await c.gql(VERIFY, { c: '000000' }))).toEqual(['INVALID_TOTP']);
    await new Client(server.url).gql(LOGIN, { l: u.loginId, p: 'wrong-password-9' }); // 5th failure: locked
    expect(codesOf(await c.gql(VERIFY, { c: await totpCode(u.totpSecret!) }))).not.toEqual([]);
    expect(codesOf(await new Client(server.url).gql(LOGIN, { l: u.loginId, p: u.password }))).toEqual(['INVALID_CREDENTIALS']);
  });

  it('forgets failures older than the window', async () => {
    const u = await newUser();
    for (let i = 0; i < 4; i++) await new Client(server.url).gql(LOGIN, { l: u.loginId, p: 'wrong-password-1' });
    await sql(`update app_user set first_failed_sign_in_at = now() - interval '16 minutes' where id = ?`, [u.user.id]);
    await new Client(server.url).gql(LOGIN, { l: u.loginId, p: 'wrong-password-1' });
    await new Client(server.url).signIn(u.loginId, u.password, u.totpSecret!);
  });
});

describe('enrollment and recovery codes', () => {
  let enrolled: { user: BuiltUser; secret: string; codes: string[] };

  it('leads a user without TOTP through enrollment and shows ten recovery codes once', async () => {
    const u = await newUser({ totp: false });
    const c = new Client(server.url);
    expect((await c.ok(LOGIN, { l: u.loginId, p: u.password })).login.step).toBe('TOTP_ENROLLMENT');
    expect(codesOf(await c.gql(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await c.gql(VERIFY, { c: '123456' }))).toEqual(['UNAUTHENTICATED']);
    const { beginTotpEnrollment: e } = await c.ok(`mutation { beginTotpEnrollment { otpauthUri qrCodeDataUrl manualEntryKey } }`);
    expect(e.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(e.otpauthUri).toContain(`secret=${e.manualEntryKey}`);
    expect(codesOf(await c.gql(`mutation($c: String!) { confirmTotpEnrollment(code: $c) { step } }`, { c: '000000' }))).toEqual(['INVALID_TOTP']);
    const r = await c.ok(`mutation($c: String!) { confirmTotpEnrollment(code: $c) { step recoveryCodes } }`, { c: await totpCode(e.manualEntryKey) });
    expect(r.confirmTotpEnrollment.step).toBe('SIGNED_IN');
    expect(r.confirmTotpEnrollment.recoveryCodes).toHaveLength(10);
    expect(new Set(r.confirmTotpEnrollment.recoveryCodes).size).toBe(10);
    expect((await c.ok(ME)).me.id).toBe(u.user.id);
    // stored encrypted and hashed only
    const [row] = await sql(`select totp_secret from app_user where id = ?`, [u.user.id]);
    expect(row.totp_secret).not.toContain(e.manualEntryKey);
    const hashes = await sql(`select code_hash from recovery_code where user_id = ?`, [u.user.id]);
    expect(hashes).toHaveLength(10);
    for (const code of r.confirmTotpEnrollment.recoveryCodes) expect(JSON.stringify(hashes)).not.toContain(code.replace(/-/g, ''));
    enrolled = { user: u, secret: e.manualEntryKey, codes: r.confirmTotpEnrollment.recoveryCodes };
  });

  it('accepts a recovery code instead of TOTP, once', async () => {
    const { user: u, codes } = enrolled;
    const a = new Client(server.url);
    await a.ok(LOGIN, { l: u.loginId, p: u.password });
    expect((await a.ok(RECOVER, { c: codes[0].toUpperCase() })).useRecoveryCode.step).toBe('SIGNED_IN');
    const b = new Client(server.url);
    await b.ok(LOGIN, { l: u.loginId, p: u.password });
    expect(codesOf(await b.gql(RECOVER, { c: codes[0] }))).toEqual(['INVALID_RECOVERY_CODE']);
    expect((await b.ok(RECOVER, { c: codes[1] })).useRecoveryCode.step).toBe('SIGNED_IN');
  });
});

describe('sessions', () => {
  const signedIn = async (u?: BuiltUser) => {
    const user = u ?? (await newUser());
    const c = new Client(server.url);
    await c.signIn(user.loginId, user.password, user.totpSecret!);
    return { c, user };
  };
  const sessionOf = async (userId: string) => (await sql(`select * from session where user_id = ? order by created_at desc limit 1`, [userId]))[0];

  it('uses an HttpOnly, SameSite=Strict cookie whose token is stored only hashed', async () => {
    const u = await newUser();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { l: u.loginId, p: u.password } }),
    });
    const cookie = res.headers.getSetCookie()[0];
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    // for as long as the session's absolute limit (12 h), on the whole origin
    expect(cookie).toMatch(/; Max-Age=43200;/);
    expect(cookie).toMatch(/; Path=\/;/);
    const expires = Date.parse(/; Expires=([^;]+)/.exec(cookie)![1]);
    expect(Math.abs(expires - (Date.now() + 12 * 3600_000))).toBeLessThan(60_000);
    const token = cookie.split(';')[0].split('=')[1];
    expect(token.length).toBeGreaterThanOrEqual(40);
    const rows = await sql(`select token_hash from session where user_id = ?`, [u.user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toBe(token);
  });

  it('ends after 30 minutes idle', async () => {
    const { c, user } = await signedIn();
    const cookie = c.cookieHeader;
    await sql(`update session set last_seen_at = now() - interval '31 minutes' where user_id = ?`, [user.user.id]);
    const r = await c.gql(ME);
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].extensions!.reason).toBe('SESSION_EXPIRED');
    expect((await sessionOf(user.user.id)).revoked_reason).toBe('idle_timeout');
    const old = new Client(server.url);
    old.setCookieHeader(cookie);
    expect((await old.ok(`{ authStatus { step reason } }`)).authStatus).toEqual({ step: 'SIGNED_OUT', reason: 'SESSION_EXPIRED' });
  });

  it('stays alive while used within the idle limit', async () => {
    const { c, user } = await signedIn();
    await sql(`update session set last_seen_at = now() - interval '29 minutes' where user_id = ?`, [user.user.id]);
    expect((await c.ok(ME)).me.id).toBe(user.user.id);
    await sql(`update session set last_seen_at = now() - interval '29 minutes' where user_id = ?`, [user.user.id]);
    expect((await c.ok(ME)).me.id).toBe(user.user.id);
  });

  it('ends 12 hours after sign-in whatever the activity', async () => {
    const { c, user } = await signedIn();
    const s = await sessionOf(user.user.id);
    expect(new Date(s.expires_at).getTime() - new Date(s.created_at).getTime()).toBe(12 * 3600 * 1000);
    await sql(`update session set expires_at = now() - interval '1 second' where user_id = ?`, [user.user.id]);
    expect(codesOf(await c.gql(ME))).toEqual(['UNAUTHENTICATED']);
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const { c } = await signedIn();
    const stolen = c.cookieHeader;
    const out = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: stolen! }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    expect((await out.json()).data.logout).toBe(true);
    // and the browser is told to drop the cookie: emptied, expired, with the attributes it was set with
    expect(out.headers.getSetCookie()).toEqual(['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict']);
    const replay = new Client(server.url);
    replay.setCookieHeader(stolen);
    expect(codesOf(await replay.gql(ME))).toEqual(['UNAUTHENTICATED']);
  });

  it('a stopped account loses its live sessions at once', async () => {
    const { c, user } = await signedIn();
    await sql(`update app_user set status = 'STOPPED' where id = ?`, [user.user.id]);
    expect(codesOf(await c.gql(ME))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('password changes', () => {
  const CHANGE = `mutation($cur: String!, $new: String!) { changePassword(currentPassword: $cur, newPassword: $new) { step } }`;

  it('needs the current password, applies the policy, and ends the other sessions', async () => {
    const u = await newUser();
    const a = new Client(server.url);
    await a.signIn(u.loginId, u.password, u.totpSecret!);
    const b = new Client(server.url);
    await b.signIn(u.loginId, u.password, await Promise.resolve(u.totpSecret!)).catch(async () => {
      // same time step already used by a: wait for the next code
      await b.ok(VERIFY, { c: await totpCode(u.totpSecret!, 1) });
    });
    expect(codesOf(await a.gql(CHANGE, { cur: 'not-my-password-1', new: 'new-password-2026' }))).toEqual(['WRONG_PASSWORD']);
    const weak = await a.gql(CHANGE, { cur: u.password, new: 'short' });
    expect(codesOf(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors![0].extensions!.fields![0]).toMatchObject({ field: 'newPassword', code: 'PASSWORD_POLICY' });
    expect(weak.errors![0].extensions!.fields![0].message).toMatch(/12文字以上/);
    expect((await a.ok(CHANGE, { cur: u.password, new: 'new-password-2026' })).changePassword.step).toBe('SIGNED_IN');
    expect((await a.ok(ME)).me.id).toBe(u.user.id);
    expect(codesOf(await b.gql(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await new Client(server.url).gql(LOGIN, { l: u.loginId, p: u.password }))).toEqual(['INVALID_CREDENTIALS']);
  });

  it('forces an issued password to be changed at first sign-in', async () => {
    const u = await newUser({ mustChangePassword: true });
    const c = new Client(server.url);
    await c.ok(LOGIN, { l: u.loginId, p: u.password });
    expect((await c.ok(VERIFY, { c: await totpCode(u.totpSecret!) })).verifyTotp.step).toBe('PASSWORD_CHANGE');
    const me = await c.gql(ME);
    expect(codesOf(me)).toEqual(['UNAUTHENTICATED']);
    expect(me.errors![0].extensions!.reason).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(codesOf(await c.gql(`{ offices { total } }`))).toEqual(['UNAUTHENTICATED']);
    expect((await c.ok(CHANGE, { cur: u.password, new: 'my-own-password-1' })).changePassword.step).toBe('SIGNED_IN');
    expect((await c.ok(ME)).me.id).toBe(u.user.id);
  });
});

describe('messages in the caller’s language', () => {
  it('answers in English when the browser prefers it, with the same code', async () => {
    const r = await new Client(server.url, 'en-US,en;q=0.9').gql(LOGIN, { l: 'nobody', p: 'x' });
    expect(codesOf(r)).toEqual(['INVALID_CREDENTIALS']);
    expect(r.errors![0].message).toMatch(/Wrong login ID or password/);
  });
});
