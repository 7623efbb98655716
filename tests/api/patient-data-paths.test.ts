// Issue 10, paths 2–4: a room form's patient data follows the room's rules, the outbox is not a
// side channel, and every read of patient data is logged with the patient, before the room exists
// too. Everything through real HTTP against a real server; the database only to plant and to check.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEntity, EntityData, EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type Client, signedIn } from '../helpers/client.js';
import { buildApplication, buildRoom, buildWorld, roomCreationInput } from '../helpers/factories.js';
import { Application, Attachment } from '../../api/applications/application.entity.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';
import { enqueueMail } from '../../api/mail/outbox.js';
import { NotificationCategory } from '../../api/mail/notification.entity.js';
import { Patient } from '../../api/patients/patient.entity.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const as = {} as Record<'staff' | 'otherOfficeStaff' | 'city' | 'vendor', Client>;
let seq = 0;

const sql = <Row extends object = EntityData<AnyEntity>>(q: string, params: unknown[] = []) => em.fork().getConnection().execute<Row[]>(q, params);
const pdf = Buffer.from('%PDF-1.4 様式5 scan');

const LIST = `query($q: String) { applications(filter: { q: $q, type: ROOM_CREATION }, page: { perPage: 100 }) { items { id state summary payload attachments { id filename } events { comment } } } }`;
const DETAIL = `query($id: ID!) { application(id: $id) { id type state summary payload attachments { id filename } events { action comment } } }`;

/** A 様式6 filed online by office staff (`staff`, who is to be a member), with a scanned consent; its patient is named by a unique marker. */
async function fileRoomForm() {
  const marker = `患者マーカー${++seq}号`;
  const input = roomCreationInput({ explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }], name: marker });
  const app = (await as.staff.ok(`mutation($i: ApplicationInput!) { submitApplication(type: ROOM_CREATION, input: $i) { id version } }`, { i: { roomCreation: input } })).submitApplication;
  // the scan goes straight into the table: how it was uploaded is another test's business
  const fork = em.fork();
  const scan = fork.create(Attachment, {
    application: fork.getReference(Application, app.id),
    filename: `${marker}_同意書.pdf`,
    contentType: 'application/pdf',
    size: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    data: pdf,
    uploadedBy: world.users.staff.user.id,
  });
  await fork.flush();
  const [{ patient_id: patientRef }] = await sql(`select patient_id from application where id = ?`, [app.id]);
  return { id: app.id as string, version: app.version as number, marker, scanId: scan.id, patientRef: patientRef as string };
}

const versionOf = async (id: string) => (await sql(`select version from application where id = ?`, [id]))[0].version as number;
const download = (c: Client, id: string) => fetch(`${server.url}/attachments/${id}`, { headers: { cookie: c.cookieHeader! } });
const listed = async (c: Client, id: string, q?: string) => (await c.ok(LIST, { q })).applications.items.find((a: { id: string }) => a.id === id);

/** The applicant sees the form's row and state, but nothing of the patient: not in the list, the detail, the search, the history or the scan. */
async function expectNoPatientDataFor(c: Client, form: Awaited<ReturnType<typeof fileRoomForm>>) {
  const detail = (await c.ok(DETAIL, { id: form.id })).application;
  const row = await listed(c, form.id);
  expect(row, 'the form still lists').toBeTruthy();
  for (const seen of [detail, row]) {
    expect(JSON.stringify(seen)).not.toContain(form.marker);
    expect(seen.payload.patient).toBeUndefined();
    expect(seen.summary).toMatch(/^受付番号 [0-9A-F]{8}$/);
    expect(seen.attachments).toEqual([]);
  }
  expect(await listed(c, form.id, form.marker), 'searching for the patient finds nothing').toBeUndefined();
  expect((await download(c, form.scanId)).status).toBe(404);
}

async function expectPatientDataFor(c: Client, form: Awaited<ReturnType<typeof fileRoomForm>>) {
  const detail = (await c.ok(DETAIL, { id: form.id })).application;
  expect(detail.payload.patient.name).toBe(form.marker);
  expect(detail.summary).toContain(form.marker);
  expect(detail.attachments.map((a: { id: string }) => a.id)).toEqual([form.scanId]);
  expect((await listed(c, form.id)).payload.patient.name).toBe(form.marker);
  expect((await listed(c, form.id, form.marker))?.id).toBe(form.id);
  const file = await download(c, form.scanId);
  expect(file.status).toBe(200);
  expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
}

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  await sql(`update app_user set email = login_id || '@example.jp'`);
  await sql(`update municipality set contact_email = 'city@example.jp'`);
  Object.assign(as, await signedIn(server.url, world.users, ['staff', 'otherOfficeStaff', 'city', 'vendor'] as const));
});

afterAll(async () => {
  await server?.close();
});

describe('the outbox is not a side channel', () => {
  it('a room form returned with a comment naming the patient: the mail names neither, and says there is a comment in the panel', async () => {
    const form = await fileRoomForm();
    const comment = `${form.marker}さんの被保険者番号が違います`;
    await as.city.ok(`mutation($id: ID!, $v: Int!, $c: String!) { returnApplication(id: $id, version: $v, comment: $c) { state } }`, { id: form.id, v: form.version, c: comment });
    const mails = (await as.city.ok(`{ notifications(page: { perPage: 1000 }) { items { kind category to subject body } } }`)).notifications.items;
    const returned = mails.filter((m: { kind: string; to: string }) => m.kind === 'application.returned' && m.to === `${world.users.staff.loginId}@example.jp`);
    expect(returned).toHaveLength(1);
    expect(returned[0].category).toBe('ROOM');
    expect(returned[0].body).toContain('コメントがあります');
    expect(JSON.stringify(mails)).not.toContain(form.marker);
    expect(JSON.stringify(mails)).not.toContain('被保険者番号が違います');
  });

  it('an account form returned with a comment: the comment stays in the panel too', async () => {
    const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.staff.user });
    await as.city.ok(`mutation($id: ID!, $v: Int!, $c: String!) { returnApplication(id: $id, version: $v, comment: $c) { state } }`, { id: app.id, v: app.version, c: 'コメント本文マーカー' });
    const mails = (await as.city.ok(`{ notifications(page: { perPage: 1000 }) { items { body } } }`)).notifications.items;
    expect(JSON.stringify(mails)).not.toContain('コメント本文マーカー');
  });

  it('VENDOR reads only the account workflows’ mail, never room forms, new-post notices or a mail carrying an activation code', async () => {
    // an account form forwarded to the vendor: mail the vendor must see
    const staffAddition = await buildApplication(em.fork(), { office: world.office, applicant: world.users.staff.user });
    await as.city.ok(`mutation($id: ID!, $v: Int!) { forwardApplication(id: $id, version: $v) { state } }`, { id: staffAddition.id, v: staffAddition.version });
    // a room form, and its completion notice
    const form = await fileRoomForm();
    // mails planted as other parts of the system queue them: one with an activation code, an unclassified one
    const fork = em.fork();
    enqueueMail(fork, {
      kind: 'account.activation',
      category: NotificationCategory.ACCOUNT,
      carriesCredential: true,
      to: 'new@example.jp',
      subject: '利用開始コード',
      body: '利用開始コード ACT-CODE-MARKER',
      municipalityId: world.city.id,
    });
    enqueueMail(fork, { kind: 'something.else', to: 'x@example.jp', subject: '未分類', body: 'UNCLASSIFIED-MARKER', municipalityId: world.city.id });
    await fork.flush();
    await as.staff.ok(`mutation($r: ID!) { createPost(roomId: $r, input: { kind: NOTE, body: "投稿" }) { id } }`, {
      r: (
        await buildRoom(em.fork(), {
          municipality: world.city,
          explainingOffice: world.office,
          coveredOffices: [world.office],
          members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
        })
      ).id,
    });

    const vendorMails = (await as.vendor.ok(`{ notifications(page: { perPage: 1000 }) { total items { kind category subject body } } }`)).notifications;
    expect(vendorMails.items.some((m: { kind: string }) => m.kind === 'application.forwarded')).toBe(true);
    expect(new Set(vendorMails.items.map((m: { category: string }) => m.category))).toEqual(new Set(['ACCOUNT']));
    const seen = JSON.stringify(vendorMails);
    for (const hidden of ['ACT-CODE-MARKER', 'UNCLASSIFIED-MARKER', '部屋', '新しい投稿', form.marker]) expect(seen).not.toContain(hidden);
    // filtering does not widen the scope
    expect((await as.vendor.ok(`{ notifications(filter: { category: ROOM }) { total } }`)).notifications.total).toBe(0);
    expect((await as.vendor.ok(`{ notifications(filter: { category: POST }) { total } }`)).notifications.total).toBe(0);
    // the city of the municipality reads its whole outbox
    const cityMails = JSON.stringify((await as.city.ok(`{ notifications(page: { perPage: 1000 }) { items { body } } }`)).notifications.items);
    expect(cityMails).toContain('ACT-CODE-MARKER');
    expect(cityMails).toContain('UNCLASSIFIED-MARKER');
  });
});

describe('a room form’s patient data follows the room’s rules', () => {
  it('the applicant reads it while SUBMITTED and RETURNED, not after WITHDRAWN', async () => {
    const form = await fileRoomForm();
    await expectPatientDataFor(as.staff, form);
    await as.city.ok(`mutation($id: ID!, $v: Int!) { returnApplication(id: $id, version: $v, comment: "番号を確認してください") { state } }`, { id: form.id, v: await versionOf(form.id) });
    await expectPatientDataFor(as.staff, form);
    expect((await as.staff.ok(DETAIL, { id: form.id })).application.events.map((e: { comment: string | null }) => e.comment)).toContain('番号を確認してください');
    await as.staff.ok(`mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v) { state } }`, { id: form.id, v: await versionOf(form.id) });
    await expectNoPatientDataFor(as.staff, form);
    // the history keeps its steps, without the comments typed about the patient
    const events = (await as.staff.ok(DETAIL, { id: form.id })).application.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['SUBMIT', 'RETURN', 'WITHDRAW']);
    expect(events.every((e: { comment: string | null }) => e.comment === null)).toBe(true);
    // the city always reads it
    await expectPatientDataFor(as.city, form);
  });

  it('not after REJECTED', async () => {
    const form = await fileRoomForm();
    await as.city.ok(`mutation($id: ID!, $v: Int!) { rejectApplication(id: $id, version: $v, comment: "対象外です") { state } }`, { id: form.id, v: form.version });
    await expectNoPatientDataFor(as.staff, form);
  });

  it('not after COMPLETED, even as a live member (the room is the way), nor after the membership ended, the consent was withdrawn or the room closed', async () => {
    const form = await fileRoomForm();
    const created = await as.city.ok(`mutation($id: ID!, $v: Int!, $s: RoomSetupInput!) { createRoomFromApplication(applicationId: $id, version: $v, setup: $s) { payload } }`, {
      id: form.id,
      v: form.version,
      s: { name: `${form.marker} 様`, members: [{ userId: world.users.staff.user.id, permission: 'COORDINATOR' }], careReportTitles: ['訪問看護'] },
    });
    const roomId = created.createRoomFromApplication.payload.roomId as string;
    // the member reads the patient through the room…
    expect((await as.staff.ok(`query($id: ID!) { room(id: $id) { patient { name } } }`, { id: roomId })).room.patient.name).toBe(form.marker);
    // …and no longer through the form
    await expectNoPatientDataFor(as.staff, form);
    expect((await as.staff.ok(DETAIL, { id: form.id })).application.payload).toEqual({ roomId });

    await as.staff.ok(`mutation($r: ID!) { withdrawConsent(roomId: $r) { withdrawnAt } }`, { r: roomId });
    await expectNoPatientDataFor(as.staff, form);
    await sql(`update room set status = 'CLOSED', closed_at = now() where id = ?`, [roomId]);
    await expectNoPatientDataFor(as.staff, form);
    const [member] = await sql(`select id, version from room_member where room_id = ? and user_id = ?`, [roomId, world.users.staff.user.id]);
    await sql(`update room_member set until_date = '2020-01-01' where id = ?`, [member.id]);
    await expectNoPatientDataFor(as.staff, form);
    // the city of the municipality still reads the form
    await expectPatientDataFor(as.city, form);
  });

  it('nobody else reads it: another office’s staff and VENDOR get NOT_FOUND for the form and the scan', async () => {
    const form = await fileRoomForm();
    for (const c of [as.otherOfficeStaff, as.vendor]) {
      expect((await c.gql(DETAIL, { id: form.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await download(c, form.scanId)).status).toBe(404);
    }
  });
});

describe('every read of a room form’s patient data is logged with the patient, before the room exists too', () => {
  const readsOf = (actorId: string, since: Date) =>
    em.fork().find(AuditEvent, { actorId, occurredAt: { $gte: since }, action: { $in: ['application.read', 'attachment.read', 'room.list'] } }, { orderBy: { id: 'asc' } });

  it('the list, the detail and the scan download, each naming the patient; never the patient data itself', async () => {
    const form = await fileRoomForm();
    expect(form.patientRef).toMatch(/^[0-9a-f-]{36}$/);

    let since = new Date();
    await as.staff.ok(`{ applications(filter: { type: ROOM_CREATION }) { items { id payload } } }`);
    const listReads = (await readsOf(world.users.staff.user.id, since)).filter((e) => e.targetId === form.id);
    expect(listReads.map((e) => [e.action, e.patientId])).toEqual([['application.read', form.patientRef]]);

    since = new Date();
    await as.city.ok(`query($id: ID!) { application(id: $id) { payload summary attachments { id } } }`, { id: form.id });
    expect((await readsOf(world.users.city.user.id, since)).map((e) => [e.action, e.targetId, e.patientId])).toEqual([['application.read', form.id, form.patientRef]]);

    since = new Date();
    expect((await download(as.city, form.scanId)).status).toBe(200);
    expect((await readsOf(world.users.city.user.id, since)).map((e) => [e.action, e.targetId, e.patientId, e.detail])).toEqual([
      ['attachment.read', form.scanId, form.patientRef, { applicationId: form.id }],
    ]);

    // the reference is the patient's id once the room exists: the trail reads as one patient
    await as.city.ok(`mutation($id: ID!, $v: Int!, $s: RoomSetupInput!) { createRoomFromApplication(applicationId: $id, version: $v, setup: $s) { state } }`, {
      id: form.id,
      v: await versionOf(form.id),
      s: { name: form.marker, members: [{ userId: world.users.staff.user.id, permission: 'CONTRIBUTOR' }], careReportTitles: ['訪問看護'] },
    });
    expect((await em.fork().findOneOrFail(Patient, { id: form.patientRef })).name).toBe(form.marker);

    // the audit rows carry ids, never the patient's data
    const rows = await sql(`select * from audit_event where patient_id = ?`, [form.patientRef]);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(rows)).not.toContain(form.marker);
  });

  it('a closed form read by its applicant is no read of patient data: nothing logged', async () => {
    const form = await fileRoomForm();
    await as.staff.ok(`mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v) { state } }`, { id: form.id, v: form.version });
    const since = new Date();
    await as.staff.ok(DETAIL, { id: form.id });
    expect(await readsOf(world.users.staff.user.id, since)).toEqual([]);
  });

  it('the rooms list logs every listed room’s patient, in one INSERT (in the page’s own statement)', async () => {
    const rooms = [];
    for (let i = 0; i < 3; i++)
      rooms.push(await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.otherOfficeStaff.user }] }));
    const query = `{ rooms(page: { perPage: 1000 }) { total items { id name } } }`;
    await as.otherOfficeStaff.ok(query); // warm-up: the session touch is not in the count
    const since = new Date();
    server.sql.reset();
    const listedRooms = (await as.otherOfficeStaff.ok(query)).rooms.items as { id: string }[];
    const inserts = server.sql.statements.filter((s) => /insert into "?audit_event"?/.test(s)).length;
    const reads = await readsOf(world.users.otherOfficeStaff.user.id, since);
    expect(listedRooms.length).toBeGreaterThanOrEqual(3);
    const patientOf = new Map((await sql<{ id: string; patient_id: string }>(`select id, patient_id from room`)).map((r) => [r.id, r.patient_id]));
    // one row per listed room, each naming the room's patient
    expect(reads.map((e) => [e.roomId, e.patientId]).sort()).toEqual(listedRooms.map((r) => [r.id, patientOf.get(r.id)]).sort());
    for (const room of rooms) expect(reads.find((e) => e.roomId === room.id)?.patientId).toBe(room.patient.id);
    expect(inserts).toBe(1);
  });
});
