// Separation of duties (issue 10, path 1): no sequence of actions by VENDOR alone yields a session
// that can read patient data. VENDOR issues and resets accounts but never chooses or sees a secret;
// only the CITY of the account's municipality prints the one-time activation code. The one
// exception, a municipality's first CITY account, is the operator's bootstrap: audited, announced
// to the contact address, its code never readable by VENDOR. All over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEntity, EntityData, EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildMunicipality, buildPost, buildRoom, buildUser, buildWorld, type BuiltUser } from '../helpers/factories.js';
import { JobType, Role, UserStatus } from '../../api/users/user.enums.js';
import { BootstrapRefused, bootstrapCityAccount } from '../../api/users/bootstrap-city.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let vendor: Client;
let city: Client;
let otherCity: Client;
/** a second CITY user of 水戸市, with an e-mail address for notices */
let city2: BuiltUser;

const sql = <Row extends object = EntityData<AnyEntity>>(q: string, params: unknown[] = []) => em.fork().getConnection().execute<Row[]>(q, params);
const CREATE_USER = `mutation($a: NewAccountInput!, $i: UserInput!) { createUser(account: $a, input: $i) { id loginId status role } }`;
const PRINT = `mutation($ids: [ID!]!) { issueActivationCodes(userIds: $ids) { loginId name officeName activationCode expiresAt } }`;
const RESET = `mutation($id: ID!) { resetUserCredentials(id: $id) { id status twoFactorEnabled } }`;
const ACTIVATE = `mutation($l: String!, $c: String!, $p: String!) { activateAccount(loginId: $l, activationCode: $c, newPassword: $p) { step } }`;
const cityPerson = (name = '市 職員') => ({ name, nameKana: 'シ ショクイン', jobType: 'ADMINISTRATOR' });

/** Everything VENDOR can list about accounts, mail and the trail, as one text to search. */
async function vendorSees(): Promise<string> {
  const r = await vendor.ok(`{
    notifications(page: { perPage: 100 }) { items { kind to subject body } }
    auditEvents(page: { perPage: 100 }) { items { action targetId detail } }
    users(page: { perPage: 100 }) { items { id loginId status } }
  }`);
  return JSON.stringify(r);
}

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  city2 = await buildUser(em, server.secrets, { role: Role.CITY, municipality: world.city, jobType: JobType.ADMINISTRATOR, name: '市 二郎' });
  await sql(`update app_user set email = ? where id = ?`, ['city1@mito.example.jp', world.users.city.user.id]);
  await sql(`update app_user set email = ? where id = ?`, ['city2@mito.example.jp', city2.user.id]);
  await sql(`update app_user set email = ? where id = ?`, ['other@kasama.example.jp', world.users.otherCity.user.id]);
  vendor = new Client(server.url);
  await vendor.signIn(world.users.vendor.loginId, world.users.vendor.password, world.users.vendor.totpSecret!);
  city = new Client(server.url);
  await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
  otherCity = new Client(server.url);
  await otherCity.signIn(world.users.otherCity.loginId, world.users.otherCity.password, world.users.otherCity.totpSecret!);
});
afterAll(() => server.close());

describe('VENDOR issues accounts but holds no secret of them', () => {
  it('a CITY account created by VENDOR: no password argument, no code in any answer, no way in until its city prints the letter', async () => {
    // the argument is gone from the schema
    const withPassword = await vendor.gql(CREATE_USER, { a: { loginId: 'mito-city-3', role: 'CITY', municipalityId: world.city.id, initialPassword: 'vendor-chose-1234' }, i: cityPerson() });
    expect(codesOf(withPassword)).toEqual(['BAD_USER_INPUT']);

    const res = await vendor.gql(CREATE_USER, { a: { loginId: 'mito-city-3', role: 'CITY', municipalityId: world.city.id }, i: cityPerson('市 三郎') });
    expect(res.errors).toBeUndefined();
    const created = res.data.createUser;
    expect(created).toMatchObject({ loginId: 'mito-city-3', status: 'PENDING', role: 'CITY' });
    expect(await sql(`select password_hash, totp_secret from app_user where id = ?`, [created.id])).toEqual([{ password_hash: null, totp_secret: null }]);
    expect(await sql(`select count(*)::int as n from activation_code where user_id = ?`, [created.id])).toEqual([{ n: 0 }]);

    // VENDOR cannot print its code, nor sign in or activate with a guess
    expect(codesOf(await vendor.gql(PRINT, { ids: [created.id] }))).toEqual(['FORBIDDEN']);
    const anon = new Client(server.url);
    expect(codesOf(await anon.gql(`mutation { login(loginId: "mito-city-3", password: "vendor-chose-1234") { step } }`))).toEqual(['INVALID_CREDENTIALS']);
    expect(codesOf(await anon.gql(ACTIVATE, { l: 'mito-city-3', c: 'AAAA-BBBB-CCCC', p: 'vendor-chose-1234' }))).toEqual(['INVALID_CREDENTIALS']);

    // the other municipality's city cannot print it either; its own city can
    expect(codesOf(await otherCity.gql(PRINT, { ids: [created.id] }))).toEqual(['NOT_FOUND']);
    const letter = (await city.ok(PRINT, { ids: [created.id] })).issueActivationCodes;
    expect(letter).toHaveLength(1);
    expect(letter[0]).toMatchObject({ loginId: 'mito-city-3', name: '市 三郎', officeName: '水戸市' });
    const code = letter[0].activationCode as string;
    expect(code).toMatch(/^[A-Z0-9-]{8,}$/);

    // the code is nowhere VENDOR looks, and only the person with the letter activates
    expect(await vendorSees()).not.toContain(code);
    const person = new Client(server.url);
    expect((await person.ok(ACTIVATE, { l: 'mito-city-3', c: code, p: 'my-own-password-2026' })).activateAccount.step).toBe('TOTP_ENROLLMENT');
  });

  it('an OFFICE account too: PENDING, printable by its city only', async () => {
    const created = (await vendor.ok(CREATE_USER, { a: { loginId: 'mito-nurse-9', role: 'OFFICE', officeId: world.office.id }, i: { name: '看護 九', nameKana: 'カンゴ キュウ', jobType: 'NURSE' } }))
      .createUser;
    expect(created.status).toBe('PENDING');
    expect(codesOf(await vendor.gql(PRINT, { ids: [created.id] }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await otherCity.gql(PRINT, { ids: [created.id] }))).toEqual(['NOT_FOUND']);
    const [entry] = (await city.ok(PRINT, { ids: [created.id] })).issueActivationCodes;
    expect(entry.officeName).toBe(world.office.name);
    // printing again replaces the earlier code; an active account has no code to print
    const [again] = (await city.ok(PRINT, { ids: [created.id] })).issueActivationCodes;
    expect(codesOf(await new Client(server.url).gql(ACTIVATE, { l: 'mito-nurse-9', c: entry.activationCode, p: 'nurse-password-2026' }))).toEqual(['INVALID_CREDENTIALS']);
    await new Client(server.url).ok(ACTIVATE, { l: 'mito-nurse-9', c: again.activationCode, p: 'nurse-password-2026' });
    const notPending = await city.gql(PRINT, { ids: [created.id] });
    expect(notPending.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'userIds.0', code: 'NOT_PENDING' })]);
  });

  it('issueActivationLetter (a completed account form) is the city’s alone', async () => {
    const r = await vendor.gql(`mutation($id: ID!) { issueActivationLetter(applicationId: $id) { activationCode } }`, { id: world.city.id });
    expect(codesOf(r)).toEqual(['FORBIDDEN']);
  });

  it('a VENDOR account is activated with a code shown to the issuing VENDOR (no patient data behind it); no city prints it', async () => {
    const created = (await vendor.ok(CREATE_USER, { a: { loginId: 'vendor-two', role: 'VENDOR' }, i: { name: '保守 二', nameKana: 'ホシュ ニ', jobType: 'ADMINISTRATOR' } })).createUser;
    expect(created.status).toBe('PENDING');
    expect(codesOf(await city.gql(PRINT, { ids: [created.id] }))).toEqual(['NOT_FOUND']);
    const [entry] = (await vendor.ok(PRINT, { ids: [created.id] })).issueActivationCodes;
    expect((await new Client(server.url).ok(ACTIVATE, { l: 'vendor-two', c: entry.activationCode, p: 'vendor-password-2026' })).activateAccount.step).toBe('TOTP_ENROLLMENT');
  });
});

describe('VENDOR resets a room member', () => {
  it('ends the member’s sessions, clears every factor, and leaves VENDOR unable to sign in as them', async () => {
    const member = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '部屋 参加者' });
    const room = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: member.user }] });
    await buildPost(em.fork(), room, member.user, { body: '患者さんの様子 secret-marker-7' });
    const browser = new Client(server.url);
    await browser.signIn(member.loginId, member.password, member.totpSecret!);
    expect((await browser.ok(`query($id: ID!) { room(id: $id) { id } }`, { id: room.id })).room.id).toBe(room.id);

    const reset = (await vendor.ok(RESET, { id: member.user.id })).resetUserCredentials;
    expect(reset).toEqual({ id: member.user.id, status: 'PENDING', twoFactorEnabled: false });
    // the member's session is over
    expect(codesOf(await browser.gql(`{ me { id } }`))).toEqual(['UNAUTHENTICATED']);
    const [row] = await sql(`select password_hash, totp_secret, totp_enabled_at, status from app_user where id = ?`, [member.user.id]);
    expect(row).toEqual({ password_hash: null, totp_secret: null, totp_enabled_at: null, status: 'PENDING' });
    expect(await sql(`select count(*)::int as n from recovery_code where user_id = ? and used_at is null`, [member.user.id])).toEqual([{ n: 0 }]);

    // VENDOR: no password to use, no code to print, no activation by guessing
    const attacker = new Client(server.url);
    expect(codesOf(await attacker.gql(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: member.loginId, p: member.password }))).toEqual(['INVALID_CREDENTIALS']);
    expect(codesOf(await vendor.gql(PRINT, { ids: [member.user.id] }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await attacker.gql(ACTIVATE, { l: member.loginId, c: 'AAAA-BBBB-CCCC', p: 'attacker-password-1' }))).toEqual(['INVALID_CREDENTIALS']);
    expect(await vendorSees()).not.toContain('secret-marker-7');

    // the member comes back with the letter of the city
    expect(codesOf(await otherCity.gql(PRINT, { ids: [member.user.id] }))).toEqual(['NOT_FOUND']);
    const [entry] = (await city.ok(PRINT, { ids: [member.user.id] })).issueActivationCodes;
    expect((await new Client(server.url).ok(ACTIVATE, { l: member.loginId, c: entry.activationCode, p: 'member-new-password-1' })).activateAccount.step).toBe('TOTP_ENROLLMENT');
  });

  it('VENDOR cannot reset itself, nor a stopped account', async () => {
    expect(codesOf(await vendor.gql(RESET, { id: world.users.vendor.user.id }))).toEqual(['FORBIDDEN']);
    const stopped = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, status: UserStatus.STOPPED });
    const r = await vendor.gql(RESET, { id: stopped.user.id });
    expect(r.errors![0].extensions!.fields).toEqual([expect.objectContaining({ code: 'ALREADY_STOPPED' })]);
  });
});

describe('a further CITY account, or a reset of one, is seen by the other CITY users', () => {
  const mailsTo = (to: string, kind: string) =>
    sql<{ subject: string; body: string; municipality_id: string | null }>(`select subject, body, municipality_id from notification where "to" = ? and kind = ?`, [to, kind]);

  it('creation: an audit event in their municipality and a notice to each of them, none to the other city', async () => {
    const created = (await vendor.ok(CREATE_USER, { a: { loginId: 'mito-city-new', role: 'CITY', municipalityId: world.city.id }, i: cityPerson('市 新人') })).createUser;
    const trail = (await city.ok(`{ auditEvents(filter: { action: "user.create" }) { items { action targetId municipalityId } } }`)).auditEvents.items;
    expect(trail).toContainEqual({ action: 'user.create', targetId: created.id, municipalityId: world.city.id });
    for (const to of ['city1@mito.example.jp', 'city2@mito.example.jp']) {
      const mail = (await mailsTo(to, 'account.city_created')).find((m) => m.body.includes('mito-city-new'));
      expect(mail?.municipality_id).toBe(world.city.id);
    }
    expect(await sql(`select count(*)::int as n from notification where "to" = 'other@kasama.example.jp'`)).toEqual([{ n: 0 }]);
    // the city's outbox shows the notice (SMTP or not)
    const outbox = JSON.stringify(await city.ok(`{ notifications(page: { perPage: 100 }) { items { kind to } } }`));
    expect(outbox).toContain('account.city_created');
  });

  it('reset: the same, for the reset of a CITY account', async () => {
    await vendor.ok(RESET, { id: city2.user.id });
    const trail = (await city.ok(`{ auditEvents(filter: { action: "user.reset_credentials" }) { items { targetId municipalityId } } }`)).auditEvents.items;
    expect(trail).toContainEqual({ targetId: city2.user.id, municipalityId: world.city.id });
    const [mail] = await mailsTo('city1@mito.example.jp', 'account.city_reset');
    expect(mail.body).toContain(city2.loginId);
    // not to the reset account itself
    expect(await mailsTo('city2@mito.example.jp', 'account.city_reset')).toEqual([]);
  });

  it('the first CITY account of a municipality cannot come from createUser', async () => {
    const empty = await buildMunicipality(em.fork(), '空市');
    const r = await vendor.gql(CREATE_USER, { a: { loginId: 'empty-city-1', role: 'CITY', municipalityId: empty.id }, i: cityPerson() });
    expect(r.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'municipalityId', code: 'CITY_BOOTSTRAP_REQUIRED' })]);
  });
});

describe('bootstrap of the first CITY account (operator command)', () => {
  const base = { name: '初代 管理者', nameKana: 'ショダイ カンリシャ', publicUrl: 'https://zaitaku.example.jp' };

  it('works only while the municipality has no CITY account; audited; announced to the contact address; the code never reaches VENDOR', async () => {
    const created = await vendor.ok(`mutation($i: MunicipalityInput!) { createMunicipality(input: $i) { id code } }`, {
      i: { code: '082023', name: '日立市', prefecture: '茨城県', contactName: '高齢福祉課', contactEmail: 'kourei@hitachi.example.jp' },
    });
    const municipalityId = created.createMunicipality.id;

    const result = await bootstrapCityAccount(server.orm.em.fork(), { ...base, municipalityCode: '082023', loginId: 'hitachi-city', printCode: false });
    expect(result).toMatchObject({ loginId: 'hitachi-city', contactEmail: 'kourei@hitachi.example.jp', reissued: false, code: null });

    // audited, in the municipality, without the code
    const [event] = await sql(`select actor_login_id, municipality_id, detail from audit_event where action = 'user.bootstrap_city'`);
    expect(event).toMatchObject({ actor_login_id: 'bootstrap-city', municipality_id: municipalityId });
    expect(event.detail).toMatchObject({ loginId: 'hitachi-city', announcedTo: 'kourei@hitachi.example.jp', codeDelivery: 'contact_email' });

    // announced to the contact address; the code goes there only, in its own mail
    const mails = await sql<{ kind: string; body: string }>(`select kind, body from notification where "to" = 'kourei@hitachi.example.jp' order by kind`);
    expect(mails.map((m) => m.kind)).toEqual(['account.city_bootstrap', 'activation.bootstrap_code']);
    const code = /利用開始コード: (\S+)/.exec(mails[1].body)![1];
    expect(mails[0].body).not.toContain(code);

    // VENDOR reads it nowhere: the outbox, the audit trail, the accounts
    const seen = await vendorSees();
    expect(seen).toContain('hitachi-city');
    expect(seen).not.toContain(code);
    expect(JSON.stringify(await vendor.ok(`{ auditEvents(filter: { action: "user." }, page: { perPage: 100 }) { items { detail } } }`))).not.toContain(code);

    // a second run is refused once the city has its account (pending: only a new code for that one)
    await expect(bootstrapCityAccount(server.orm.em.fork(), { ...base, municipalityCode: '082023', loginId: 'hitachi-city-2', printCode: false })).rejects.toThrow(BootstrapRefused);

    // the city activates with the mailed code
    const cityBrowser = new Client(server.url);
    expect((await cityBrowser.ok(ACTIVATE, { l: 'hitachi-city', c: code, p: 'hitachi-password-2026' })).activateAccount.step).toBe('TOTP_ENROLLMENT');
    await sql(`update app_user set status = 'ACTIVE' where login_id = 'hitachi-city'`);
    await expect(bootstrapCityAccount(server.orm.em.fork(), { ...base, municipalityCode: '082023', loginId: 'hitachi-city', printCode: true })).rejects.toThrow(/already has CITY accounts/);
  });

  it('is refused for a municipality that has a CITY account, or no contact address', async () => {
    const [mito] = await sql(`select code from municipality where id = ?`, [world.city.id]);
    await expect(bootstrapCityAccount(server.orm.em.fork(), { ...base, municipalityCode: mito.code, loginId: 'sneaky-city', printCode: true })).rejects.toThrow(/already has CITY accounts/);
    const noContact = await buildMunicipality(em.fork(), '連絡先なし市');
    await expect(bootstrapCityAccount(server.orm.em.fork(), { ...base, municipalityCode: noContact.code, loginId: 'nocontact-city', printCode: true })).rejects.toThrow(/contact e-mail/);
    expect(await sql(`select count(*)::int as n from app_user where login_id in ('sneaky-city', 'nocontact-city')`)).toEqual([{ n: 0 }]);
  });

  it('--print-code: the code is on the operator’s console only; the contact address is told, without it', async () => {
    const m = await buildMunicipality(em.fork(), '笠間二市');
    await sql(`update municipality set contact_email = 'desk@kasama2.example.jp' where id = ?`, [m.id]);
    const result = await bootstrapCityAccount(server.orm.em.fork(), { ...base, municipalityCode: m.code, loginId: 'kasama2-city', printCode: true });
    expect(result.code).toMatch(/^[A-Z0-9-]{8,}$/);
    const mails = await sql<{ kind: string; body: string }>(`select kind, body from notification where "to" = 'desk@kasama2.example.jp'`);
    expect(mails.map((x) => x.kind)).toEqual(['account.city_bootstrap']);
    expect(JSON.stringify(mails)).not.toContain(result.code);
    expect(await vendorSees()).not.toContain(result.code);
    // a lost code: the operator issues a new one for the same pending account (the old one stops working)
    const again = await bootstrapCityAccount(server.orm.em.fork(), { ...base, municipalityCode: m.code, loginId: 'kasama2-city', printCode: true });
    expect(again.reissued).toBe(true);
    expect(codesOf(await new Client(server.url).gql(ACTIVATE, { l: 'kasama2-city', c: result.code, p: 'kasama-password-2026' }))).toEqual(['INVALID_CREDENTIALS']);
    await new Client(server.url).ok(ACTIVATE, { l: 'kasama2-city', c: again.code, p: 'kasama-password-2026' });
  });

  it('a change of the contact address is audited with both addresses and announced to the old one', async () => {
    const [row] = await sql(`select id, version, code, name, prefecture from municipality where id = ?`, [world.otherCity.id]);
    await sql(`update municipality set contact_email = 'old@kasama.example.jp' where id = ?`, [row.id]);
    const [fresh] = await sql(`select version from municipality where id = ?`, [row.id]);
    await vendor.ok(`mutation($id: ID!, $v: Int!, $i: MunicipalityInput!) { updateMunicipality(id: $id, version: $v, input: $i) { id } }`, {
      id: row.id,
      v: fresh.version,
      i: { code: row.code, name: row.name, prefecture: row.prefecture, contactEmail: 'new@vendor.example.jp' },
    });
    const [event] = await sql(`select detail from audit_event where action = 'municipality.update' and municipality_id = ?`, [row.id]);
    expect(event.detail).toEqual({ contactEmail: { from: 'old@kasama.example.jp', to: 'new@vendor.example.jp' } });
    expect(await sql(`select kind from notification where "to" = 'old@kasama.example.jp'`)).toEqual([{ kind: 'account.contact_changed' }]);
  });
});
