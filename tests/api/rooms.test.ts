// Patients, consent and rooms: the whole path through the API, and privacy by membership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEntity, EntityData, EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildPost, buildRoom, buildUser, buildWorld, roomCreationInput } from '../helpers/factories.js';
import { startSmtpSink } from '../helpers/smtp.js';
import { postUpload, uploaded } from '../helpers/uploads.js';
import { MailWorker } from '../../api/mail/worker.js';
import { Role } from '../../api/users/user.enums.js';
import { RoomPermission } from '../../api/rooms/room.enums.js';
import { PostKind } from '../../api/posts/post.entity.js';
import { todayInTokyo } from '../../api/common/dates.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const as = {} as Record<'staff' | 'officeAdmin' | 'otherOfficeStaff' | 'city' | 'otherCity' | 'vendor', Client>;

const sql = <Row extends object = EntityData<AnyEntity>>(q: string, params: unknown[] = []) => em.fork().getConnection().execute<Row[]>(q, params);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const ROOM = `query($id: ID!) { room(id: $id) { id name status version writable myPermission unreadCount careReportTitles patient { name nameKana birthDate birthDateWareki insuredNumber } consent { signer proxyName withdrawnAt explainingOfficeName } members { id version permission live untilDate person { name officeName } } } }`;
const POSTS = `query($r: ID!, $f: PostFilter) { posts(roomId: $r, filter: $f) { total items { id version kind title body vitals { systolic diastolic pulse temperature spo2 weight } readCount readByMe author { name officeName } attachments { id filename contentType size } } } }`;
const CREATE_POST = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id version kind } }`;

async function signedIn(u: { loginId: string; password: string; totpSecret: string | null }) {
  const c = new Client(server.url);
  await c.signIn(u.loginId, u.password, u.totpSecret!);
  return c;
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ smtpUrl: smtp.url });
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  await sql(`update app_user set email = login_id || '@example.jp'`);
  for (const k of ['staff', 'officeAdmin', 'otherOfficeStaff', 'city', 'otherCity', 'vendor'] as const) as[k] = await signedIn(world.users[k]);
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

describe('the whole path: 様式6 → room → care report with vitals → 既読 → closing', () => {
  it('works end to end, and a closed room is read-only and kept', async () => {
    const { staff, otherOfficeStaff } = world.users;
    // the care manager (staff) applies, with the signed consent scanned
    const input = roomCreationInput({
      explainingOffice: world.office,
      coveredOffices: [world.office, world.otherOffice],
      members: [{ user: staff.user }, { user: otherOfficeStaff.user }],
      name: '偕楽 梅子',
    });
    const submitted = await as.staff.ok(`mutation($i: ApplicationInput!, $f: [AttachmentUpload!]) { submitApplication(type: ROOM_CREATION, input: $i, attachments: $f) { id version state } }`, {
      i: { roomCreation: input },
      f: [await uploaded(as.staff, { filename: '様式5.png', contentType: 'image/png', data: png })],
    });
    const app = submitted.submitApplication;
    // the scanned consent is patient data: downloading it is logged
    const scan = (await as.city.ok(`query($id: ID!) { application(id: $id) { attachments { id } } }`, { id: app.id })).application.attachments[0];
    expect((await fetch(`${server.url}/attachments/${scan.id}`, { headers: { cookie: as.city.cookieHeader! } })).status).toBe(200);
    expect(await sql(`select count(*)::int as n from audit_event where action = 'attachment.read' and target_id = ?`, [scan.id])).toEqual([{ n: 1 }]);
    // the vendor never sees a room form
    expect(codesOf(await as.vendor.gql(`query($id: ID!) { application(id: $id) { id } }`, { id: app.id }))).toEqual(['NOT_FOUND']);
    const queue = await as.city.ok(`{ applications(filter: { states: [SUBMITTED], type: ROOM_CREATION }) { items { id allowedActions payload } } }`);
    const queued = queue.applications.items.find((a: { id: string }) => a.id === app.id);
    expect(queued.allowedActions.sort()).toEqual(['COMPLETE', 'REJECT', 'RETURN']);
    expect(queued.payload.patient.birthDate).toBe('1940-03-02'); // 昭和15年3月2日

    const created = await as.city.ok(`mutation($id: ID!, $v: Int!, $s: RoomSetupInput!) { createRoomFromApplication(applicationId: $id, version: $v, setup: $s) { state payload } }`, {
      id: app.id,
      v: app.version,
      s: {
        name: '偕楽 梅子 様',
        members: [
          { userId: staff.user.id, permission: 'COORDINATOR' },
          { userId: otherOfficeStaff.user.id, permission: 'CONTRIBUTOR' },
        ],
        careReportTitles: ['訪問看護', '訪問診療'],
      },
    });
    const roomId = created.createRoomFromApplication.payload.roomId as string;
    const room = (await as.staff.ok(ROOM, { id: roomId })).room;
    expect(room).toMatchObject({ name: '偕楽 梅子 様', status: 'ACTIVE', writable: true, myPermission: 'COORDINATOR', careReportTitles: ['訪問看護', '訪問診療'] });
    expect(room.patient).toMatchObject({ name: '偕楽 梅子', birthDate: '1940-03-02', birthDateWareki: '昭和15年3月2日' });
    expect(room.consent).toMatchObject({ signer: 'PROXY', proxyName: '水戸 一郎', withdrawnAt: null, explainingOfficeName: world.office.name });
    expect(room.members.map((m: { person: { name: string } }) => m.person.name).sort()).toEqual([staff.user.name, otherOfficeStaff.user.name].sort());

    // a care report with vitals and a photo; the other member sees it unread, opens it
    const post = (
      await as.otherOfficeStaff.ok(CREATE_POST, {
        r: roomId,
        i: {
          kind: 'CARE_REPORT',
          title: '訪問看護',
          body: '血圧やや高め。',
          vitals: { systolic: 152, diastolic: 88, pulse: 72, temperature: 36.8, spo2: 97, weight: 48.5 },
          attachments: [await uploaded(as.otherOfficeStaff, { filename: '傷.png', contentType: 'image/png', data: png })],
        },
      })
    ).createPost;
    expect((await as.staff.ok(ROOM, { id: roomId })).room.unreadCount).toBe(1);
    const listed = (await as.staff.ok(POSTS, { r: roomId })).posts.items[0];
    expect(listed).toMatchObject({
      id: post.id,
      readByMe: false,
      readCount: 0,
      vitals: { systolic: 152, spo2: 97, weight: 48.5 },
      author: { name: otherOfficeStaff.user.name, officeName: world.otherOffice.name },
    });
    expect(await as.staff.ok(`mutation($r: ID!) { markPostsRead(roomId: $r) }`, { r: roomId })).toEqual({ markPostsRead: 1 });
    expect((await as.staff.ok(ROOM, { id: roomId })).room.unreadCount).toBe(0);
    const seen = await as.otherOfficeStaff.ok(`query($r: ID!) { posts(roomId: $r) { items { readCount readers { person { name } readAt } } } }`, { r: roomId });
    expect(seen.posts.items[0].readCount).toBe(1);
    expect(seen.posts.items[0].readers.map((x: { person: { name: string } }) => x.person.name)).toContain(staff.user.name);

    // the photo, for members only, and every read is in the access log with the patient
    const attachmentId = listed.attachments[0].id;
    const download = await fetch(`${server.url}/post-attachments/${attachmentId}`, { headers: { cookie: as.staff.cookieHeader! } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    expect((await fetch(`${server.url}/post-attachments/${attachmentId}`, { headers: { cookie: as.officeAdmin.cookieHeader! } })).status).toBe(404);
    const patientId = (await sql(`select patient_id from room where id = ?`, [roomId]))[0].patient_id;
    const reads = (await sql<{ action: string }>(`select distinct action from audit_event where patient_id = ? and actor_id = ?`, [patientId, staff.user.id])).map((r) => r.action).sort();
    expect(reads).toEqual(expect.arrayContaining(['attachment.read', 'consent.read', 'patient.read', 'post.list', 'room.read']));

    // the chart's data
    const vitals = await as.city.ok(`query($r: ID!) { roomVitals(roomId: $r) { createdAt vitals { systolic } } }`, { r: roomId });
    expect(vitals.roomVitals.map((v: { vitals: { systolic: number } }) => v.vitals.systolic)).toEqual([152]);

    // closing request → the city's queue → closed, read-only, kept
    await as.staff.ok(`mutation($r: ID!) { requestRoomClosing(roomId: $r, reason: FACILITY_ADMISSION, body: "特養へ入所されました") { id } }`, { r: roomId });
    expect((await as.staff.ok(ROOM, { id: roomId })).room.status).toBe('CLOSING');
    const end = (await as.city.ok(`{ applications(filter: { type: ROOM_END, states: [SUBMITTED] }) { items { id version payload } } }`)).applications.items.find(
      (a: { payload: { roomId: string } }) => a.payload.roomId === roomId,
    );
    await as.city.ok(`mutation($id: ID!, $v: Int!) { completeApplication(id: $id, version: $v, comment: "確認しました") { state } }`, { id: end.id, v: end.version });
    const closed = (await as.staff.ok(ROOM, { id: roomId })).room;
    expect(closed).toMatchObject({ status: 'CLOSED', writable: false });
    const refused = await as.staff.gql(CREATE_POST, { r: roomId, i: { kind: 'NOTE', body: 'まだ書けますか' } });
    expect(codesOf(refused)).toEqual(['ROOM_READ_ONLY']);
    expect((await as.staff.ok(POSTS, { r: roomId })).posts.total).toBe(2);

    // e-mails: the completion notice and post notices carry no patient data
    await new MailWorker(server.orm, smtp.url, 'system@example.jp').runOnce(100);
    expect(smtp.mails.length).toBeGreaterThan(2);
    // searched in what the reader sees (the decoded subject and body: the raw body is base64, where
    // no Japanese marker could ever be found), with the birth date whole (a bare '1940' turns up in
    // a random Message-ID now and then)
    for (const m of smtp.mails) {
      const seen = `${m.subject}\n${m.body}`;
      for (const secret of ['偕楽', '梅子', 'カイラク', '1940-03-02', '昭和15年', '血圧', '特養']) expect(seen).not.toContain(secret);
    }
    expect(smtp.mails.some((m) => m.subject.includes('新しい投稿があります') && m.to.includes(`${staff.loginId}@example.jp`))).toBe(true);
  });
});

describe('privacy by membership', () => {
  it('member, future member, ex-member, non-member, stopped user, other municipality, VENDOR', async () => {
    const tomorrow = todayInTokyo(new Date(Date.now() + 86_400_000));
    const yesterday = todayInTokyo(new Date(Date.now() - 86_400_000));
    const mk = (extra = {}) => buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, ...extra });
    const [member, future, former, stopped] = [await mk(), await mk(), await mk(), await mk()];
    const room = await buildRoom(em.fork(), {
      municipality: world.city,
      explainingOffice: world.office,
      coveredOffices: [world.office],
      members: [{ user: member.user }, { user: future.user, fromDate: tomorrow }, { user: former.user, untilDate: yesterday }, { user: stopped.user }],
    });
    const post = await buildPost(em.fork(), room, member.user);
    const clients = { member: await signedIn(member), future: await signedIn(future), former: await signedIn(former), stopped: await signedIn(stopped) };
    await sql(`update app_user set status = 'STOPPED' where id = ?`, [stopped.user.id]);
    const probe = async (c: Client) => ({
      list: (await c.gql(`{ rooms { items { id } } }`)).data?.rooms?.items.some((r: { id: string }) => r.id === room.id) ?? codesOf(await c.gql(`{ rooms { total } }`))[0],
      room: codesOf(await c.gql(ROOM, { id: room.id }))[0] ?? 'ok',
      posts: codesOf(await c.gql(POSTS, { r: room.id }))[0] ?? 'ok',
      edit: codesOf(await c.gql(`mutation($id: ID!, $v: Int!) { editPost(id: $id, version: $v, input: { body: "x" }) { id } }`, { id: post.id, v: post.version }))[0] ?? 'ok',
    });
    expect(await probe(clients.member)).toEqual({ list: true, room: 'ok', posts: 'ok', edit: 'ok' });
    for (const who of ['future', 'former'] as const) expect(await probe(clients[who])).toEqual({ list: false, room: 'NOT_FOUND', posts: 'NOT_FOUND', edit: 'NOT_FOUND' });
    expect(await probe(clients.stopped)).toEqual({ list: 'UNAUTHENTICATED', room: 'UNAUTHENTICATED', posts: 'UNAUTHENTICATED', edit: 'UNAUTHENTICATED' });
    expect(await probe(as.officeAdmin)).toEqual({ list: false, room: 'NOT_FOUND', posts: 'NOT_FOUND', edit: 'NOT_FOUND' });
    expect(await probe(as.otherCity)).toEqual({ list: false, room: 'NOT_FOUND', posts: 'NOT_FOUND', edit: 'FORBIDDEN' });
    expect(await probe(as.vendor)).toMatchObject({ list: 'FORBIDDEN', room: 'FORBIDDEN', posts: 'FORBIDDEN' });
    // the city reads (without becoming a reader of record) but does not write
    expect((await probe(as.city)).room).toBe('ok');
    // the vendor learns counts only
    const counts = await as.vendor.ok(`{ roomCounts { municipalityId status count } }`);
    expect(counts.roomCounts.find((c: { municipalityId: string }) => c.municipalityId === world.city.id).count).toBeGreaterThan(0);
    // a post's author is a name, job type and office: no login ID or e-mail reachable through a room
    expect(codesOf(await clients.member.gql(`query($r: ID!) { posts(roomId: $r) { items { author { loginId } } } }`, { r: room.id }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('an ID stop ends the person’s memberships on the stop date', async () => {
    const leaver = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office });
    const room = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: leaver.user }] });
    const s = (await as.officeAdmin.ok(`mutation($i: ApplicationInput!) { submitApplication(type: ID_STOP, input: $i) { id version } }`, { i: { idStop: { userIds: [leaver.user.id] } } }))
      .submitApplication;
    const f = (await as.city.ok(`mutation($id: ID!, $v: Int!) { forwardApplication(id: $id, version: $v) { version } }`, { id: s.id, v: s.version })).forwardApplication;
    await as.vendor.ok(`mutation($id: ID!, $v: Int!) { completeApplication(id: $id, version: $v) { state } }`, { id: s.id, v: f.version });
    const members = (await as.city.ok(ROOM, { id: room.id })).room.members;
    expect(members).toEqual([expect.objectContaining({ untilDate: todayInTokyo(), live: true })]);
    expect(await sql(`select ended_reason from room_member where room_id = ?`, [room.id])).toEqual([{ ended_reason: 'id_stop' }]);
  });
});

describe('inside a room', () => {
  let room: Awaited<ReturnType<typeof buildRoom>>;
  let viewer: Awaited<ReturnType<typeof buildUser>>;
  beforeAll(async () => {
    viewer = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.otherOffice });
    room = await buildRoom(em.fork(), {
      municipality: world.city,
      explainingOffice: world.office,
      coveredOffices: [world.office, world.otherOffice],
      members: [{ user: world.users.staff.user, permission: RoomPermission.COORDINATOR }, { user: world.users.otherOfficeStaff.user }, { user: viewer.user, permission: RoomPermission.VIEWER }],
    });
  });

  it('checks care reports: a title of the room, vitals in range, vitals only on care reports', async () => {
    const bad = await as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'CARE_REPORT', title: '存在しない標題', body: 'x', vitals: { systolic: 999 } } });
    const fields = bad.errors![0].extensions!.fields!.map((f) => `${f.field}:${f.code}`);
    expect(fields).toEqual(['vitals.systolic:VITAL_SYSTOLIC']);
    const title = await as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'CARE_REPORT', title: '存在しない標題', body: 'x' } });
    expect(title.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'title', code: 'NOT_A_TITLE', message: 'この部屋のケアレポート標題から選んでください。' })]);
    const noteVitals = await as.staff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: 'x', vitals: { pulse: 70 } } });
    expect(noteVitals.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'vitals', code: 'NOT_ALLOWED_FOR_KIND' })]);
    // a program that says it is a photo is refused at the upload, with the same code and message
    const fake = await postUpload(server.url, { filename: 'a.exe', contentType: 'image/png', data: Buffer.from('MZ...') }, { cookie: as.staff.cookieHeader });
    expect([fake.status, fake.body.errors[0].extensions.code, fake.body.errors[0].message]).toEqual([415, 'FILE_TYPE', 'PDF・JPEG・PNG のファイルのみ添付できます。']);
    expect(await sql(`select count(*)::int as n from post where room_id = ?`, [room.id])).toEqual([{ n: 0 }]);
  });

  it('viewers read but do not post; nobody edits another’s post; a correction keeps the earlier version', async () => {
    const viewerClient = await signedIn(viewer);
    expect(codesOf(await viewerClient.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '見ました' } }))).toEqual(['FORBIDDEN']);
    const p = (await as.staff.ok(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '午後に訪問予定' } })).createPost;
    const EDIT = `mutation($id: ID!, $v: Int!, $b: String!) { editPost(id: $id, version: $v, input: { body: $b }) { body editedAt version revisions { body } } }`;
    expect(codesOf(await as.otherOfficeStaff.gql(EDIT, { id: p.id, v: p.version, b: '書き換え' }))).toEqual(['FORBIDDEN']);
    const edited = (await as.staff.ok(EDIT, { id: p.id, v: p.version, b: '午前に訪問予定（訂正）' })).editPost;
    expect(edited.body).toBe('午前に訪問予定（訂正）');
    expect(edited.editedAt).toBeTruthy();
    expect(edited.revisions).toEqual([{ body: '午後に訪問予定' }]);
    expect(codesOf(await as.staff.gql(EDIT, { id: p.id, v: p.version, b: '古い版から' }))).toEqual(['CONFLICT']);
  });

  it('finds things: by title, by author, by words', async () => {
    await as.otherOfficeStaff.ok(CREATE_POST, { r: room.id, i: { kind: 'CARE_REPORT', title: '訪問介護', body: '入浴介助を実施。皮膚の発赤なし。' } });
    await as.staff.ok(CREATE_POST, { r: room.id, i: { kind: 'CARE_REPORT', title: '訪問看護', body: '褥瘡の処置を行いました。' } });
    const by = async (f: Record<string, unknown>) => (await as.staff.ok(POSTS, { r: room.id, f })).posts.items.map((p: { body: string }) => p.body);
    expect(await by({ title: '訪問介護' })).toEqual(['入浴介助を実施。皮膚の発赤なし。']);
    expect(await by({ q: '褥瘡' })).toEqual(['褥瘡の処置を行いました。']);
    expect(await by({ authorId: world.users.otherOfficeStaff.user.id })).toEqual(['入浴介助を実施。皮膚の発赤なし。']);
    expect(await by({ kind: 'CARE_REPORT' })).toHaveLength(2);
  });

  it('withdrawing consent ends sharing at once: members read, nobody adds', async () => {
    expect(codesOf(await as.otherOfficeStaff.gql(`mutation($r: ID!) { withdrawConsent(roomId: $r) { withdrawnAt } }`, { r: room.id }))).toEqual(['FORBIDDEN']);
    const w = await as.staff.ok(`mutation($r: ID!) { withdrawConsent(roomId: $r, note: "家族より撤回の申し出") { withdrawnAt withdrawalNote } }`, { r: room.id });
    expect(w.withdrawConsent.withdrawnAt).toBeTruthy();
    const refused = await as.otherOfficeStaff.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '追記' } });
    expect(codesOf(refused)).toEqual(['ROOM_READ_ONLY']);
    expect(refused.errors![0].extensions!.reason).toBe('CONSENT_WITHDRAWN');
    expect((await as.otherOfficeStaff.ok(ROOM, { id: room.id })).room).toMatchObject({ writable: false, consent: { withdrawnAt: expect.any(String) } });
  });

  it('posts and rooms lists run a fixed number of SQL statements whatever the page size', async () => {
    const r2 = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    for (let i = 0; i < 30; i++) await buildPost(em.fork(), r2, world.users.staff.user, { kind: PostKind.NOTE });
    const count = async (q: string, v: Record<string, unknown>) => {
      server.sql.reset();
      await as.staff.ok(q, v);
      return server.sql.count;
    };
    const posts = (n: number) => `query($r: ID!) { posts(roomId: $r, page: { perPage: ${n} }) { total items { body readCount readByMe author { name officeName } attachments { id } } } }`;
    expect(await count(posts(30), { r: r2.id })).toBe(await count(posts(3), { r: r2.id }));
    const rooms = (n: number) => `{ rooms(page: { perPage: ${n} }) { total items { name unreadCount myPermission writable members { live person { name officeName } } } } }`;
    expect(await count(rooms(30), {})).toBe(await count(rooms(1), {}));
  });
});

describe('join requests and the directory', () => {
  it('a member asks the city to invite someone from the directory; only active users, only covered offices', async () => {
    const room = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    const dir = await as.staff.ok(`{ directory(filter: { officeId: "${world.otherOffice.id}" }) { items { id name officeName jobType } } }`);
    expect(dir.directory.items).toEqual(
      expect.arrayContaining([{ id: world.users.otherOfficeStaff.user.id, name: world.users.otherOfficeStaff.user.name, officeName: world.otherOffice.name, jobType: 'NURSE' }]),
    );
    const pending = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.otherOffice, status: 'PENDING' as never });
    const JOIN = `mutation($i: ApplicationInput!) { submitApplication(type: ROOM_JOIN, input: $i) { id version } }`;
    const notActive = await as.staff.gql(JOIN, { i: { roomJoin: { roomId: room.id, userId: pending.user.id } } });
    expect(notActive.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'roomJoin.userId', code: 'USER_NOT_ACTIVE' })]);
    expect(codesOf(await as.officeAdmin.gql(JOIN, { i: { roomJoin: { roomId: room.id, userId: world.users.otherOfficeStaff.user.id } } }))).toEqual(['NOT_FOUND']); // not in the room
    const app = (await as.staff.ok(JOIN, { i: { roomJoin: { roomId: room.id, userId: world.users.otherOfficeStaff.user.id, permission: 'VIEWER' } } })).submitApplication;
    const COMPLETE = `mutation($id: ID!, $v: Int!) { completeApplication(id: $id, version: $v) { state } }`;
    const uncovered = await as.city.gql(COMPLETE, { id: app.id, v: app.version });
    expect(uncovered.errors![0].extensions!.fields).toEqual([expect.objectContaining({ code: 'NOT_COVERED' })]);
    await as.city.ok(`mutation($r: ID!, $o: [ID!]!) { coverOfficesByConsent(roomId: $r, officeIds: $o) { id } }`, { r: room.id, o: [world.otherOffice.id] });
    expect((await as.city.ok(COMPLETE, { id: app.id, v: app.version })).completeApplication.state).toBe('COMPLETED');
    expect((await as.otherOfficeStaff.ok(ROOM, { id: room.id })).room.myPermission).toBe('VIEWER');
  });
});
