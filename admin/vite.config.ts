// The admin panel build: admin/ → admin/dist, served by the API server on the same origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // admin/public/ holds the public pages' source (新規登録申請, 利用開始), not static files to copy
  publicDir: false,
  // a .br and a .gz next to each file, sent by the server (api/http/panel.ts) as the browser accepts
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' })],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // every screen is its own chunk (common/lazyScreen.tsx); the largest, the room page with its
    // chart, is ~360 kB before compression
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:admin` next to a running API server (npm start, port 4000)
    proxy: { '/graphql': 'http://localhost:4000', '/uploads': 'http://localhost:4000' },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
