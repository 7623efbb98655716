// Issue 15, printable forms: each paper form of the seed comes out of
// GET /forms/applications/<id>/<form>.pdf filled from its application. Read back with Debian's
// poppler (pdftotext finds every filled value, the title and the date as the form prints it;
// pdftoppm renders page 1, which must not be blank), small (subset fonts), and given only to those
// who may read the application's fields, each print on the audit trail with the patient.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, signedIn } from '../helpers/client.js';
import { buildApplication, buildOffice, buildUser, buildWorld, roomCreationInput } from '../helpers/factories.js';
import { ApplicationState, ApplicationType } from '../../api/applications/application.enums.js';
import { Application } from '../../api/applications/application.entity.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';
import { CredentialsDelivery, OfficeKind, ServiceType } from '../../api/offices/office.enums.js';
import { JobType, Role } from '../../api/users/user.enums.js';
import { formatWareki } from '../../api/common/wareki.js';
import { todayInTokyo } from '../../api/common/dates.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const as = {} as Record<'staff' | 'officeAdmin' | 'otherOfficeStaff' | 'city' | 'otherCity' | 'vendor', Client>;
const work = mkdtempSync(path.join(tmpdir(), 'forms-test-'));
let seq = 0;
const marker = (what: string) => `${what}${++seq}号`;

const get = (c: Client | null, id: string, form: string) => fetch(`${server.url}/forms/applications/${id}/${form}.pdf`, { headers: c ? { cookie: c.cookieHeader! } : {} });

/** Downloads a form as an allowed caller; its text (pdftotext), page 1's ink (pdftoppm) and its size. */
async function download(c: Client, id: string, form: string) {
  const res = await get(c, id, form);
  expect(res.status, `${form}.pdf`).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  const file = path.join(work, `${form}-${++seq}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // page 1 at 50 dpi as a grayscale PGM (the same renderer as -png, and no decoder needed): the
  // share of pixels that are not white
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, file]);
  const pgm = readFileSync(`${file}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  const pixels = pgm.subarray(header[0].length);
  const ink = pixels.filter((v) => v < 200).length / pixels.length;
  return { pdf, text: text.replace(/\s+/g, ' '), ink, size: pdf.length };
}

function expectForm(f: Awaited<ReturnType<typeof download>>, values: string[]) {
  for (const v of values) expect(f.text, v).toContain(v);
  expect(f.ink, 'page 1 is not blank').toBeGreaterThan(0.02);
  expect(f.size, 'subset fonts keep the file small').toBeLessThan(150_000);
}

const audited = (id: string) => em.fork().find(AuditEvent, { action: 'form.print', targetId: id }, { orderBy: { id: 'asc' } });

/** 様式6 + 様式5 filed online by office staff, every value a unique marker. */
async function fileRoomForm() {
  const input = roomCreationInput({
    explainingOffice: world.office,
    coveredOffices: [world.office, world.otherOffice],
    members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
    name: marker('髙﨑 花子'),
  });
  input.patient.address = marker('茨城県水戸市三の丸');
  input.patient.phone = '029-123-4567';
  input.patient.postalCode = '310-0011';
  input.consent.proxyName = marker('代理 一郎');
  input.consent.proxyRelationship = '長男';
  input.consent.explainingPersonName = marker('説明 ケア子');
  input.consent.consentDate = '2026-11-02';
  const app = (await as.staff.ok(`mutation($i: ApplicationInput!) { submitApplication(type: ROOM_CREATION, input: $i) { id } }`, { i: { roomCreation: input } })).submitApplication;
  const row = await em.fork().findOneOrFail(Application, { id: app.id });
  return { id: app.id as string, input, patientId: row.patientId! };
}

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  Object.assign(as, await signedIn(server.url, world.users, Object.keys({ staff: 1, officeAdmin: 1, otherOfficeStaff: 1, city: 1, otherCity: 1, vendor: 1 }) as (keyof typeof as)[]));
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('様式5 and 様式6 for a room request', () => {
  it('fills the consent (様式5) with the patient, the proxy and the explaining person, dates in 和暦, boxes left for the signatures', async () => {
    const form = await fileRoomForm();
    const { patient: p, consent: c } = form.input;
    const f = await download(as.city, form.id, 'consent');
    expectForm(f, [
      '情報共有システム情報共有同意書',
      '様式5',
      p.name, // 髙 and 﨑 come from another slice of the font: still printed and extractable
      p.nameKana,
      '昭和', // the era circled on the birth-date line…
      '15年3月2日', // …followed by the rest of the 和暦 date
      formatWareki(c.consentDate), // 同意年月日 令和8年11月2日
      c.proxyName!,
      c.proxyRelationship!,
      c.explainingPersonName,
      p.insuredNumber,
      world.office.name,
      world.otherOffice.name,
      `${world.office.name} ${world.office.representativeName} 様`,
      '水戸市の運営する情報共有システム', // the statement the signer agrees to, with the city's name
    ]);
    expect(f.text).toContain('令和8年11月2日');
    // the patient and the explaining person sign by hand: the boxes say so
    expect(f.text).toContain('自署');
  });

  it('fills the room request (様式6) with the applicant, the patient and the requested members', async () => {
    const form = await fileRoomForm();
    const p = form.input.patient;
    const f = await download(as.city, form.id, 'room-request');
    expectForm(f, [
      '患者(利用者)部屋作成依頼書',
      '様式6',
      '水戸市 様',
      formatWareki(todayInTokyo()), // the date of the request, in 和暦
      p.name,
      p.nameKana,
      p.address,
      p.phone,
      p.postalCode,
      '15年3月2日',
      p.insuredNumber,
      world.office.name,
      world.office.representativeName,
      world.users.staff.user.name, // the applicant (システム運用責任者) and a member
      world.users.otherOfficeStaff.user.name,
      world.otherOffice.name,
      '■システム利用事業所の責務',
    ]);
  });

  it('is the applicant’s to print while the form is open, and logged with the patient', async () => {
    const form = await fileRoomForm();
    await download(as.staff, form.id, 'consent');
    const rows = await audited(form.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: world.users.staff.user.id, patientId: form.patientId, detail: { form: 'consent' } });
    await download(as.city, form.id, 'room-request');
    expect((await audited(form.id)).map((r) => [r.actorId, r.patientId])).toEqual([
      [world.users.staff.user.id, form.patientId],
      [world.users.city.user.id, form.patientId],
    ]);
  });

  it('is refused to anyone else, to the applicant once the form is closed, and for a form of another type', async () => {
    const form = await fileRoomForm();
    expect((await get(null, form.id, 'consent')).status).toBe(401);
    for (const c of [as.vendor, as.otherCity, as.otherOfficeStaff, as.officeAdmin]) {
      expect((await get(c, form.id, 'consent')).status).toBe(404);
      expect((await get(c, form.id, 'room-request')).status).toBe(404);
    }
    expect((await get(as.city, form.id, 'id-stop')).status).toBe(404);
    expect((await get(as.city, form.id, 'registration')).status).toBe(404);
    expect((await get(as.city, 'not-a-uuid', 'consent')).status).toBe(404);
    await em.fork().nativeUpdate(Application, { id: form.id }, { state: ApplicationState.REJECTED });
    expect((await get(as.staff, form.id, 'consent')).status).toBe(404);
    expect((await get(as.city, form.id, 'consent')).status).toBe(200);
    expect((await audited(form.id)).map((r) => r.actorId)).toEqual([world.users.city.user.id]);
  });
});

describe('様式3 for an ID stop', () => {
  it('fills the ID stop with the corporation, the people and the stop date, in 西暦 as the form prints, with a seal box', async () => {
    const fork = em.fork();
    const who = await buildUser(fork, server.secrets, { role: Role.OFFICE, office: world.office, name: marker('停止 太郎'), jobType: JobType.CARE_MANAGER });
    const app = await buildApplication(fork, {
      office: world.office,
      applicant: world.users.officeAdmin.user,
      type: ApplicationType.ID_STOP,
      payload: { userIds: [who.user.id], stopDate: '2026-12-24', users: [{ id: who.user.id, name: who.user.name, nameKana: who.user.nameKana, loginId: who.loginId }] },
    });
    const f = await download(as.officeAdmin, app.id, 'id-stop');
    expectForm(f, [
      '情報連携システム ID 停止依頼書',
      '様式 3',
      who.user.name,
      who.user.nameKana,
      world.office.corporationName,
      world.office.representativeName,
      world.office.name,
      world.office.officeNumber!,
      '西暦 2026年12月24日', // ID 停止年月日
      `西暦 ${todayInTokyo().replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`, // ご記入日
      '代表者印をご捺印ください',
      '印',
    ]);
    expect(f.text).toMatch(/ケアマネジャー/);
    expect((await audited(app.id))[0]).toMatchObject({ actorId: world.users.officeAdmin.user.id, patientId: null, officeId: world.office.id });
    // the city of another municipality, the vendor before it is forwarded, a colleague without the admin flag: no
    for (const c of [as.otherCity, as.vendor, as.staff]) expect((await get(c, app.id, 'id-stop')).status).toBe(404);
    expect((await get(null, app.id, 'id-stop')).status).toBe(401);
    expect((await get(as.city, app.id, 'id-stop')).status).toBe(200);
  });
});

describe('様式1-2 / 2-2B / 2-2C with 様式4-1 for a registration', () => {
  const registration = (kind: OfficeKind) => ({
    office: {
      kind,
      name: marker('みと在宅事業所'),
      nameKana: 'ミトザイタクジギョウショ',
      officeNumber: kind === OfficeKind.MEDICAL ? null : '0811223344',
      postalCode: '310-0021',
      address: marker('水戸市南町'),
      phone: '029-222-3333',
      serviceTypes: kind === OfficeKind.SERVICE ? [ServiceType.HOME_HELP, ServiceType.OTHER] : [],
      serviceTypeOther: kind === OfficeKind.SERVICE ? marker('配食') : null,
      corporationName: marker('社会福祉法人ときわ会'),
      corporationNameKana: 'シャカイフクシホウジントキワカイ',
      representativeName: marker('常磐 代表'),
      representativeNameKana: 'トキワ ダイヒョウ',
      corporationPostalCode: '310-0031',
      corporationAddress: marker('水戸市大工町'),
      corporationPhone: '029-444-5555',
      contactEmail: `office${seq}@example.jp`,
      credentialsDelivery: CredentialsDelivery.OTHER_ADDRESS,
      credentialsPostalCode: '310-0041',
      credentialsAddress: marker('水戸市上水戸'),
      note: marker('備考欄'),
    },
    officePledgedOn: '2026-11-03',
    staff: [
      {
        name: marker('医師 一'),
        nameKana: 'イシ ハジメ',
        jobType: JobType.DOCTOR,
        jobTypeOther: null,
        careManagerNumber: kind === OfficeKind.CARE_MANAGEMENT ? '87654321' : null,
        ictLinkage: true,
        officeAdmin: true,
        email: null,
        pledgedOn: '2026-11-04',
      },
      {
        name: marker('職員 二'),
        nameKana: 'ショクイン ニ',
        jobType: JobType.OTHER,
        jobTypeOther: marker('薬局'),
        careManagerNumber: null,
        ictLinkage: false,
        officeAdmin: false,
        email: null,
        pledgedOn: '2026-11-05',
      },
    ],
  });

  it.each([
    [OfficeKind.MEDICAL, '様式1-2', '情報共有システム利用登録依頼書(PKI 認証)'],
    [OfficeKind.SERVICE, '様式 2-2B', 'サービス事業所用 連携ID・PW発行依頼書(PKI 認証)'],
    [OfficeKind.CARE_MANAGEMENT, '様式 2-2C', '委託先居宅支援事業所およびケアマネジャー登録用紙(PKI 認証/ICT 連携)'],
  ])('fills the %s office’s form (%s) and the pledges (様式4-1)', async (kind, number, title) => {
    const payload = registration(kind);
    const app = await buildApplication(em.fork(), { office: world.office, type: ApplicationType.OFFICE_REGISTRATION, payload });
    const f = await download(as.city, app.id, 'registration');
    const o = payload.office;
    expectForm(f, [
      number,
      title,
      '様式4-1',
      '個人情報の取扱いに関する誓約書',
      '個人情報取扱いに関する誓約書',
      o.name,
      o.corporationName,
      o.corporationNameKana,
      o.representativeName,
      o.representativeNameKana,
      o.address,
      o.corporationAddress,
      o.phone,
      o.corporationPhone,
      o.contactEmail,
      o.credentialsAddress,
      o.note,
      ...payload.staff.map((s) => s.name),
      ...payload.staff.map((s) => s.nameKana),
      formatWareki(payload.officePledgedOn),
      formatWareki('2026-11-04'),
      formatWareki('2026-11-05'), // the pledges print 令和
      `ご記入日: 西暦 ${todayInTokyo().replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`, // the form prints 西暦
      '水戸市 様',
    ]);
    expect(f.text).toContain('令和8年11月3日');
    if (kind === OfficeKind.MEDICAL) expect(f.text).toContain(payload.staff[1].jobTypeOther!);
    if (kind === OfficeKind.SERVICE) expectForm(f, [o.officeNumber!, o.serviceTypeOther!, '訪問介護', 'ICT情報連携', '希望する']);
    if (kind === OfficeKind.CARE_MANAGEMENT) expectForm(f, [o.officeNumber!, '87654321', '介護支援専門員番号']);
    expect((await audited(app.id))[0]).toMatchObject({ actorId: world.users.city.user.id, patientId: null });
  });

  it('prints a staff addition with the registered office’s data and the new people’s pledges', async () => {
    const fork = em.fork();
    const office = await buildOffice(fork, world.city, OfficeKind.MEDICAL);
    const admin = await buildUser(fork, server.secrets, { role: Role.OFFICE, office, officeAdmin: true });
    const c = new Client(server.url);
    await c.signIn(admin.loginId, admin.password, admin.totpSecret!);
    const name = marker('追加 職員');
    const app = await buildApplication(fork, { office, applicant: admin.user, type: ApplicationType.STAFF_ADDITION, staffNames: [name] });
    const f = await download(c, app.id, 'registration');
    expectForm(f, ['様式1-2', office.name, office.corporationName, name, '個人情報取扱いに関する誓約書', formatWareki('2026-11-01')]);
    // the office's own pledge was given at its registration: only the employees' pledge is printed
    expect(f.text).not.toContain('個人情報の取扱いに関する誓約書');
    // another office's admin, the city of another municipality: no
    for (const other of [as.officeAdmin, as.otherCity]) expect((await get(other, app.id, 'registration')).status).toBe(404);
  });
});
