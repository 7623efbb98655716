// The leak sweep's world: two municipalities; in the first, three rooms and five room forms whose
// every patient field, post, correction, comment, file name and file carries a marker
// (tests/helpers/sweep.ts), built through the API where the API can build it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomInt } from 'node:crypto';
import type { TestServer } from './server.js';
import { Client } from './client.js';
import { buildUser, buildWorld, type BuiltUser } from './factories.js';
import { Markers } from './sweep.js';
import { totpCode } from './totp.js';
import { uploaded, type TestFile } from './uploads.js';
import { todayInTokyo } from '../../api/common/dates.js';
import { formatWareki } from '../../api/common/wareki.js';
import { buildBareSchema } from '../../api/schema.js';
import { isInputObjectType } from 'graphql';
import { Role } from '../../api/users/user.enums.js';
import { Patient } from '../../api/patients/patient.entity.js';
import { Consent } from '../../api/patients/consent.entity.js';
import { CareLevel, ConsentSigner, Sex } from '../../api/patients/patient.enums.js';
import { Room, RoomMember } from '../../api/rooms/room.entity.js';
import { RoomPermission } from '../../api/rooms/room.enums.js';
import type { Municipality } from '../../api/municipalities/municipality.entity.js';
import type { Office } from '../../api/offices/office.entity.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A file whose name and bytes are markers (the bytes also as base64, as an API might return them). */
export function markedFile(mk: Markers, group: string, field: string, kind: 'pdf' | 'png') {
  const name = mk.text(group, `${field}.filename`);
  const inner = mk.text(group, `${field}.content`);
  const data = kind === 'pdf' ? Buffer.from(`%PDF-1.4\n% ${inner}\n%%EOF\n`) : Buffer.concat([PNG, Buffer.from(` ${inner} `)]);
  mk.add(group, `${field}.base64`, data.toString('base64'));
  return { filename: `${name}.${kind}`, contentType: kind === 'pdf' ? 'application/pdf' : 'image/png', data };
}

/**
 * A file as the mutations take it: uploaded first by the same session (POST /uploads), then its
 * id; while the schema still takes files inline (base64 in the request), that way.
 */
let inlineUploads: boolean | undefined;
async function upload(c: Client, f: TestFile) {
  if (inlineUploads === undefined) {
    const t = (await buildBareSchema()).getType('AttachmentUpload');
    inlineUploads = isInputObjectType(t) && 'dataBase64' in t.getFields();
  }
  return inlineUploads ? { filename: f.filename, contentType: f.contentType, dataBase64: f.data.toString('base64') } : uploaded(c, f);
}

/** A birth date; its 和暦 form only where a Patient shows it (a form's payload keeps the date alone). */
function birthDate(mk: Markers, group: string, wareki = true): string {
  for (;;) {
    const iso = `${1915 + randomInt(25)}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`;
    if (mk.all.some((m) => m.value === iso)) continue;
    mk.add(group, 'patient.birthDate', iso);
    if (wareki) mk.add(group, 'patient.birthDateWareki', formatWareki(iso));
    return iso;
  }
}

/** 患者（利用者）情報 with a marker in every field that can hold one (sex and care level are enums). */
function patientFields(mk: Markers, group: string, wareki = true) {
  return {
    name: mk.text(group, 'patient.name'),
    nameKana: mk.kana(group, 'patient.nameKana'),
    sex: 'FEMALE',
    birthDate: birthDate(mk, group, wareki),
    postalCode: mk.postalCode(group, 'patient.postalCode'),
    address: `茨城県水戸市 ${mk.text(group, 'patient.address')}`,
    phone: mk.phone(group, 'patient.phone'),
    careLevel: 'CARE_2',
    insuredNumber: mk.digits(group, 'patient.insuredNumber', 10),
  };
}

function consentFields(mk: Markers, group: string) {
  return {
    signer: 'PROXY',
    proxyName: mk.text(group, 'consent.proxyName'),
    proxyRelationship: mk.text(group, 'consent.proxyRel'),
    explainingPersonName: mk.text(group, 'consent.explainer'),
  };
}

export interface SweepWorld {
  mk: Markers;
  base: Awaited<ReturnType<typeof buildWorld>>;
  users: Record<'live' | 'removed' | 'stopped' | 'stopDue' | 'resetTarget', BuiltUser>;
  /** sessions VENDOR tried to get for itself (path 1 of the issue), and how far each attempt got */
  attacks: { vendorMadeCity: Attack; vendorReset: Attack };
  /** signed-in clients of the people who built the world (the sweep reuses their sessions) */
  clients: Record<'city' | 'otherCity' | 'vendor' | 'officeAdmin' | 'live' | 'removed' | 'stopped' | 'stopDue', Client>;
  /** a session that gave the password but not the TOTP code */
  halfSignedIn: Client;
  tokens: { vendor: string; otherCity: string };
  rooms: { room1: string; room2: string; room3: string };
  patients: { room1: string; room2: string; room3: string };
  applications: Record<'form1' | 'open' | 'withdrawn' | 'join1' | 'end3', string>;
  /** readable names for ids in the sweep's report */
  labels: Map<string, string>;
}

export async function buildSweepWorld(server: TestServer): Promise<SweepWorld> {
  const em = server.orm.em.fork();
  const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);
  const mk = new Markers();
  const base = await buildWorld(em, server.secrets);
  const { office, otherOffice } = base;
  const users = {
    live: base.users.staff,
    removed: await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office }),
    stopped: await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: otherOffice }),
    stopDue: await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: otherOffice }),
    /** a live member of room 1 whose credentials VENDOR resets (issue 10, path 1) */
    resetTarget: await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office }),
  };
  // every account and municipality has an address, so every notice the workflows send is sent
  await sql(`update app_user set email = login_id || '@example.jp'`);
  await sql(`update municipality set contact_email = 'city-' || code || '@example.jp'`);

  const signedIn = async (u: BuiltUser) => {
    const c = new Client(server.url);
    await c.signIn(u.loginId, u.password, u.totpSecret!);
    return c;
  };
  const clients = {
    city: await signedIn(base.users.city),
    otherCity: await signedIn(base.users.otherCity),
    vendor: await signedIn(base.users.vendor),
    officeAdmin: await signedIn(base.users.officeAdmin),
    live: await signedIn(users.live),
    removed: await signedIn(users.removed),
    stopped: await signedIn(users.stopped),
    stopDue: await signedIn(users.stopDue),
  };
  const halfSignedIn = new Client(server.url);
  const step = await halfSignedIn.ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: base.users.city.loginId, p: base.users.city.password });
  if (step.login.step !== 'TOTP_REQUIRED') throw new Error(`half sign-in: ${step.login.step}`);

  const today = todayInTokyo();
  const yesterday = todayInTokyo(new Date(Date.now() - 86_400_000));
  const SUBMIT = `mutation($i: ApplicationInput!, $f: [AttachmentUpload!]) { submitApplication(type: ROOM_CREATION, input: $i, attachments: $f) { id version } }`;
  const roomForm = (group: string, members: BuiltUser[], noteGroup = group) => ({
    roomCreation: {
      // the form that becomes room 1 gets a Patient (with its 和暦 birth date); the others never do
      patient: patientFields(mk, group, group === 'room1'),
      consent: { ...consentFields(mk, group), consentDate: today, explainingOfficeId: office.id, coveredOfficeIds: [office.id, otherOffice.id] },
      members: members.map((m) => ({ userId: m.user.id, permission: 'CONTRIBUTOR' })),
      note: mk.text(noteGroup, 'form.note'),
    },
  });

  // Room 1 from a 様式6 filed by the member who is later removed: returned with a comment naming
  // the patient, resubmitted, completed.
  const form1Input = roomForm('room1', [users.live, users.removed], 'form1');
  // the form's own text (comments, scan) is group form1; the patient it describes is room1
  const scan1 = markedFile(mk, 'form1', 'scan', 'pdf');
  let form1 = (await clients.removed.ok(SUBMIT, { i: form1Input, f: [await upload(clients.removed, scan1)] })).submitApplication;
  form1 = (
    await clients.city.ok(`mutation($id: ID!, $v: Int!, $c: String!) { returnApplication(id: $id, version: $v, comment: $c) { id version } }`, {
      id: form1.id,
      v: form1.version,
      c: `${mk.text('form1', 'returnComment')} ${form1Input.roomCreation.patient.name} 様の被保険者番号をご確認ください`,
    })
  ).returnApplication;
  form1 = (
    await clients.removed.ok(`mutation($id: ID!, $v: Int!, $i: ApplicationInput!, $c: String) { resubmitApplication(id: $id, version: $v, input: $i, comment: $c) { id version } }`, {
      id: form1.id,
      v: form1.version,
      i: form1Input,
      c: mk.text('form1', 'resubmitComment'),
    })
  ).resubmitApplication;
  const created = await clients.city.ok(
    `mutation($id: ID!, $v: Int!, $s: RoomSetupInput!, $c: String) { createRoomFromApplication(applicationId: $id, version: $v, setup: $s, comment: $c) { payload } }`,
    {
      id: form1.id,
      v: form1.version,
      c: mk.text('form1', 'completeComment'),
      s: {
        name: mk.text('room1', 'room.name'),
        careReportTitles: ['訪問看護', '訪問介護'],
        members: [
          { userId: users.live.user.id, permission: 'COORDINATOR' },
          { userId: users.removed.user.id, permission: 'CONTRIBUTOR' },
          { userId: users.stopped.user.id, permission: 'CONTRIBUTOR' },
          { userId: users.stopDue.user.id, permission: 'VIEWER' },
          { userId: users.resetTarget.user.id, permission: 'CONTRIBUTOR' },
        ],
      },
    },
  );
  const room1 = created.createRoomFromApplication.payload.roomId as string;

  // posts in room 1: a note and its correction, a care report with vitals and a photo
  const POST = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id version } }`;
  const note = (await clients.live.ok(POST, { r: room1, i: { kind: 'NOTE', body: mk.text('room1', 'note.original') } })).createPost;
  await clients.live.ok(`mutation($id: ID!, $v: Int!, $b: String!) { editPost(id: $id, version: $v, input: { body: $b }) { id } }`, {
    id: note.id,
    v: note.version,
    b: mk.text('room1', 'note.corrected'),
  });
  const photo = markedFile(mk, 'room1', 'photo', 'png');
  await clients.live.ok(POST, {
    r: room1,
    i: {
      kind: 'CARE_REPORT',
      title: '訪問看護',
      body: `${mk.text('room1', 'careReport.body')} 血圧やや高め`,
      vitals: { systolic: 152, diastolic: 88, pulse: 72, temperature: 36.8, spo2: 97, weight: 48.5 },
      attachments: [await upload(clients.live, photo)],
    },
  });
  await clients.removed.ok(POST, { r: room1, i: { kind: 'NOTE', body: mk.text('room1', 'note.byRemoved') } });
  await clients.stopped.ok(POST, { r: room1, i: { kind: 'NOTE', body: mk.text('room1', 'note.byStopped') } });
  await clients.removed.ok(`mutation($r: ID!) { markPostsRead(roomId: $r) }`, { r: room1 });
  // a join request for the office admin (not a member), still open
  const join1 = (
    await clients.live.ok(`mutation($i: ApplicationInput!) { submitApplication(type: ROOM_JOIN, input: $i) { id } }`, {
      i: { roomJoin: { roomId: room1, userId: base.users.officeAdmin.user.id, permission: 'VIEWER', note: mk.text('room1', 'join.note') } },
    })
  ).submitApplication;

  // Rooms 2 and 3 are written directly (no form): consent withdrawn on 2, 3 closed by the workflow
  const room2 = await markedRoom(em.fork(), mk, 'room2', base.city, office, [office, otherOffice], users.live);
  await clients.live.ok(POST, { r: room2.room, i: { kind: 'NOTE', body: mk.text('room2', 'note') } });
  await clients.city.ok(`mutation($r: ID!, $n: String) { withdrawConsent(roomId: $r, note: $n) { id } }`, { r: room2.room, n: mk.text('room2', 'consent.withdrawalNote') });
  const room3 = await markedRoom(em.fork(), mk, 'room3', base.city, office, [office, otherOffice], users.live);
  await clients.live.ok(POST, { r: room3.room, i: { kind: 'NOTE', body: mk.text('room3', 'note') } });
  await clients.live.ok(`mutation($r: ID!, $b: String!) { requestRoomClosing(roomId: $r, reason: DEATH, body: $b) { id } }`, { r: room3.room, b: mk.text('room3', 'closing.body') });
  const end3 = (await clients.city.ok(`{ applications(filter: { type: ROOM_END, states: [SUBMITTED] }) { items { id version payload } } }`)).applications.items.find(
    (a: { payload: { roomId: string } }) => a.payload.roomId === room3.room,
  );
  await clients.city.ok(`mutation($id: ID!, $v: Int!, $c: String) { completeApplication(id: $id, version: $v, comment: $c) { state } }`, {
    id: end3.id,
    v: end3.version,
    c: mk.text('form3', 'completeComment'),
  });

  // an open 様式6 with its scan, and a withdrawn one, both filed by the live member
  const openScan = markedFile(mk, 'open', 'scan', 'pdf');
  const open = (await clients.live.ok(SUBMIT, { i: roomForm('open', [users.live]), f: [await upload(clients.live, openScan)] })).submitApplication;
  // a second scan added later (its audit event must not carry the file name)
  const openScan2 = markedFile(mk, 'open', 'addedScan', 'png');
  await clients.live.ok(`mutation($id: ID!, $f: [AttachmentUpload!]!) { addApplicationAttachments(applicationId: $id, attachments: $f) { id } }`, {
    id: open.id,
    f: [await upload(clients.live, openScan2)],
  });
  const wdScan = markedFile(mk, 'withdrawn', 'scan', 'png');
  const wd = (await clients.live.ok(SUBMIT, { i: roomForm('withdrawn', [users.live]), f: [await upload(clients.live, wdScan)] })).submitApplication;
  await clients.live.ok(`mutation($id: ID!, $v: Int!, $c: String) { withdrawApplication(id: $id, version: $v, comment: $c) { state } }`, {
    id: wd.id,
    v: wd.version,
    c: mk.text('withdrawn', 'withdrawComment'),
  });

  // reporting tokens of the vendor and of the other city
  const token = async (c: Client) => (await c.ok(`mutation { createApiToken(input: { name: "sweep", expiresInDays: 1 }) { secret } }`)).createApiToken.secret as string;
  const tokens = { vendor: await token(clients.vendor), otherCity: await token(clients.otherCity) };

  const attacks = {
    vendorMadeCity: await vendorMadeCityAccount(server.url, clients.vendor, base.city.id, mk.run),
    vendorReset: await vendorResetMember(server.url, clients.vendor, users.resetTarget),
  };

  // membership ends and ID stops, after their sessions were opened: the removed member's access
  // ended yesterday; one member is stopped (the job has run), one is past the stop date (not yet)
  await sql(`update room_member set from_date = '2026-01-01', until_date = ? where user_id = ?`, [yesterday, users.removed.user.id]);
  await sql(`update app_user set status = 'STOPPED', stop_date = ? where id = ?`, [yesterday, users.stopped.user.id]);
  await sql(`update app_user set stop_date = ? where id = ?`, [yesterday, users.stopDue.user.id]);

  const patient1 = (await sql(`select patient_id from room where id = ?`, [room1]))[0].patient_id as string;
  const labels = new Map<string, string>([
    [base.city.id, 'municipality1'],
    [base.otherCity.id, 'municipality2'],
    [office.id, 'office(members)'],
    [otherOffice.id, 'office2(members)'],
    [base.otherCityOffice.id, 'office(other city)'],
    [room1, 'room1'],
    [room2.room, 'room2(consent withdrawn)'],
    [room3.room, 'room3(closed)'],
    [patient1, 'patient1'],
    [room2.patient, 'patient2'],
    [room3.patient, 'patient3'],
    [form1.id, 'form1(completed)'],
    [open.id, 'form(open)'],
    [wd.id, 'form(withdrawn)'],
    [join1.id, 'join(open)'],
    [end3.id, 'end(room3)'],
    ...Object.entries(base.users).map(([k, u]) => [u.user.id, `user:${k}`] as [string, string]),
    ...Object.entries(users).map(([k, u]) => [u.user.id, `user:${k}`] as [string, string]),
  ]);
  return {
    mk,
    base,
    users,
    clients,
    halfSignedIn,
    tokens,
    attacks,
    rooms: { room1, room2: room2.room, room3: room3.room },
    patients: { room1: patient1, room2: room2.patient, room3: room3.patient },
    applications: { form1: form1.id, open: open.id, withdrawn: wd.id, join1: join1.id, end3: end3.id },
    labels,
  };
}

export interface Attack {
  client: Client;
  userId: string | null;
  /** how far it got, step by step */
  log: string[];
}

const ATTACKER_PASSWORD = 'vendor-chose-this-2026';
const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code).join(',');

/**
 * What VENDOR can do alone to get a session of someone who reads patient data: take the password
 * it chose, or an activation code it can get itself, through password change and TOTP enrollment.
 */
async function takeOver(c: Client, vendor: Client, loginId: string, userId: string, password: string | null, log: string[]): Promise<void> {
  let step: string | undefined;
  if (password) {
    const r = await c.gql(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: loginId, p: password });
    step = r.data?.login?.step;
    log.push(`login with the password VENDOR chose: ${step ?? codes(r)}`);
  } else {
    // no password: an activation code VENDOR can get without the city, if any mutation hands one out
    const r = await vendor.gql(`mutation($u: [ID!]!) { issueActivationCodes(userIds: $u) { loginId activationCode } }`, { u: [userId] });
    const code = r.data?.issueActivationCodes?.[0]?.activationCode as string | undefined;
    log.push(`issueActivationCodes as VENDOR: ${code ? 'got a code' : codes(r)}`);
    if (!code) return;
    password = ATTACKER_PASSWORD;
    const a = await c.gql(`mutation($l: String!, $c: String!, $p: String!) { activateAccount(loginId: $l, activationCode: $c, newPassword: $p) { step } }`, { l: loginId, c: code, p: password });
    step = a.data?.activateAccount?.step;
    log.push(`activateAccount: ${step ?? codes(a)}`);
  }
  for (let i = 0; i < 4 && step && step !== 'SIGNED_IN'; i++) {
    if (step === 'PASSWORD_CHANGE') {
      const r = await c.gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { step } }`, { c: password, n: `${ATTACKER_PASSWORD}-2` });
      step = r.data?.changePassword?.step;
      log.push(`changePassword: ${step ?? codes(r)}`);
    } else if (step === 'TOTP_ENROLLMENT') {
      const b = await c.gql(`mutation { beginTotpEnrollment { manualEntryKey } }`);
      const key = String(b.data?.beginTotpEnrollment?.manualEntryKey ?? '').replace(/\s+/g, '');
      const r = key ? await c.gql(`mutation($c: String!) { confirmTotpEnrollment(code: $c) { step } }`, { c: await totpCode(key) }) : b;
      step = r.data?.confirmTotpEnrollment?.step;
      log.push(`TOTP enrollment: ${step ?? codes(r)}`);
    } else break;
  }
}

/** VENDOR creates a CITY account of municipality 1 and tries to sign in as it. */
async function vendorMadeCityAccount(url: string, vendor: Client, municipalityId: string, run: string): Promise<Attack> {
  const log: string[] = [];
  const loginId = `vmade${run}`;
  const input = { name: '市 職員', nameKana: 'シ ショクイン', jobType: 'ADMINISTRATOR' };
  const CREATE = `mutation($a: NewAccountInput!, $i: UserInput!) { createUser(account: $a, input: $i) { id } }`;
  // with a password of VENDOR's choosing where the API still takes one, else without
  let r = await vendor.gql(CREATE, { a: { loginId, role: 'CITY', municipalityId, initialPassword: ATTACKER_PASSWORD }, i: input });
  let password: string | null = ATTACKER_PASSWORD;
  if (codes(r).includes('BAD_USER_INPUT') || codes(r).includes('GRAPHQL_VALIDATION_FAILED')) {
    r = await vendor.gql(CREATE, { a: { loginId, role: 'CITY', municipalityId }, i: input });
    password = null;
  }
  const userId = (r.data?.createUser?.id as string | undefined) ?? null;
  log.push(`createUser(CITY of municipality1${password ? ', with a password' : ''}): ${userId ? 'created' : codes(r)}`);
  const client = new Client(url);
  if (userId) await takeOver(client, vendor, loginId, userId, password, log);
  return { client, userId, log };
}

/** VENDOR resets a live member's credentials and tries to sign in as them. */
async function vendorResetMember(url: string, vendor: Client, target: BuiltUser): Promise<Attack> {
  const log: string[] = [];
  let r = await vendor.gql(`mutation($id: ID!, $p: String!) { resetUserCredentials(id: $id, initialPassword: $p) { id } }`, { id: target.user.id, p: ATTACKER_PASSWORD });
  let password: string | null = ATTACKER_PASSWORD;
  if (codes(r).includes('GRAPHQL_VALIDATION_FAILED')) {
    r = await vendor.gql(`mutation($id: ID!) { resetUserCredentials(id: $id) { id } }`, { id: target.user.id });
    password = null;
  }
  log.push(`resetUserCredentials(live member of room1${password ? ', with a password' : ''}): ${r.data?.resetUserCredentials ? 'done' : codes(r)}`);
  const client = new Client(url);
  if (r.data?.resetUserCredentials) await takeOver(client, vendor, target.loginId, target.user.id, password, log);
  return { client, userId: target.user.id, log };
}

/** A room written directly, with markers in its patient, consent and name; `member` is its coordinator. */
async function markedRoom(em: EntityManager, mk: Markers, group: string, municipality: Municipality, explaining: Office, covered: Office[], member: BuiltUser) {
  const p = patientFields(mk, group);
  const c = consentFields(mk, group);
  const patient = em.create(Patient, { ...p, sex: Sex.FEMALE, careLevel: CareLevel.CARE_3, municipality });
  const consent = em.create(Consent, {
    patient,
    municipality,
    consentDate: '2026-11-01',
    signer: ConsentSigner.PROXY,
    proxyName: c.proxyName,
    proxyRelationship: c.proxyRelationship,
    explainingOffice: explaining,
    explainingPersonName: c.explainingPersonName,
    coveredOfficeIds: covered.map((o) => o.id),
  });
  const room = em.create(Room, { municipality, patient, consent, name: mk.text(group, 'room.name'), careReportTitles: ['訪問看護'] });
  em.create(RoomMember, { room, user: member.user.id, permission: RoomPermission.COORDINATOR, fromDate: '2026-01-01', untilDate: null });
  await em.flush();
  return { room: room.id, patient: patient.id };
}
