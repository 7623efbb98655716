// The admin panel's files (admin/dist, built by Vite), on the API's origin.
// - Compressed: the build writes a .br and a .gz next to each file (vite-plugin-compression2 in
//   admin/vite.config.ts); express-static-gzip sends the one the browser accepts (brotli first),
//   with Content-Encoding and Vary: Accept-Encoding, and the plain file to a client that takes neither.
// - Cached: files under assets/ carry a content hash in their name, so a browser keeps them for a
//   year without asking again (immutable); index.html, which names the current hashes, is
//   revalidated on every load (no-cache), so a deployment is seen at the next page load.
// - Client-side routes (#/… never reaches the server, but /some/path may) fall back to index.html;
//   the API's own paths and missing assets/ files do not (a stale tab's old chunk is a 404, not HTML).
import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';
import expressStaticGzip from 'express-static-gzip';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function servePanel(app: express.Express, adminDist: string): void {
  const dist = path.resolve(adminDist);
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  const assets = path.join(dist, 'assets') + path.sep;
  app.use(
    expressStaticGzip(dist, {
      index: false,
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      serveStatic: {
        cacheControl: false,
        // `file` is the file sent: x.js, or x.js.br / x.js.gz next to it
        setHeaders: (res, file) => res.setHeader('Cache-Control', file.startsWith(assets) ? IMMUTABLE : 'no-cache'),
      },
    }),
  );
  app.get(/^\/(?!graphql|healthz|attachments|post-attachments|uploads|assets\/).*/, (_req, res) => res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }));
}
