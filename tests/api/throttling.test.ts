// Sign-in throttling, the public page's limit, the proxy setting (on /graphql and the routes beside it), the body limit, helmet's headers
// and the password hashing cost: over real HTTP against real servers and databases.
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
// Node's web stream (its ReadableStream.from), the same class as the global one the DOM typings describe without `from`
import { ReadableStream } from 'node:stream/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEntity, EntityData, MikroORM } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf, type GqlResult } from '../helpers/client.js';
import { buildMunicipality, buildOffice, buildPost, buildRoom, buildUser, buildWorld, TEST_PASSWORD } from '../helpers/factories.js';
import { postUpload } from '../helpers/uploads.js';
import { PostAttachment } from '../../api/posts/post.entity.js';
import { createTestDatabase } from '../helpers/db.js';
import { TEST_PASSWORD_COST } from '../helpers/password-cost.js';
import { connect } from '../../api/db/orm.js';
import { createServer } from '../../api/server.js';
import { loadConfig, type Config } from '../../api/config.js';
import { SecretBox } from '../../api/auth/secret-box.js';
import { burnPasswordCheck, hashPassword, OWASP_MIN_COST, scryptRuns, setPasswordCostForTests } from '../../api/auth/password.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';

const LOGIN = `mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`;
const ACTIVATE = `mutation($l: String!, $c: String!, $p: String!) { activateAccount(loginId: $l, activationCode: $c, newPassword: $p) { step } }`;
const PUBLIC = `mutation($c: String!, $i: OfficeRegistrationInput!) { submitPublicRegistration(municipalityCode: $c, input: $i, applicantName: "新規 申請者", applicantEmail: "new-office@example.jp") { receiptNumber } }`;

/** The production defaults, as a deployment without SIGNIN_* variables gets them. */
const DEFAULT_LIMITS = loadConfig({} as NodeJS.ProcessEnv).signInLimits;

/** A GraphQL POST with chosen headers (X-Forwarded-For, Accept-Language). */
async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResult & { headers: Headers }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { ...((await res.json()) as GqlResult), status: res.status, headers: res.headers };
}

let seq = 0;
const registration = () => {
  seq += 1;
  return {
    office: {
      kind: 'MEDICAL',
      name: `throttle clinic ${seq}`,
      nameKana: 'テストイイン',
      postalCode: '310-0001',
      address: '茨城県水戸市三の丸1-1',
      phone: '029-111-2222',
      corporationName: '医療法人 テスト会',
      corporationNameKana: 'イリョウホウジン テストカイ',
      representativeName: '代表 一郎',
      representativeNameKana: 'ダイヒョウ イチロウ',
      corporationAddress: '茨城県水戸市三の丸1-1',
      corporationPhone: '029-111-2222',
      contactEmail: 'clinic-new@example.jp',
    },
    officePledgedOn: '2026-11-01',
    staff: [{ name: `看護 ${seq}子`, nameKana: 'カンゴ', jobType: 'NURSE', pledgedOn: '2026-11-20', email: `nurse${seq}@example.jp`, officeAdmin: true }],
  };
};

describe('sign-in throttling per client address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ signInLimits: DEFAULT_LIMITS });
  });
  afterAll(() => server.close());

  it('answers TOO_MANY_REQUESTS to 30 logins for 30 different IDs from one address after the limit, without hashing the refused ones', async () => {
    expect(DEFAULT_LIMITS).toEqual({ perAddress: 10, perAccount: 10, windowMinutes: 15 });
    await burnPasswordCheck('warm-up'); // the unknown-ID dummy hash is made once per process
    const before = scryptRuns();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(server.url, LOGIN, { l: `sprayed-${i}`, p: 'Winter2026!' }, { 'accept-language': 'en' })));
    const codes = answers.map((r) => codesOf(r)[0]);
    // all at once, and still exactly the limit gets through: the count is one atomic upsert
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(20);
    // one scrypt run per attempt that got through, none for the twenty refused
    expect(scryptRuns() - before).toBe(10);
    const refused = answers.find((r) => codesOf(r)[0] === 'TOO_MANY_REQUESTS')!;
    const retry = (refused.errors![0].extensions as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(refused.headers.get('retry-after')).toBe(String(retry));
    expect(refused.errors![0].message).toMatch(/Too many attempts/);

    // the address stays refused, even with a right password, and the refusals are on the audit trail
    const office = await buildOffice(server.orm.em.fork(), await buildMunicipality(server.orm.em.fork()));
    const real = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office });
    expect(codesOf(await post(server.url, LOGIN, { l: real.loginId, p: real.password }))).toEqual(['TOO_MANY_REQUESTS']);
    const [row] = await server.orm.em.fork().getConnection().execute(`select count(*)::int as n from audit_event where action = 'auth.login' and detail->>'reason' = 'throttled'`);
    expect(row.n).toBe(21);
  });
});

describe('sign-in throttling per account, activation answers', () => {
  let server: TestServer;
  let office: Awaited<ReturnType<typeof buildOffice>>;
  const sql = <Row extends object = EntityData<AnyEntity>>(q: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<Row[]>(q, params);
  // the test client is the trusted proxy, so each request can come from its own client address
  let address = 0;
  const fresh = () => ({ 'x-forwarded-for': `198.51.100.${++address}` });
  beforeAll(async () => {
    server = await startTestServer({ signInLimits: DEFAULT_LIMITS, trustProxy: ['loopback'] });
    office = await buildOffice(server.orm.em.fork(), await buildMunicipality(server.orm.em.fork()));
  });
  afterAll(() => server.close());

  it('limits one login ID tried from many addresses, known or not, before hashing', async () => {
    const u = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office });
    for (const id of [u.loginId, 'nobody-at-all']) {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 12; i++) codes.push(codesOf(await post(server.url, LOGIN, { l: id, p: `wrong-password-${i}` }, fresh()))[0]);
      expect(codes).toEqual([...Array(10).fill('INVALID_CREDENTIALS'), 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    }
    const before = scryptRuns();
    expect(codesOf(await post(server.url, LOGIN, { l: u.loginId, p: u.password }, fresh()))).toEqual(['TOO_MANY_REQUESTS']);
    expect(scryptRuns()).toBe(before);
  });

  it('answers every activation failure alike: unknown, active and pending login IDs', async () => {
    const active = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office });
    const pending = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office, totp: false, status: UserStatus.PENDING });
    const ids = ['99999-00001', active.loginId, pending.loginId];
    const wrongCode = await Promise.all(ids.map((l) => post(server.url, ACTIVATE, { l, c: 'AAAA-BBBB-CCCC', p: 'a-good-new-password-1' }, fresh())));
    for (const r of wrongCode) {
      expect(r.data).toBeNull();
      expect(codesOf(r)).toEqual(['INVALID_CREDENTIALS']);
      expect(r.errors![0].message).toBe(wrongCode[0].errors![0].message);
    }
    // a password the policy refuses is refused for what it is, whichever account the ID names
    const weak = await Promise.all(ids.map((l) => post(server.url, ACTIVATE, { l, c: 'AAAA-BBBB-CCCC', p: 'short' }, fresh())));
    for (const r of weak) expect(r.errors![0].extensions).toEqual(weak[0].errors![0].extensions);
    expect(codesOf(weak[0])).toEqual(['BAD_USER_INPUT']);
  });

  it('does not let activation attempts lock an active account; wrong codes count for a pending one', async () => {
    const active = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office });
    const pending = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office, totp: false, status: UserStatus.PENDING });
    for (let i = 0; i < 6; i++) {
      await post(server.url, ACTIVATE, { l: active.loginId, c: 'AAAA-BBBB-CCCC', p: 'a-good-new-password-1' }, fresh());
      await post(server.url, ACTIVATE, { l: pending.loginId, c: 'AAAA-BBBB-CCCC', p: 'a-good-new-password-1' }, fresh());
    }
    const state = async (id: string) => (await sql(`select failed_sign_ins, locked_until from app_user where id = ?`, [id]))[0];
    expect(await state(active.user.id)).toEqual({ failed_sign_ins: 0, locked_until: null });
    expect((await state(pending.user.id)).locked_until).not.toBeNull();
    await new Client(server.url).signIn(active.loginId, active.password, active.totpSecret!);
  });
});

describe('limits shared by two API processes on one database', () => {
  let orms: MikroORM[] = [];
  const servers: { url: string; close: () => Promise<void> }[] = [];
  let municipalityCode: string;
  beforeAll(async () => {
    const { orm, url } = await createTestDatabase();
    orms = [orm, await connect(url)];
    municipalityCode = (await buildMunicipality(orm.em.fork())).code;
    for (const o of orms) {
      const config: Config = { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), adminDist: '/nonexistent', signInLimits: DEFAULT_LIMITS, publicSubmissionsPerHour: 4 };
      const api = await createServer(o, config, new SecretBox('test-secret-key-test-secret-key-0123456789'));
      const http: Server = await new Promise((resolve) => {
        const s = createHttpServer(api.handler).listen(0, '127.0.0.1', () => resolve(s));
      });
      servers.push({
        url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
        close: async () => {
          http.closeAllConnections();
          await new Promise((r) => http.close(r));
          await api.stop();
        },
      });
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const o of orms) await o.close(true);
  });

  it('counts sign-in failures from one address together, whichever process answers', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) codes.push(codesOf(await post(servers[i % 2].url, LOGIN, { l: `two-processes-${i}`, p: 'guess-password-1' }))[0]);
    expect(codes).toEqual([...Array(10).fill('INVALID_CREDENTIALS'), 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });

  it('lets exactly the configured number of 20 simultaneous public submissions through, across both', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(servers[i % 2].url, PUBLIC, { c: municipalityCode, i: registration() })));
    const codes = answers.map((r) => codesOf(r)[0] ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(4);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(16);
    const [row] = await orms[0].em.fork().getConnection().execute(`select count(*)::int as n from application where channel = 'PUBLIC'`);
    expect(row.n).toBe(4);
  });
});

describe('the public page behind a proxy', () => {
  let municipalityCode: string;
  const submitFrom = (server: TestServer, forwardedFor: string) => post(server.url, PUBLIC, { c: municipalityCode, i: registration() }, { 'x-forwarded-for': forwardedFor });
  const auditIps = async (server: TestServer) =>
    (await server.orm.em.fork().getConnection().execute<{ ip: string }[]>(`select ip from audit_event where action = 'application.public_submit' order by id`)).map((r) => r.ip);

  it('lets exactly the configured number of 20 simultaneous submissions from one address through', async () => {
    const server = await startTestServer({ publicSubmissionsPerHour: 5 });
    try {
      municipalityCode = (await buildMunicipality(server.orm.em.fork())).code;
      const answers = await Promise.all(Array.from({ length: 20 }, () => post(server.url, PUBLIC, { c: municipalityCode, i: registration() })));
      expect(answers.filter((r) => !r.errors).length).toBe(5);
      expect(answers.filter((r) => codesOf(r)[0] === 'TOO_MANY_REQUESTS').length).toBe(15);
      // a form refused for its content gives its point back: nothing was stored
      const server2 = await startTestServer({ publicSubmissionsPerHour: 1 });
      try {
        const code = (await buildMunicipality(server2.orm.em.fork())).code;
        expect(codesOf(await post(server2.url, PUBLIC, { c: '000000', i: registration() }))).toEqual(['BAD_USER_INPUT']);
        expect(codesOf(await post(server2.url, PUBLIC, { c: code, i: registration() }))).toEqual([]);
        expect(codesOf(await post(server2.url, PUBLIC, { c: code, i: registration() }))).toEqual(['TOO_MANY_REQUESTS']);
      } finally {
        await server2.close();
      }
    } finally {
      await server.close();
    }
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    const server = await startTestServer({ publicSubmissionsPerHour: 2, trustProxy: ['10.9.8.7'] });
    try {
      municipalityCode = (await buildMunicipality(server.orm.em.fork())).code;
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push(codesOf(await submitFrom(server, `203.0.113.${i}`))[0] ?? 'OK');
      expect(codes).toEqual(['OK', 'OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
      expect(await auditIps(server)).toEqual(['127.0.0.1', '127.0.0.1']);
    } finally {
      await server.close();
    }
  });

  it('believes X-Forwarded-For from a listed proxy (the control case)', async () => {
    const server = await startTestServer({ publicSubmissionsPerHour: 1, trustProxy: ['127.0.0.1'] });
    try {
      municipalityCode = (await buildMunicipality(server.orm.em.fork())).code;
      expect(codesOf(await submitFrom(server, '203.0.113.1'))).toEqual([]);
      expect(codesOf(await submitFrom(server, '203.0.113.2'))).toEqual([]);
      expect(codesOf(await submitFrom(server, '203.0.113.2'))).toEqual(['TOO_MANY_REQUESTS']);
      expect(await auditIps(server)).toEqual(['203.0.113.1', '203.0.113.2']);
    } finally {
      await server.close();
    }
  });

  it('refuses a blanket TRUST_PROXY at start, and takes a list of addresses and subnets', () => {
    for (const blanket of ['1', 'true', '*', 'yes', '2']) {
      expect(() => loadConfig({ TRUST_PROXY: blanket } as NodeJS.ProcessEnv)).toThrow(/TRUST_PROXY must list the proxies' addresses or subnets.*blanket yes/);
    }
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,fd00::/8' } as NodeJS.ProcessEnv).trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24', 'fd00::/8']);
    expect(loadConfig({} as NodeJS.ProcessEnv).trustProxy).toEqual([]);
    expect(loadConfig({} as NodeJS.ProcessEnv).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '10.0.0.12' } as NodeJS.ProcessEnv).host).toBe('10.0.0.12');
  });
});

describe('the routes outside /graphql behind a proxy (files, FHIR, uploads): the same rule', () => {
  const FORWARDED = '203.0.113.9';
  /**
   * A member downloads a post's photo and exports the room as FHIR, and anonymous uploads come from
   * four forwarded addresses; answers which address the audit trail and the uploads recorded, and
   * how many uploads the public page's limit (3 per address here) let through.
   */
  async function callersSeenBy(trustProxy: string[]) {
    const server = await startTestServer({ trustProxy, publicSubmissionsPerHour: 1 });
    try {
      const em = server.orm.em.fork();
      const world = await buildWorld(em, server.secrets);
      const staff = world.users.staff;
      const room = await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: staff.user }] });
      const post = await buildPost(em, room, staff.user);
      const data = Buffer.from('%PDF-1.7\n1 0 obj\n');
      const photo = em.create(PostAttachment, { post, filename: '写真.pdf', contentType: 'application/pdf', size: data.length, sha256: '0'.repeat(64), data });
      await em.flush();
      const member = new Client(server.url);
      await member.signIn(staff.loginId, staff.password, staff.totpSecret!);
      const headers = { cookie: member.cookieHeader!, 'x-forwarded-for': FORWARDED };
      expect((await fetch(`${server.url}/post-attachments/${photo.id}`, { headers })).status).toBe(200);
      expect((await fetch(`${server.url}/fhir/Room/${room.id}/$export`, { headers })).status).toBe(200);
      const file = { filename: '様式5.pdf', contentType: 'application/pdf', data };
      const uploads: number[] = [];
      for (let i = 1; i <= 4; i++) uploads.push((await postUpload(server.url, file, { public: true, headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
      const sql = em.getConnection();
      const audit = await sql.execute<{ action: string; ip: string }[]>(`select action, ip from audit_event where action in ('attachment.read', 'fhir.export_room') order by action`);
      const pending = await sql.execute<{ ip: string }[]>(`select client_ip as ip from pending_upload where client_ip is not null order by created_at`);
      return { audit, uploads, uploadIps: pending.map((r) => r.ip) };
    } finally {
      await server.close();
    }
  }

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    const seen = await callersSeenBy(['10.9.8.7']);
    expect(seen.audit).toEqual([
      { action: 'attachment.read', ip: '127.0.0.1' },
      { action: 'fhir.export_room', ip: '127.0.0.1' },
    ]);
    // the four forwarded addresses are one caller: the limit of one address
    expect(seen.uploads).toEqual([201, 201, 201, 429]);
    expect(seen.uploadIps).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });

  it('believes it from a listed proxy (the control case)', async () => {
    const seen = await callersSeenBy(['127.0.0.1']);
    expect(seen.audit).toEqual([
      { action: 'attachment.read', ip: FORWARDED },
      { action: 'fhir.export_room', ip: FORWARDED },
    ]);
    expect(seen.uploads).toEqual([201, 201, 201, 201]);
    expect(seen.uploadIps).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']);
  });
});

describe('the HTTP edge', () => {
  let dev: TestServer;
  let prod: TestServer;
  beforeAll(async () => {
    [dev, prod] = await Promise.all([startTestServer(), startTestServer({ production: true })]);
  });
  afterAll(async () => {
    await dev.close();
    await prod.close();
  });

  const body = (bytes: number) => JSON.stringify({ query: '{ authStatus { step } }', variables: { pad: 'x'.repeat(bytes) } });

  it('refuses a /graphql body over 1 MB with 413 PAYLOAD_TOO_LARGE, with or without Content-Length', async () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).graphqlBodyLimit).toBe(1024 * 1024);
    const big = await fetch(`${dev.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    // streamed without a length: counted as it arrives and refused at the limit
    const chunks = async function* () {
      for (let i = 0; i < 40; i++) yield new TextEncoder().encode(i === 0 ? '{"query":"{ authStatus { step } }","pad":"' : 'x'.repeat(64 * 1024));
    };
    const streamed = await fetch(`${dev.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ReadableStream.from(chunks()), duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    // under the limit: an ordinary answer
    const small = await fetch(`${dev.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(900 * 1024) });
    expect(small.status).toBe(200);
  });

  it('takes GRAPHQL_BODY_LIMIT in bytes, kb or mb', () => {
    expect(loadConfig({ GRAPHQL_BODY_LIMIT: '256kb' } as NodeJS.ProcessEnv).graphqlBodyLimit).toBe(256 * 1024);
    expect(loadConfig({ GRAPHQL_BODY_LIMIT: '2mb' } as NodeJS.ProcessEnv).graphqlBodyLimit).toBe(2 * 1024 * 1024);
    expect(loadConfig({ GRAPHQL_BODY_LIMIT: '5000' } as NodeJS.ProcessEnv).graphqlBodyLimit).toBe(5000);
    expect(() => loadConfig({ GRAPHQL_BODY_LIMIT: 'lots' } as NodeJS.ProcessEnv)).toThrow(/GRAPHQL_BODY_LIMIT/);
  });

  it('sends helmet’s headers with the panel’s CSP unchanged, and HSTS only in production', async () => {
    const csp = (h: Headers) =>
      Object.fromEntries(
        h
          .get('content-security-policy')!
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => {
            const [name, ...values] = d.split(/\s+/);
            return [name, values.join(' ')];
          }),
      );
    const expected = {
      'default-src': "'self'",
      'img-src': "'self' data: blob:",
      'style-src': "'self' 'unsafe-inline'",
      'script-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    };
    for (const path of ['/healthz', '/graphql?query=%7B__typename%7D']) {
      const d = await fetch(`${dev.url}${path}`, { headers: { 'apollo-require-preflight': '1' } });
      const p = await fetch(`${prod.url}${path}`, { headers: { 'apollo-require-preflight': '1' } });
      for (const h of [d.headers, p.headers]) {
        expect(csp(h)).toEqual(expected);
        expect(h.get('x-frame-options')).toBe('DENY');
        expect(h.get('x-content-type-options')).toBe('nosniff');
        expect(h.get('referrer-policy')).toBe('no-referrer');
        expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(h.get('x-powered-by')).toBeNull();
      }
      expect(d.headers.get('strict-transport-security')).toBeNull();
      expect(p.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    }
  });
});

describe('password hashing cost', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    setPasswordCostForTests(TEST_PASSWORD_COST);
    await server.close();
  });

  it('is OWASP’s minimum (scrypt N=2^17, r=8, p=1), and cannot be lowered under NODE_ENV=production', async () => {
    setPasswordCostForTests(null);
    expect(OWASP_MIN_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect((await hashPassword('some-password-1')).startsWith('scrypt$131072$8$1$')).toBe(true);
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => setPasswordCostForTests(TEST_PASSWORD_COST)).toThrow(/cannot be lowered in production/);
    } finally {
      process.env.NODE_ENV = env;
      setPasswordCostForTests(TEST_PASSWORD_COST);
    }
  });

  it('replaces a hash made with a lower cost at the next successful sign-in', async () => {
    const office = await buildOffice(server.orm.em.fork(), await buildMunicipality(server.orm.em.fork()));
    const u = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office });
    const sql = <Row extends object = EntityData<AnyEntity>>(q: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<Row[]>(q, params);
    // the cost this code used before (N=2^15)
    await sql(`update app_user set password_hash = ? where id = ?`, [await hashPassword(TEST_PASSWORD, { N: 2 ** 15, r: 8, p: 1 }), u.user.id]);
    setPasswordCostForTests(null);
    try {
      const wrong = await post(server.url, LOGIN, { l: u.loginId, p: 'not-the-password-1' });
      expect(codesOf(wrong)).toEqual(['INVALID_CREDENTIALS']);
      expect((await sql(`select password_hash from app_user where id = ?`, [u.user.id]))[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      await new Client(server.url).signIn(u.loginId, u.password, u.totpSecret!);
      const [{ password_hash: upgraded }] = await sql(`select password_hash from app_user where id = ?`, [u.user.id]);
      expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
      // the new hash works, and is not replaced again (the first factor is enough to show it)
      expect((await new Client(server.url).ok(LOGIN, { l: u.loginId, p: u.password })).login.step).toBe('TOTP_REQUIRED');
      expect((await sql(`select password_hash from app_user where id = ?`, [u.user.id]))[0].password_hash).toBe(upgraded);
      const events = await sql<{ detail: unknown }>(`select detail from audit_event where action = 'auth.password' and actor_id = ? order by id`, [u.user.id]);
      expect(events.map((e) => e.detail)).toEqual([{ passwordRehashed: true }, null]);
    } finally {
      setPasswordCostForTests(TEST_PASSWORD_COST);
    }
  });
});
