// What the panel's sign-in page costs a browser: loads <url>/#/login in Debian's Chromium
// (playwright-core) and sums, over the JavaScript files it loaded,
//   - wireBytes: the bytes actually received for them (encoded body, i.e. brotli/gzip as sent),
//   - gzipBytes: their size gzipped (level 9, as Vite reports it), whatever the server sent.
// pageWireBytes adds every other response of the page (index.html, the session query) and all
// headers. 1 kB = 1000 bytes. Used by tests/e2e/panel-size.test.ts; on its own, against a running
// server (npm start):
//   node bench/panel-size.mjs [http://localhost:4000]
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function measureSignInPage(baseUrl) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // a fresh context: nothing in the HTTP cache
    const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Encoding': 'gzip, br' } });
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${baseUrl}/#/login`);
    await page.getByRole('button', { name: 'サインイン' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const files = [];
    let pageWireBytes = 0;
    for (const response of responses) {
      const sizes = await response.request().sizes();
      pageWireBytes += sizes.responseBodySize + sizes.responseHeadersSize;
      const url = new URL(response.url());
      if (!url.pathname.endsWith('.js')) continue;
      const body = await response.body();
      files.push({
        path: url.pathname,
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        bytes: body.length,
        wireBytes: sizes.responseBodySize,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      });
    }
    await context.close();
    const sum = (key) => files.reduce((n, f) => n + f[key], 0);
    return { files, bytes: sum('bytes'), wireBytes: sum('wireBytes'), gzipBytes: sum('gzipBytes'), pageWireBytes };
  } finally {
    await browser.close();
  }
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = (process.argv[2] ?? 'http://localhost:4000').replace(/\/$/, '');
  const m = await measureSignInPage(url);
  for (const f of [...m.files].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    console.log(`${f.path.padEnd(48)} ${kB(f.bytes).padStart(10)} ${kB(f.gzipBytes).padStart(10)} gzip ${kB(f.wireBytes).padStart(10)} sent (${f.encoding})`);
  }
  console.log(
    `sign-in page ${url}/#/login: ${m.files.length} JS files, ${kB(m.bytes)}, ${kB(m.gzipBytes)} gzipped, ${kB(m.wireBytes)} of JS over the wire (${kB(m.pageWireBytes)} with the page's other responses and headers)`,
  );
}
