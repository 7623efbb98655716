// npm run backup / npm run restore: the compiled commands, as an operator runs them, on a database
// filled through the API (rooms, posts, scanned forms and photos as bytes, reads, audit trail);
// restored into a fresh database, every table must come back the same, the audit trail must
// stay append-only for the runtime role, and the server must run on the restored database.
import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { totpCode } from '../helpers/totp.js';
import { uploaded } from '../helpers/uploads.js';
import { buildApplication, buildPost, buildRoom, buildWorld, roomCreationInput } from '../helpers/factories.js';
import { APP_ROLE, APP_ROLE_PASSWORD } from '../helpers/global-setup.js';
import { Attachment } from '../../api/applications/application.entity.js';
import { PostAttachment } from '../../api/posts/post.entity.js';
import { AuditEvent, AuditOutcome } from '../../api/audit/audit-event.entity.js';
import { openDatabase } from '../../api/app.js';
import { createServer } from '../../api/server.js';
import { loadConfig, type Config } from '../../api/config.js';
import { findTool } from '../../api/db/dump.js';
import { migrationsList } from '../../migrations/index.js';

// compiled apart from dist/ (startup.test.ts compiles there at the same time); node_modules is found from there too
const OUT = 'dist/backup-test';
const SECRET_KEY = 'test-secret-key-test-secret-key-0123456789'; // the one startTestServer uses
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-backup-'));
const admin = inject('pgAdminUrl');
const dbUrl = (name: string, role?: { user: string; password: string }) => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  if (role) [u.username, u.password] = [role.user, role.password];
  return u.toString();
};
const runtime = { user: APP_ROLE, password: APP_ROLE_PASSWORD };

/** Runs a compiled command; resolves with its exit status and output (never rejects). */
function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`${OUT}/api/db/${script}.js`, ...args],
      { env: { ...process.env, MIGRATION_DATABASE_URL: '', DATA_DIR: path.join(work, 'no-embedded'), ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
      },
    );
  });
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `r_${randomBytes(6).toString('hex')}`;
  await query(admin, `create database "${name}" template template0`);
  return name;
}

/** Per table: row count and a digest of every row's full text (bytea included); plus sequences, indexes, triggers. */
async function fingerprint(url: string) {
  const tables = (await query<{ t: string }>(url, `select tablename as t from pg_tables where schemaname = 'public' order by 1`)).map((r) => r.t);
  const rows: Record<string, { n: number; md5: string }> = {};
  for (const t of tables) {
    // a restore ends the backup's sessions and tokens and says so on the trail (checked on their own below)
    const row = ['session', 'api_token'].includes(t) ? `(to_jsonb(x) - 'revoked_at' - 'revoked_reason')::text` : 'x::text';
    const where = t.startsWith('audit_event') ? `where action <> 'system.restore'` : ''; // the trail and its monthly partitions
    [rows[t]] = await query<{ n: number; md5: string }>(url, `select count(*)::int as n, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as md5 from public."${t}" x ${where}`);
  }
  // the restore's own audit row takes one value of audit_event's sequence
  const sequences = await query(
    url,
    `select sequencename, (last_value - case when sequencename = 'audit_event_id_seq' then (select count(*) from audit_event where action = 'system.restore') else 0 end)::text as last_value from pg_sequences where schemaname = 'public' order by 1`,
  );
  const indexes = await query(url, `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`);
  const triggers = await query(url, `select tgrelid::regclass::text as t, tgname from pg_trigger where not tgisinternal order by 1, 2`);
  const extensions = await query(url, `select extname from pg_extension order by 1`);
  return { tables, rows, sequences, indexes, triggers, extensions };
}

/** Signs in with the next step's code: the step used before the backup came back with it and cannot be used twice. */
async function signInAgain(c: Client, u: { loginId: string; password: string; totpSecret?: string | null }): Promise<void> {
  expect((await c.ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: u.loginId, p: u.password })).login.step).toBe('TOTP_REQUIRED');
  expect((await c.ok(`mutation($c: String!) { verifyTotp(code: $c) { step } }`, { c: await totpCode(u.totpSecret!, 1) })).verifyTotp.step).toBe('SIGNED_IN');
}

let server: TestServer;
let sourceName: string;
let dump: string;
const files: { table: 'attachment' | 'post_attachment'; id: string; bytes: Buffer }[] = [];
let world: Awaited<ReturnType<typeof buildWorld>>;
let cookies: { staff: string };
let roomId: string;

beforeAll(async () => {
  execFileSync('node_modules/.bin/tsc', ['-p', '.', '--outDir', OUT], { stdio: 'inherit' });

  // a database with what a municipality's system holds, made through the API where it matters
  server = await startTestServer();
  sourceName = server.orm.config.get('dbName')!;
  const em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  const as = { staff: new Client(server.url), other: new Client(server.url), city: new Client(server.url) };
  await as.staff.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
  await as.other.signIn(world.users.otherOfficeStaff.loginId, world.users.otherOfficeStaff.password, world.users.otherOfficeStaff.totpSecret!);
  await as.city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
  // every byte value, then noise: a scanned consent form (様式5) of 1.5 MB
  const png = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(n)]);
  const scan = png(1_500_000);
  const input = roomCreationInput({
    explainingOffice: world.office,
    coveredOffices: [world.office, world.otherOffice],
    members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
    name: '偕楽 梅子',
  });
  const app = (
    await as.staff.ok(`mutation($i: ApplicationInput!, $f: [AttachmentUpload!]) { submitApplication(type: ROOM_CREATION, input: $i, attachments: $f) { id version } }`, {
      i: { roomCreation: input },
      f: [await uploaded(as.staff, { filename: '様式5.png', contentType: 'image/png', data: scan })],
    })
  ).submitApplication;
  const created = await as.city.ok(`mutation($id: ID!, $v: Int!, $s: RoomSetupInput!) { createRoomFromApplication(applicationId: $id, version: $v, setup: $s) { payload } }`, {
    id: app.id,
    v: app.version,
    s: {
      name: '偕楽 梅子 様',
      members: [
        { userId: world.users.staff.user.id, permission: 'COORDINATOR' },
        { userId: world.users.otherOfficeStaff.user.id, permission: 'CONTRIBUTOR' },
      ],
      careReportTitles: ['訪問看護'],
    },
  });
  roomId = created.createRoomFromApplication.payload.roomId;
  const photo = png(300_000);
  await as.other.ok(`mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id } }`, {
    r: roomId,
    i: {
      kind: 'CARE_REPORT',
      title: '訪問看護',
      body: '血圧やや高め。',
      vitals: { systolic: 152, diastolic: 88, pulse: 72, temperature: 36.8, spo2: 97, weight: 48.5 },
      attachments: [await uploaded(as.other, { filename: '傷.png', contentType: 'image/png', data: photo })],
    },
  });
  await as.staff.ok(`mutation($r: ID!) { markPostsRead(roomId: $r) }`, { r: roomId });
  // and some written directly: a second room with a PDF on a post, a staff application with its form
  const room2 = await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.officeAdmin.user }] });
  const post2 = await buildPost(em, room2, world.users.officeAdmin.user, { body: '退院前カンファレンスの記録' });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(100_000)]);
  const staffApp = await buildApplication(em, { office: world.office, applicant: world.users.officeAdmin.user });
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const a = em.create(Attachment, { application: staffApp, filename: '誓約書.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha(pdf), data: pdf });
  const p = em.create(PostAttachment, { post: post2, filename: '記録.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha(pdf), data: pdf });
  em.create(AuditEvent, { action: 'test.backup', outcome: AuditOutcome.SUCCESS, actorLoginId: 'backup-test', detail: { note: '改行\nと "引用" と \\ と NUL なし' } });
  await em.flush();
  files.push({ table: 'attachment', id: a.id, bytes: pdf }, { table: 'post_attachment', id: p.id, bytes: pdf });
  for (const [table, bytes] of [
    ['attachment', scan],
    ['post_attachment', photo],
  ] as const) {
    const [row] = await query<{ id: string }>(dbUrl(sourceName), `select id from ${table} where sha256 = $1`, [sha(bytes)]);
    files.push({ table, id: row.id, bytes });
  }
  cookies = { staff: as.staff.cookieHeader! };
  // nothing writes to the source from here on
  await server.close();

  dump = path.join(work, 'app.dump');
  const r = await cli('backup', [dump], { DATABASE_URL: dbUrl(sourceName) });
  expect(r.out).toMatch(/Backup written: .*app\.dump \(\d+(\.\d)? (kB|MB), \d+\.\d\d s\)/);
  expect(r.code).toBe(0);
}, 180_000);
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('writes a custom-format pg_dump archive that holds every table, never showing the password', async () => {
    expect(fs.readFileSync(dump).subarray(0, 5).toString()).toBe('PGDMP');
    const list = execFileSync('pg_restore', ['--list', dump], { encoding: 'utf8' });
    // audit_event is partitioned: its rows are in its monthly partitions' TABLE DATA
    for (const t of (await fingerprint(dbUrl(sourceName))).tables) if (t !== 'audit_event') expect(list).toMatch(new RegExp(`TABLE DATA public ${t} `));
    const again = await cli('backup', [path.join(work, 'again.dump')], { DATABASE_URL: dbUrl(sourceName) });
    expect(again.code).toBe(0);
    expect(again.out).toContain('postgres:***@');
    expect(again.out).not.toContain(new URL(admin).password);
  });

  it('fails clearly when pg_dump is not of the server major version', () => {
    expect(() => findTool('pg_dump', 99, true)).toThrow(/PostgreSQL 99.*postgresql-client-99/s);
  });

  it('fails (and writes no file) when the database cannot be dumped', async () => {
    const out = path.join(work, 'broken.dump');
    const r = await cli('backup', [out], { DATABASE_URL: dbUrl('no_such_database') });
    expect(r.code).not.toBe(0);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});

describe('npm run restore', () => {
  let target: string;
  let owner: string;

  beforeAll(async () => {
    target = await freshDatabase();
    owner = dbUrl(target);
    const r = await cli('restore', [dump], { MIGRATION_DATABASE_URL: owner, DATABASE_URL: dbUrl(target, runtime) });
    expect(r.out).toContain(`${migrationsList.length} migrations recorded; rights of app_runtime granted again`);
    expect(r.out).toMatch(/Ended the backup's [1-9]\d* open session\(s\) and revoked its 0 API token\(s\)/);
    expect(r.out).not.toMatch(/predates|newer version/);
    expect(r.code).toBe(0);
  }, 120_000);

  it('brings back every table, row for row, with the same schema', async () => {
    const before = await fingerprint(dbUrl(sourceName));
    const after = await fingerprint(owner);
    // not a vacuous comparison: the tables the flow above fills
    for (const t of [
      'app_user',
      'office',
      'session',
      'audit_event',
      'application',
      'application_event',
      'attachment',
      'patient',
      'consent',
      'room',
      'room_member',
      'post',
      'post_read',
      'post_attachment',
      'mikro_orm_migrations',
    ]) {
      expect(before.rows[t]?.n, t).toBeGreaterThan(0);
    }
    expect(after.tables).toEqual(before.tables);
    for (const t of before.tables) expect(after.rows[t], t).toEqual(before.rows[t]);
    expect(after.sequences).toEqual(before.sequences);
    expect(after.indexes).toEqual(before.indexes);
    expect(after.triggers).toEqual(before.triggers);
    expect(after.extensions).toEqual(before.extensions);
  });

  it('brings back the attachments byte for byte', async () => {
    expect(files).toHaveLength(4);
    for (const f of files) {
      const [row] = await query<{ data: Buffer; size: number; sha256: string }>(owner, `select data, size, sha256 from ${f.table} where id = $1`, [f.id]);
      expect(row.data.equals(f.bytes), `${f.table} ${f.id}`).toBe(true);
      expect(row.size).toBe(f.bytes.length);
      expect(createHash('sha256').update(row.data).digest('hex')).toBe(row.sha256);
    }
  });

  it('keeps the audit trail append-only: the trigger for everyone, no UPDATE/DELETE for the runtime role', async () => {
    const asRuntime = dbUrl(target, runtime);
    await expect(query(owner, `update audit_event set action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(query(owner, `delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(query(owner, `truncate audit_event`)).rejects.toThrow(/append-only/);
    await expect(query(asRuntime, `update audit_event set action = 'forged'`)).rejects.toThrow(/permission denied/);
    await expect(query(asRuntime, `delete from audit_event`)).rejects.toThrow(/permission denied/);
    await expect(query(asRuntime, `select * from mikro_orm_migrations`)).rejects.toThrow(/permission denied/);
    expect((await query<{ n: number }>(asRuntime, `select count(*)::int as n from app_user`))[0].n).toBeGreaterThan(0);
    // the runtime role may still append
    await query(asRuntime, `insert into audit_event (action, outcome, actor_login_id) values ('test.after-restore', 'SUCCESS', 'backup-test')`);
  });

  /** The server as npm start runs it on the restored database (owner for migrations, runtime role for the rest). */
  async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
    const config: Config = {
      ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv),
      databaseUrl: dbUrl(target, runtime),
      migrationDatabaseUrl: owner,
      secretKey: SECRET_KEY,
      adminDist: path.resolve('admin/dist'),
    };
    const db = await openDatabase(config, () => {});
    const app = await createServer(db.orm, config, db.secrets);
    const http: Server = await new Promise((resolve) => {
      const s = createHttpServer(app.handler).listen(0, '127.0.0.1', () => resolve(s));
    });
    return {
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
      close: async () => {
        http.closeAllConnections();
        await new Promise((r) => http.close(r));
        await app.stop();
        await db.close();
      },
    };
  }

  it('runs the server on the restored database, as npm start would (no migration to apply)', async () => {
    const migrationsBefore = await query(owner, `select name from mikro_orm_migrations order by id`);
    const server = await serve();
    const url = server.url;
    try {
      expect(await query(owner, `select name from mikro_orm_migrations order by id`)).toEqual(migrationsBefore);
      // a session made before the backup is ended by the restore (it may have been signed out since)
      const stale = new Client(url);
      stale.setCookieHeader(cookies.staff);
      const refused = await stale.gql(`{ me { loginId } }`);
      expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['UNAUTHENTICATED', 'SESSION_EXPIRED']]);
      expect(await query(owner, `select count(*)::int as n from session where revoked_at is null or revoked_reason <> 'restored_from_backup'`)).toEqual([{ n: 0 }]);
      expect(await query(owner, `select detail from audit_event where action = 'system.restore'`)).toEqual([
        { detail: { backup: 'app.dump', sessionsEnded: expect.any(Number), apiTokensRevoked: 0 } },
      ]);
      // posts and the photo come back through the API, after signing in again
      const staff = new Client(url);
      await signInAgain(staff, world.users.staff);
      const posts = await staff.ok(`query($r: ID!) { posts(roomId: $r) { items { body vitals { systolic } attachments { id size } } } }`, { r: roomId });
      expect(posts.posts.items).toHaveLength(1);
      expect(posts.posts.items[0]).toMatchObject({ body: '血圧やや高め。', vitals: { systolic: 152 } });
      const photo = files.find((f) => f.id === posts.posts.items[0].attachments[0].id)!;
      const download = await fetch(`${url}/post-attachments/${photo.id}`, { headers: { cookie: staff.cookieHeader! } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(photo.bytes)).toBe(true);
      // a full sign-in: password hash and the TOTP secret (decrypted with the same SECRET_KEY) survived
      const officeAdmin = new Client(url);
      await officeAdmin.signIn(world.users.officeAdmin.loginId, world.users.officeAdmin.password, world.users.officeAdmin.totpSecret!);
      expect((await officeAdmin.ok(`{ me { loginId } }`)).me.loginId).toBe(world.users.officeAdmin.loginId);
    } finally {
      await server.close();
    }
  });

  it('refuses a database that is not empty unless --clean, and --clean replaces its contents', async () => {
    const source = await fingerprint(dbUrl(sourceName));
    const changed = await fingerprint(owner); // sign-ins and reads since the restore
    expect(changed.rows.audit_event).not.toEqual(source.rows.audit_event);

    const refused = await cli('restore', [dump], { MIGRATION_DATABASE_URL: owner, DATABASE_URL: dbUrl(target, runtime) });
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/not empty.*--clean/s);
    expect(await fingerprint(owner)).toEqual(changed);

    // months go by after the backup: the job runner makes new audit partitions the dump does not have
    await query(owner, `select audit_event_create_partition('2031-01-01')`);
    const clean = await cli('restore', [dump, '--clean'], { MIGRATION_DATABASE_URL: owner, DATABASE_URL: dbUrl(target, runtime) });
    expect(clean.out).toContain('migrations recorded');
    expect(clean.code).toBe(0);
    expect(await fingerprint(owner)).toEqual(source);
    await expect(query(dbUrl(target, runtime), `delete from audit_event`)).rejects.toThrow(/permission denied/);
  });

  it('sign in, back up, sign out, restore --clean: the signed-out cookie stays refused, and so do the backup’s API tokens', async () => {
    // signed in, and a reporting token made, before the backup
    let s = await serve();
    const admin = new Client(s.url, 'en');
    const city = new Client(s.url, 'en');
    let secret: string;
    try {
      await signInAgain(admin, world.users.officeAdmin);
      await signInAgain(city, world.users.city);
      secret = (await city.ok(`mutation { createApiToken(input: { name: '集計', expiresInDays: 30 }) { secret } }`.replace(/'/g, '"'))).createApiToken.secret;
    } finally {
      await s.close();
    }
    const bearer = (url: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ rosterReport { activeHeadcount } }' }),
      }).then(async (r) => codesOf((await r.json()) as never));
    const backup = path.join(work, 'signed-in.dump');
    expect((await cli('backup', [backup], { DATABASE_URL: owner })).code).toBe(0);

    // after the backup: the user signs out (the cookie is refused from then on)
    s = await serve();
    try {
      expect(await bearer(s.url)).toEqual([]);
      const cookie = admin.cookieHeader;
      const other = new Client(s.url, 'en');
      other.setCookieHeader(cookie);
      expect((await other.ok(`{ me { loginId } }`)).me.loginId).toBe(world.users.officeAdmin.loginId);
      await other.ok(`mutation { logout }`);
      other.setCookieHeader(cookie);
      expect(codesOf(await other.gql(`{ me { loginId } }`))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await s.close();
    }

    // the backup, restored over it, holds that session as it was before the sign-out
    const restored = await cli('restore', [backup, '--clean'], { MIGRATION_DATABASE_URL: owner, DATABASE_URL: dbUrl(target, runtime) });
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`Ended the backup's 2 open session(s) and revoked its 1 API token(s)`);
    s = await serve();
    try {
      const again = new Client(s.url, 'en');
      again.setCookieHeader(admin.cookieHeader);
      const r = await again.gql(`{ me { loginId } }`);
      expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['UNAUTHENTICATED', 'SESSION_EXPIRED']]);
      expect(await bearer(s.url)).toEqual(['UNAUTHENTICATED']);
      // accounts themselves are whole: a sign-in works, and a new token does
      const vendor = new Client(s.url, 'en');
      await vendor.signIn(world.users.vendor.loginId, world.users.vendor.password, world.users.vendor.totpSecret!);
      expect((await vendor.ok(`{ me { loginId } }`)).me.loginId).toBe(world.users.vendor.loginId);
    } finally {
      await s.close();
    }
  });

  it('leaves nothing behind when the restore fails (one transaction)', async () => {
    const broken = path.join(work, 'truncated.dump');
    const bytes = fs.readFileSync(dump);
    fs.writeFileSync(broken, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const name = await freshDatabase();
    const r = await cli('restore', [broken], { DATABASE_URL: dbUrl(name) });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/pg_restore failed/); // in the middle of the data, not before starting
    expect(await query(dbUrl(name), `select tablename from pg_tables where schemaname = 'public'`)).toEqual([]);
    // --clean empties the schema first (restoreReplacing): a failure half-way must bring the old contents back
    const before = await fingerprint(owner);
    const clean = await cli('restore', [broken, '--clean'], { MIGRATION_DATABASE_URL: owner, DATABASE_URL: dbUrl(target, runtime) });
    expect(clean.code).not.toBe(0);
    expect(clean.out).toMatch(/pg_restore failed/);
    expect(await fingerprint(owner)).toEqual(before);
  });
});
