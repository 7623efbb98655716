// The sign-in page loads only the shell (every other screen is a lazy chunk), and the server sends
// the panel's files precompressed (brotli or gzip) with long-lived caching for hashed assets.
// Figures: `node bench/panel-size.mjs <url>` measures the same thing against a running server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSignInPage, type SignInPageSize } from '../../bench/panel-size.mjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { adminDist } from './browser.js';

/** The targets for the sign-in page, in bytes (1 kB = 1000 bytes). */
const MAX_FIRST_LOAD_GZIP = 460_000;
const MAX_WIRE = 480_000;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One GET with exactly these request headers, the body as received (not decompressed). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the panel on the wire', () => {
  let server: TestServer;
  let dist: string;
  let entry: string;
  let size: SignInPageSize;

  beforeAll(async () => {
    dist = adminDist();
    entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1] ?? '';
    server = await startTestServer({ adminDist: dist });
    size = await measureSignInPage(server.url);
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    console.log(`sign-in page: ${size.files.length} JS files, ${kB(size.bytes)}, ${kB(size.gzipBytes)} gzipped, ${kB(size.wireBytes)} of JS over the wire (${kB(size.pageWireBytes)} in all)`);
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`sign-in page: first-load JS at most ${MAX_FIRST_LOAD_GZIP / 1000} kB gzipped and ${MAX_WIRE / 1000} kB over the wire`, () => {
    expect(entry).not.toBe('');
    expect(size.files.map((f) => f.path)).toContain(entry);
    expect(size.gzipBytes).toBeLessThanOrEqual(MAX_FIRST_LOAD_GZIP);
    expect(size.wireBytes).toBeLessThanOrEqual(MAX_WIRE);
    expect(size.pageWireBytes).toBeLessThanOrEqual(MAX_WIRE);
    // sent compressed, not as they are on disk
    for (const f of size.files) expect(f.encoding, f.path).toMatch(/^(br|gzip)$/);
  });

  it('sign-in page loads no screen: the screens, their charts and the data layer are lazy chunks', () => {
    const loaded = size.files.map((f) => path.basename(f.path));
    // chunk names come from the screens' modules (Vite: <module>-<hash>.js)
    const screens = ['Dashboard', 'RoomPage', 'RoomList', 'ReportsPage', 'TokensPage', 'ApplicationList', 'AuditList', 'UserList', 'OfficeList', 'ConsentList', 'PublicApplyPage', 'ActivationPage'];
    for (const screen of screens) {
      expect(
        fs.readdirSync(path.join(dist, 'assets')).some((f) => f.startsWith(`${screen}-`) && f.endsWith('.js')),
        `${screen} is its own chunk`,
      ).toBe(true);
      expect(loaded.filter((f) => f.startsWith(`${screen}-`))).toEqual([]);
    }
    // nor Apollo Client / graphql-js: the data provider loads with the first screen
    const shell = size.files.map((f) => fs.readFileSync(path.join(dist, f.path))).join('\n');
    expect(shell).not.toContain('ApolloClient');
    expect(shell).not.toContain('introspectionFromSchema');
  });

  it('a hashed asset: brotli or gzip as accepted, cached for a year (immutable), plain for a client that takes neither', async () => {
    const original = fs.readFileSync(path.join(dist, entry));

    const br = await get(`${server.url}${entry}`, { 'Accept-Encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await get(`${server.url}${entry}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const plain = await get(`${server.url}${entry}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('index.html is revalidated at every load (no-cache); client routes fall back to it, the API paths and missing assets do not', async () => {
    for (const p of ['/', '/index.html', '/rooms/1/show']) {
      const res = await get(`${server.url}${p}`, { 'Accept-Encoding': 'gzip, br' });
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.headers['content-type'], p).toMatch(/text\/html/);
    }
    // a tab from before a deployment asks for an old chunk: a 404, not index.html as JavaScript
    const missing = await get(`${server.url}/assets/RoomPage-00000000.js`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain('<div id="root">');
    const health = await get(`${server.url}/healthz`);
    expect(health.headers['content-type']).toMatch(/json/);
  });
});
