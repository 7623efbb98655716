// GraphQL abuse: depth, alias and cost limits, no batching, and production settings that reveal
// nothing about the schema or the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { randomUUID } from 'node:crypto';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { formatError } from '../../api/common/errors.js';

let dev: TestServer;
let prod: TestServer;
let vendorDev: Client;

beforeAll(async () => {
  dev = await startTestServer();
  prod = await startTestServer({ production: true });
  const world = await buildWorld(dev.orm.em.fork(), dev.secrets);
  vendorDev = new Client(dev.url);
  await vendorDev.signIn(world.users.vendor.loginId, world.users.vendor.password, world.users.vendor.totpSecret!);
});
afterAll(async () => {
  await dev.close();
  await prod.close();
});

const post = (url: string, body: unknown) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('limits', () => {
  it('refuses a deep query (here: the classic nested introspection)', async () => {
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
    const r = await new Client(dev.url).gql(deep);
    expect(codesOf(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.errors![0].message).toMatch(/depth limit of 10 exceeded, found 12/); // GraphQL Armor's wording
  });

  it('refuses too many aliases', async () => {
    const q = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: authStatus { step }`).join(' ')} }`;
    expect(codesOf(await new Client(dev.url).gql(q))).toEqual(['QUERY_TOO_COMPLEX']);
    const ok = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: authStatus { step }`).join(' ')} }`;
    expect(codesOf(await new Client(dev.url).gql(ok))).toEqual([]);
  });

  it('refuses a query whose estimated rows × fields is too large, before running it', async () => {
    const big = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `u${i}: users(page: { perPage: 1000 }) { total items { name nameKana loginId jobType office { name municipality { name } } } }`).join(' ')} }`;
    expect(codesOf(await vendorDev.gql(big(5)))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codesOf(await vendorDev.gql(big(1)))).toEqual([]);
    // variables count too
    const viaVariables = await vendorDev.gql(
      `query($p: PageInput) { ${Array.from({ length: 10 }, (_, i) => `u${i}: users(page: $p) { items { name office { name municipality { name } } } }`).join(' ')} }`,
      { p: { perPage: 1000 } },
    );
    expect(codesOf(viaVariables)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses batched requests', async () => {
    const res = await post(dev.url, [{ query: '{ authStatus { step } }' }, { query: '{ authStatus { step } }' }]);
    expect(res.status).toBe(400);
  });
});

describe('production settings', () => {
  it('turn introspection off and give no field suggestions, no stack traces', async () => {
    const intro = await new Client(prod.url).gql(`{ __schema { queryType { name } } }`);
    expect(codesOf(intro)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const typo = await new Client(prod.url).gql(`{ authStatu { step } }`);
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
    const devTypo = await new Client(dev.url).gql(`{ authStatu { step } }`);
    expect(devTypo.errors![0].message).toMatch(/Did you mean "authStatus"/);
    const res = await post(prod.url, { query: '{ me { id } }' });
    const text = await res.text();
    expect(text).not.toMatch(/stacktrace|node_modules|\bat \w+ \(/);
    expect(JSON.parse(text).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});

describe('bad input answers a clean error, never a 500', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let staff: Client;
  let roomId: string;
  const raw = (url: string, body: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body });
  const loginAudits = async (loginId: string) =>
    dev.orm.em
      .fork()
      .getConnection()
      .execute<{ action: string; outcome: string; actor_login_id: string; detail: { reason?: string } }[]>(
        `select action, outcome, actor_login_id, detail from audit_event where action = 'auth.login' and actor_login_id = ? order by occurred_at`,
        [loginId],
      );

  beforeAll(async () => {
    world = await buildWorld(dev.orm.em.fork(), dev.secrets);
    const room = await buildRoom(dev.orm.em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    roomId = room.id;
    staff = new Client(dev.url, 'en');
    await staff.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
  });

  it('refuses variables nested 10,000 levels deep (objects or arrays) with BAD_REQUEST, without a stack overflow', async () => {
    const objects = `${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const nested of [objects, arrays]) {
      const res = await raw(dev.url, `{"query":"query($f: UserFilter) { users(filter: $f) { total } }","variables":{"f":${nested}}}`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    }
    // and the server is still there
    expect(codesOf(await vendorDev.gql(`{ users { total } }`))).toEqual([]);
  });

  it('refuses a NUL however it is written (\\u0000, \\u{0}, \\u{000000}, in variables) alike, and audits the refused login', async () => {
    for (const [i, nul] of ['\\u0000', '\\u{0}', '\\u{000000}'].entries()) {
      const loginId = `nul-${i}-${randomUUID().slice(0, 8)}`;
      const res = await raw(dev.url, JSON.stringify({ query: `mutation { login(loginId: "${loginId}${nul}x", password: "p") { step } }` }));
      const body = await res.json();
      expect(res.status, nul).toBe(400);
      expect(
        body.errors.map((e: { extensions: { code: string } }) => e.extensions.code),
        nul,
      ).toEqual(['BAD_USER_INPUT']);
      expect(body.errors[0].extensions.fields).toEqual([{ field: 'query', code: 'INVALID_VALUE', message: expect.any(String) }]);
      // a sign-in attempt all the same: on the trail, with the ID as far as it can be stored
      expect(await loginAudits(`${loginId}\uFFFDx`)).toEqual([{ action: 'auth.login', outcome: 'FAILURE', actor_login_id: `${loginId}\uFFFDx`, detail: { reason: 'invalid_input' } }]);
    }
    const loginId = `nul-var-${randomUUID().slice(0, 8)}`;
    const r = await new Client(dev.url).gql(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: `${loginId}\u0000`, p: 'p' });
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].extensions!.fields).toEqual([{ field: 'l', code: 'INVALID_VALUE', message: expect.any(String) }]);
    expect(await loginAudits(`${loginId}\uFFFD`)).toHaveLength(1);
  });

  it('refuses a lone surrogate in a post search with BAD_USER_INPUT (not a 500 with NOT_FOUND)', async () => {
    for (const q of ['\uD800', 'a\uDC00b', '\uDBFF']) {
      const r = await staff.gql(`query($r: ID!, $f: PostFilter) { posts(roomId: $r, filter: $f) { total } }`, { r: roomId, f: { q } });
      expect(r.status).toBe(400);
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].extensions!.fields).toEqual([{ field: 'f.q', code: 'INVALID_VALUE', message: expect.any(String) }]);
    }
    // a well-formed pair (an emoji) is text like any other
    expect(codesOf(await staff.gql(`query($r: ID!, $f: PostFilter) { posts(roomId: $r, filter: $f) { total } }`, { r: roomId, f: { q: '😀' } }))).toEqual([]);
  });

  it('answers NOT_FOUND only for an id that is not a UUID; any other database error is INTERNAL_SERVER_ERROR, masked', async () => {
    expect(codesOf(await vendorDev.gql(`{ user(id: "not-a-uuid") { id } }`))).toEqual(['NOT_FOUND']);
    const internal = { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    const dbError = (message: string) => Object.assign(new Error(`select … - ${message}`), { code: '22P02' });
    expect(formatError(internal, dbError('invalid input syntax for type uuid: "x"'), 'en').extensions).toEqual({ code: 'NOT_FOUND' });
    // 22P02 is also malformed json or numbers: a bug, not a missing row
    for (const message of ['invalid input syntax for type json', 'invalid input syntax for type integer: "x"']) {
      const out = formatError(internal, dbError(message), 'en');
      expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(out.message).not.toMatch(/syntax|select/);
    }
  });
});
