// POST /uploads and /uploads/public over real HTTP: files are checked (type, first bytes, size) as
// they stream in, an oversized body is answered and cut off long before it ends, anonymous uploads
// count against the public page's limit, and an upload is attached once, by its uploader only.
import http from 'node:http';
import net from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf, signedIn } from '../helpers/client.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { postUpload, uploaded, uploadedPublic, type TestFile } from '../helpers/uploads.js';
import { purgeExpiredUploads } from '../../api/uploads/upload.service.js';
import type { Room } from '../../api/rooms/room.entity.js';

const MAX_BYTES = 256 * 1024; // a small configured limit: the whole body is many times larger
const PER_HOUR = 2; // public submissions per hour → 6 anonymous uploads (3 files each)

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let room: Room;
const as = {} as Record<'staff' | 'otherOfficeStaff' | 'officeAdmin', Client>;

const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (n = 64): TestFile => ({ filename: '傷.png', contentType: 'image/png', data: Buffer.concat([PNG_HEAD, randomBytes(n)]) });
const pdf = (name = '様式5.pdf'): TestFile => ({ filename: name, contentType: 'application/pdf', data: Buffer.from('%PDF-1.7\n1 0 obj\n') });
const CREATE_POST = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id attachments { id filename contentType size } } }`;
const pendingCount = async () => (await sql(`select count(*)::int as n from pending_upload`))[0].n as number;

/**
 * Sends one multipart file of `total` bytes over a raw socket, in 64 kB writes that wait for the
 * socket, and keeps writing after the answer: how much had gone out when the answer came, and
 * whether the server then stopped reading (connection cut, or no more room for a second).
 */
function streamUpload(o: { path: string; cookie?: string | null; contentType: string; head: Buffer; total: number; declaredLength?: number }) {
  // biome-ignore lint/suspicious/noExplicitAny: the upload route's untyped JSON answer, asserted with expect()
  return new Promise<{ status: number; body: any; writtenAtAnswer: number; written: number; stoppedReading: boolean }>((resolve) => {
    const boundary = `----zaitaku${randomUUID()}`;
    const req = http.request(`${server.url}${o.path}`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.declaredLength ? { 'content-length': String(o.declaredLength) } : {}) },
    });
    let written = 0;
    let writtenAtAnswer = -1;
    let status = 0;
    let text = '';
    let cut = false;
    let answered = false;
    req.on('response', (res) => {
      writtenAtAnswer = written;
      status = res.statusCode!;
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => (answered = true));
      res.on('error', () => (answered = true));
    });
    req.on('error', () => (cut = true));
    const sleep = (ms: number) => new Promise<boolean>((r) => setTimeout(() => r(false), ms));
    const chunk = randomBytes(64 * 1024);
    void (async () => {
      let stalled = false;
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: ${o.contentType}\r\n\r\n`);
      req.write(o.head);
      while (written < o.total && !cut) {
        const room = req.write(chunk);
        written += chunk.length;
        if (room) continue;
        // wait for room on the socket; after the answer, a second without any means nobody reads
        let drained = false;
        req.once('drain', () => (drained = true));
        const since = Date.now();
        while (!drained && !cut && Date.now() - since < (status ? 1_000 : 15_000)) await sleep(20);
        if (cut) break;
        if (!drained) {
          stalled = true;
          break;
        }
      }
      for (let i = 0; i < 750 && !answered; i++) await sleep(20); // up to 15 s: the answer may be slow on a loaded machine
      req.destroy();
      resolve({ status, body: text ? JSON.parse(text) : { errors: [{ extensions: { code: `no answer body (status ${status})` } }] }, writtenAtAnswer, written, stoppedReading: cut || stalled });
    })();
  });
}

beforeAll(async () => {
  server = await startTestServer({ uploads: { maxBytes: MAX_BYTES, pendingMinutes: 60 }, publicSubmissionsPerHour: PER_HOUR });
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  room = await buildRoom(em, {
    municipality: world.city,
    explainingOffice: world.office,
    coveredOffices: [world.office, world.otherOffice],
    members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
  });
  Object.assign(as, await signedIn(server.url, world.users, ['staff', 'otherOfficeStaff', 'officeAdmin'] as const));
});
afterAll(async () => {
  await server.close();
});

describe('POST /uploads: size', () => {
  it('answers 413 once the limit is passed, long before the body ends, and stops reading it', async () => {
    const total = 64 * 1024 * 1024;
    const before = await pendingCount();
    const r = await streamUpload({ path: '/uploads', cookie: as.staff.cookieHeader, contentType: 'image/png', head: PNG_HEAD, total });
    expect(r.status).toBe(413);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'FILE_TOO_LARGE', maxBytes: MAX_BYTES });
    expect(r.body.errors[0].message).toBe('ファイルが大きすぎます（上限 5MB）。');
    // answered after the limit plus what the sockets buffer, nowhere near the 64 MB
    expect(r.writtenAtAnswer).toBeGreaterThan(0);
    expect(r.writtenAtAnswer).toBeLessThan(24 * 1024 * 1024);
    // and the server did not go on reading: the connection was cut before the rest was sent
    expect(r.stoppedReading).toBe(true);
    expect(r.written).toBeLessThan(total);
    expect(await pendingCount()).toBe(before);
  });

  it('refuses a declared length past the limit before reading any of it', async () => {
    const r = await streamUpload({ path: '/uploads', cookie: as.staff.cookieHeader, contentType: 'image/png', head: PNG_HEAD, total: 8 * 1024 * 1024, declaredLength: 100 * 1024 * 1024 });
    expect([r.status, r.body.errors[0].extensions.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(r.writtenAtAnswer).toBeLessThan(8 * 1024 * 1024);
  });

  it('takes a file of exactly the limit, and answers in English when asked', async () => {
    const exact = png(MAX_BYTES - PNG_HEAD.length);
    const ok = await postUpload(server.url, exact, { cookie: as.staff.cookieHeader });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ filename: '傷.png', contentType: 'image/png', size: MAX_BYTES });
    const over = await postUpload(server.url, png(MAX_BYTES), { cookie: as.staff.cookieHeader, headers: { 'accept-language': 'en' } });
    expect([over.status, over.body.errors[0].message]).toEqual([413, 'The file is too large (5 MB at most).']);
  });
});

describe('POST /uploads: type', () => {
  it('refuses bytes that are not what the declared type says, and types outside the list', async () => {
    const before = await pendingCount();
    const pngAsPdf = await postUpload(server.url, { filename: 'form.pdf', contentType: 'application/pdf', data: png().data }, { cookie: as.staff.cookieHeader });
    expect([pngAsPdf.status, pngAsPdf.body.errors[0].extensions.code]).toEqual([415, 'FILE_TYPE']);
    const exeAsJpeg = await postUpload(server.url, { filename: 'a.jpg', contentType: 'image/jpeg', data: Buffer.from('MZ\x90\x00 program') }, { cookie: as.staff.cookieHeader });
    expect([exeAsJpeg.status, exeAsJpeg.body.errors[0].extensions.code]).toEqual([415, 'FILE_TYPE']);
    const html = await postUpload(server.url, { filename: 'a.html', contentType: 'text/html', data: Buffer.from('<script>alert(1)</script>') }, { cookie: as.staff.cookieHeader });
    expect([html.status, html.body.errors[0].message]).toEqual([415, 'PDF・JPEG・PNG のファイルのみ添付できます。']);
    const empty = await postUpload(server.url, { filename: 'a.png', contentType: 'image/png', data: Buffer.alloc(0) }, { cookie: as.staff.cookieHeader });
    expect(empty.status).toBe(415);
    expect(await pendingCount()).toBe(before);
  });

  it('checks the first bytes before reading the rest: a big file of the wrong kind is cut off at once', async () => {
    const r = await streamUpload({ path: '/uploads', cookie: as.staff.cookieHeader, contentType: 'image/png', head: Buffer.from('%PDF-1.7\n'), total: 64 * 1024 * 1024 });
    expect([r.status, r.body.errors[0].extensions.code]).toEqual([415, 'FILE_TYPE']);
    expect(r.writtenAtAnswer).toBeLessThan(24 * 1024 * 1024);
    expect(r.stoppedReading).toBe(true);
  });
});

describe('POST /uploads: the refusal reaches a client still sending', () => {
  // A client that is busy sending when the refusal comes (a browser uploading a big file) reads the
  // answer only later. Closing at once would reset the connection, and a reset client loses the
  // answer it has not read: it would show "connection reset" instead of the message.
  it('half-closes after the answer instead of resetting: a client that reads late still gets the message', async () => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.pause(); // busy sending: nothing read yet
    let error: string | null = null;
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    const boundary = `----zaitaku${randomUUID()}`;
    const chunk = (b: Buffer | string) => {
      const data = Buffer.from(b);
      socket.write(`${data.length.toString(16)}\r\n`);
      socket.write(data);
      socket.write('\r\n');
    };
    socket.write(
      `POST /uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${as.staff.cookieHeader}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    chunk(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n%PDF-1.7\n`);
    chunk(randomBytes(2 * 1024 * 1024)); // far more than the server reads before it refuses
    await new Promise((r) => setTimeout(r, 1_500)); // the refusal is written meanwhile
    chunk(randomBytes(64 * 1024)); // still sending
    socket.resume();
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (text += d));
    const ended = await new Promise<boolean>((resolve) => {
      socket.once('end', () => resolve(true));
      socket.once('close', () => resolve(false));
      setTimeout(() => resolve(false), 5_000);
    });
    socket.destroy();
    expect({ error, ended, status: text.split('\r\n')[0] }).toEqual({ error: null, ended: true, status: 'HTTP/1.1 415 Unsupported Media Type' });
    expect(text).toMatch(/connection: close/i);
    expect(text).toContain('"code":"FILE_TYPE"');
  });
});

describe('POST /uploads: who', () => {
  it('needs a signed-in browser session; API tokens and other sites are refused', async () => {
    const anonymous = await postUpload(server.url, pdf());
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const half = new Client(server.url);
    await half.ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: world.users.staff.loginId, p: world.users.staff.password });
    expect((await postUpload(server.url, pdf(), { cookie: half.cookieHeader })).status).toBe(401);
    const token = await postUpload(server.url, pdf(), { cookie: as.staff.cookieHeader, headers: { authorization: 'Bearer whatever' } });
    expect([token.status, token.body.errors[0].extensions.reason]).toEqual([403, 'READ_ONLY_TOKEN']);
    const crossSite = await postUpload(server.url, pdf(), { cookie: as.staff.cookieHeader, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
  });
});

describe('claiming uploads', () => {
  it('attaches a photo to a post end to end: upload, post, download the same bytes', async () => {
    const photo = png(5000);
    const up = await uploaded(as.staff, photo);
    const post = (await as.staff.ok(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '傷の写真です', attachments: [up] } })).createPost;
    expect(post.attachments).toEqual([{ id: expect.any(String), filename: '傷.png', contentType: 'image/png', size: photo.data.length }]);
    const download = await fetch(`${server.url}/post-attachments/${post.attachments[0].id}`, { headers: { cookie: as.staff.cookieHeader! } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(photo.data);
    expect(await sql(`select count(*)::int as n from pending_upload where id = ?`, [up.uploadId])).toEqual([{ n: 0 }]);
  });

  it('cannot be claimed by another user, nor twice, nor after it expired', async () => {
    const up = await uploaded(as.staff, png());
    const stolen = await as.otherOfficeStaff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: 'x', attachments: [up] } });
    expect(stolen.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'attachments.0.uploadId', code: 'UPLOAD_UNAVAILABLE' })]);
    // the refused claim took nothing: the owner still can, once
    await as.staff.ok(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '一度目', attachments: [up] } });
    const twice = await as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '二度目', attachments: [up] } });
    expect(twice.errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: 'attachments.0.uploadId', code: 'UPLOAD_UNAVAILABLE', message: '添付ファイルの受付期限が切れたか、すでに使われています。もう一度添付してください。' }),
    ]);
    // two claims at once: exactly one wins
    const race = await uploaded(as.staff, png());
    const results = await Promise.all([1, 2].map((n) => as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: `同時${n}`, attachments: [race] } })));
    expect(results.map((r) => (r.errors ? r.errors[0].extensions!.fields![0].code : 'ok')).sort()).toEqual(['UPLOAD_UNAVAILABLE', 'ok']);
    // expired: refused, then removed by the background job
    const old = await uploaded(as.staff, png());
    await sql(`update pending_upload set expires_at = now() - interval '1 minute' where id = ?`, [old.uploadId]);
    const late = await as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: 'x', attachments: [old] } });
    expect(late.errors![0].extensions!.fields![0]).toMatchObject({ code: 'UPLOAD_UNAVAILABLE' });
    expect(await purgeExpiredUploads(server.orm.em.fork())).toBeGreaterThanOrEqual(1);
    expect(await sql(`select count(*)::int as n from pending_upload where id = ?`, [old.uploadId])).toEqual([{ n: 0 }]);
    // more than three files, or one named twice
    const many = await Promise.all([1, 2, 3, 4].map(() => uploaded(as.staff, png())));
    expect((await as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: 'x', attachments: many } })).errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: 'attachments', code: 'INVALID_VALUE' }),
    ]);
    expect((await as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: 'x', attachments: [many[0], many[0]] } })).errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: 'attachments', code: 'INVALID_VALUE' }),
    ]);
  });

  it('keeps anonymous uploads for the public page: claimed there with the token only, never by a signed-in mutation', async () => {
    const anon = await uploadedPublic(server.url, pdf('誓約書.pdf'));
    expect(anon.claimToken).toMatch(/^[\w-]{20,}$/);
    // a signed-in user cannot take it into their own application
    const app = await as.officeAdmin.gql(
      `mutation($f: [AttachmentUpload!]) { submitApplication(type: STAFF_ADDITION, input: { staffAddition: { staff: [{ name: "新規 看護", nameKana: "シンキ カンゴ", jobType: NURSE, pledgedOn: "2026-11-01" }] } }, attachments: $f) { id } }`,
      { f: [anon] },
    );
    expect(app.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'attachments.0.uploadId', code: 'UPLOAD_UNAVAILABLE' })]);
    const PUBLIC = `mutation($c: String!, $f: [AttachmentUpload!]) { submitPublicRegistration(municipalityCode: $c, applicantName: "新規 申請者", applicantEmail: "new@example.jp", attachments: $f, input: { officePledgedOn: "2026-11-01", staff: [{ name: "公開 医師", nameKana: "コウカイ イシ", jobType: DOCTOR, pledgedOn: "2026-11-01", officeAdmin: true }], office: { kind: MEDICAL, name: "公開アップロード医院", nameKana: "コウカイイイン", postalCode: "310-0001", address: "茨城県水戸市三の丸1-1", phone: "029-111-2222", corporationName: "医療法人 公開", corporationNameKana: "イリョウホウジン コウカイ", representativeName: "代表 一郎", representativeNameKana: "ダイヒョウ イチロウ", corporationAddress: "茨城県水戸市三の丸1-1", corporationPhone: "029-111-2222", contactEmail: "open@example.jp", credentialsDelivery: OFFICE_ADDRESS } }) { receiptNumber } }`;
    const anonymous = new Client(server.url);
    // without the token, or with another, nobody can
    const noToken = await anonymous.gql(PUBLIC, { c: world.city.code, f: [{ uploadId: anon.uploadId }] });
    expect(noToken.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'attachments.0.uploadId', code: 'UPLOAD_UNAVAILABLE' })]);
    const wrong = await anonymous.gql(PUBLIC, { c: world.city.code, f: [{ uploadId: anon.uploadId, claimToken: 'x'.repeat(32) }] });
    expect(codesOf(wrong)).toEqual(['BAD_USER_INPUT']);
    // a signed-in user's upload is not the public page's either
    const own = await uploaded(as.officeAdmin, pdf());
    expect(codesOf(await anonymous.gql(PUBLIC, { c: world.city.code, f: [own] }))).toEqual(['BAD_USER_INPUT']);
    await anonymous.ok(PUBLIC, { c: world.city.code, f: [anon] });
    expect(await sql(`select a.filename from attachment a join application p on p.id = a.application_id where p.summary like '公開アップロード医院%'`)).toEqual([{ filename: '誓約書.pdf' }]);
  });
});

describe('the public page’s limit', () => {
  it('counts anonymous uploads against the public page’s limit, atomically', async () => {
    const limit = PER_HOUR * 3;
    const already = 1; // the anonymous upload of 'keeps anonymous uploads for the public page' above
    const answers = await Promise.all(Array.from({ length: limit + 6 }, () => postUpload(server.url, pdf(), { public: true })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(Math.max(0, limit - already));
    expect(statuses.filter((s) => s === 429)).toHaveLength(limit + 6 - Math.max(0, limit - already));
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    // the signed-in path is not the public page's: it is not counted there
    expect((await postUpload(server.url, pdf(), { cookie: as.staff.cookieHeader })).status).toBe(201);
  });
});
