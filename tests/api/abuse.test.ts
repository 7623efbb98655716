// GraphQL abuse: depth, alias and cost limits, no batching, and production settings that reveal
// nothing about the schema or the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildWorld } from '../helpers/factories.js';

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
    expect(r.errors![0].message).toMatch(/depth 12 exceeds the limit of 10/);
  });

  it('refuses too many aliases', async () => {
    const q = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: authStatus { step }`).join(' ')} }`;
    expect(codesOf(await new Client(dev.url).gql(q))).toEqual(['QUERY_TOO_COMPLEX']);
    const ok = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: authStatus { step }`).join(' ')} }`;
    expect(codesOf(await new Client(dev.url).gql(ok))).toEqual([]);
  });

  it('refuses a query whose estimated rows × fields is too large, before running it', async () => {
    const big = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `u${i}: users(page: { perPage: 1000 }) { total items { name nameKana loginId jobType office { name municipality { name } } } }`).join(' ')} }`;
    expect(codesOf(await vendorDev.gql(big(5)))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codesOf(await vendorDev.gql(big(1)))).toEqual([]);
    // variables count too
    const viaVariables = await vendorDev.gql(`query($p: PageInput) { ${Array.from({ length: 10 }, (_, i) => `u${i}: users(page: $p) { items { name office { name municipality { name } } } }`).join(' ')} }`, { p: { perPage: 1000 } });
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
