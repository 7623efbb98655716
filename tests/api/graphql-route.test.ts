// /graphql as a client meets it over HTTP: Apollo's answers, served on Node's own objects without
// Express (api/http/graphql-route.ts), keep their status, type, length and security headers, are
// never stored by a cache (they may hold patient data), carry no ETag (a hash of every answer), and
// a body over the limit or broken JSON gets a coded JSON answer, never a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const post = (body: string, headers: Record<string, string> = {}) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('/graphql over HTTP', () => {
  it('answers a query with JSON of the exact length, the security headers, no-store and no ETag', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }' }));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps Apollo’s status codes for a bad query, bad JSON and a mutation over GET', async () => {
    const invalid = await post(JSON.stringify({ query: '{ noSuchField }' }));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('etag')).toBeNull();
    expect((await invalid.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    const brokenText = await broken.text();
    expect(brokenText).not.toMatch(/<html|at .*\.js/i);
    expect(JSON.parse(brokenText)).toEqual({ errors: [{ message: 'Bad request', extensions: { code: 'BAD_REQUEST' } }] });
    expect(broken.headers.get('x-frame-options')).toBe('DENY');

    const mutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(mutation.status).toBe(405);
  });

  it('reads a GET query from the query string, and refuses it without a CSRF preflight header', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const withHeader = await fetch(url, { headers: { 'apollo-require-preflight': '1' } });
    expect(withHeader.status).toBe(200);
    expect(withHeader.headers.get('cache-control')).toBe('no-store');
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
    const bare = await fetch(url);
    expect(bare.status).toBe(400);
    expect(await bare.text()).toMatch(/CSRF/i);
  });

  it('refuses a plain-text POST (a cross-site form could send one)', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(400);
  });
});
