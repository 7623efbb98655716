// Node-side checks of the panel's upload step (admin/posts/uploads.ts) against the real upload
// path: files go to POST /uploads (or /uploads/public) first, the mutation gets their ids, and a
// file the server refuses shows on the form's attachments input with the server's message.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildWorld } from '../helpers/factories.js';
import { toUploads, uploadFile } from '../../admin/posts/uploads.js';
import type { ApiError } from '../../admin/graphql/errors.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  const world = await buildWorld(server.orm.em.fork(), server.secrets);
  const c = new Client(server.url);
  await c.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
  cookie = c.cookieHeader!;
  // the browser's same-origin fetch with the session cookie, here against the test server
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    return realFetch(`${server.url}${input}`, { ...init, headers });
  });
});
const realFetch = globalThis.fetch;
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

const file = (bytes: number[], name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];

describe('the panel’s upload step', () => {
  it('sends each file to the upload path and hands the mutation their ids', async () => {
    const uploads = await toUploads([file(PNG, '傷.png', 'image/png'), file([...Buffer.from('%PDF-1.7\n')], '様式5.pdf', 'application/pdf')]);
    expect(uploads).toEqual([{ uploadId: expect.any(String) }, { uploadId: expect.any(String) }]);
    const rows = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ filename: string }[]>(`select filename from pending_upload where id in (?) order by filename`, [uploads.map((u) => u.uploadId)]);
    expect(rows.map((r) => r.filename).sort()).toEqual(['傷.png', '様式5.pdf'].sort());
    // the public page's are anonymous, with the token its mutation presents
    expect(await uploadFile(file(PNG, 'a.png', 'image/png'), { public: true })).toEqual({ uploadId: expect.any(String), claimToken: expect.any(String) });
  });

  it('puts a refused file on the attachments input, with the server’s message', async () => {
    const error = (await uploadFile(file([...Buffer.from('MZ program')], 'a.png', 'image/png')).catch((e) => e)) as ApiError;
    expect(error.body.code).toBe('BAD_USER_INPUT');
    expect(error.body.fields).toEqual([{ field: 'attachments', code: 'FILE_TYPE', message: 'a.png: PDF・JPEG・PNG のファイルのみ添付できます。' }]);
    expect(error.body.errors).toMatchObject({ attachments: 'a.png: PDF・JPEG・PNG のファイルのみ添付できます。' });
  });
});
