// The authorization table: every operation × every kind of caller → refused (with which code)
// or allowed (with which rows). A new operation without a row here fails the completeness check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { postUpload } from '../helpers/uploads.js';
import { buildApplication, buildOffice, buildPost, buildRoom, buildUser, buildWorld, roomCreationInput } from '../helpers/factories.js';
import type { Room } from '../../api/rooms/room.entity.js';
import { ApplicationChannel, type Application } from '../../api/applications/application.entity.js';
import { ApplicationState, ApplicationType } from '../../api/applications/application.enums.js';
import { completeApplication } from '../../api/applications/application.effects.js';
import { Audit } from '../../api/audit/audit.js';
import { buildBareSchema } from '../../api/schema.js';
import { OfficeKind } from '../../api/offices/office.enums.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';
import type { ErrorCode } from '../../api/common/messages.js';

type Caller = 'anonymous' | 'halfSignedIn' | 'staff' | 'officeAdmin' | 'city' | 'otherCity' | 'vendor';
const callers: Caller[] = ['anonymous', 'halfSignedIn', 'staff', 'officeAdmin', 'city', 'otherCity', 'vendor'];
/** 'ok', an error code the API sends (extensions.code), or the exact set of row names the caller gets */
type Outcome = 'ok' | ErrorCode | string[];

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients = {} as Record<Caller, Client>;

const officeInput = (name: string) => ({
  kind: 'MEDICAL',
  name,
  address: '茨城県水戸市中央1-4-1',
  phone: '029-232-9110',
  corporationName: '医療法人テスト',
  corporationNameKana: 'イリョウホウジンテスト',
  representativeName: '代表 花子',
  representativeNameKana: 'ダイヒョウ ハナコ',
  corporationAddress: '茨城県水戸市中央1-4-1',
  corporationPhone: '029-232-9110',
  contactEmail: 'a@example.jp',
});
const userInput = { name: '更新 太郎', nameKana: 'コウシン タロウ', jobType: 'NURSE' };
const freshOffice = async () => buildOffice(em.fork(), world.city, OfficeKind.MEDICAL);
const freshUser = async () => (await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office })).user;
let seq = 0;
let appA: Application;
let appB: Application;
let room: Room;
/** a room in 水戸市 where staff is a contributor and officeAdmin is not a member */
const freshRoom = async () =>
  buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office, world.otherOffice], members: [{ user: world.users.staff.user }] });
const currentVersion = async (table: string, id: string) => (await em.fork().getConnection().execute(`select version from ${table} where id = ?`, [id]))[0].version as number;
/** an application of world.office (filed online by its admin) in the given state */
const freshApp = async (state: ApplicationState, type = ApplicationType.STAFF_ADDITION) =>
  buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user, state, type, channel: ApplicationChannel.OFFICE });
const staffRow = () => ({ name: `新規 ${++seq}号`, nameKana: 'シンキ', jobType: 'NURSE', pledgedOn: '2026-11-01' });
const pdf = { filename: 'form.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 test') };
/** The caller's own upload (uploads are claimed by their uploader only); callers who cannot upload name a random id. */
const uploadAs = async (client: Client) => {
  const r = await postUpload(server.url, pdf, { cookie: client.cookieHeader });
  return { uploadId: r.status === 201 ? (r.body.id as string) : crypto.randomUUID() };
};
const officeRegistration = () => ({
  office: { ...officeInput(`公開申請${++seq}`), kind: 'MEDICAL' },
  officePledgedOn: '2026-11-01',
  staff: [staffRow()],
});

interface Row {
  op: string;
  /** builds the request (for this caller's client); may create throwaway rows so destructive calls do not interfere */
  // biome-ignore lint/suspicious/noExplicitAny: each row picks names out of its own query's untyped JSON answer
  request: (client: Client) => Promise<{ query: string; variables?: Record<string, unknown>; rows?: (data: any) => string[] }>;
  expect: Record<Caller, Outcome>;
}

const signedInOnly = (outcome: Partial<Record<Caller, Outcome>>, rest: Outcome = 'FORBIDDEN'): Record<Caller, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  halfSignedIn: 'UNAUTHENTICATED',
  staff: rest,
  officeAdmin: rest,
  city: rest,
  otherCity: rest,
  vendor: rest,
  ...outcome,
});

const names = (items: { name: string }[]) => items.map((i) => i.name).sort();

function table(): Row[] {
  const { users: u } = world;
  const n = (k: keyof typeof u) => u[k].user.name;
  return [
    {
      op: 'authStatus',
      request: async () => ({ query: `{ authStatus { step } }` }),
      expect: { anonymous: 'ok', halfSignedIn: 'ok', staff: 'ok', officeAdmin: 'ok', city: 'ok', otherCity: 'ok', vendor: 'ok' },
    },
    {
      op: 'me',
      request: async () => ({ query: `{ me { name } }`, rows: (d) => [d.me.name] }),
      expect: signedInOnly({ staff: [n('staff')], officeAdmin: [n('officeAdmin')], city: [n('city')], otherCity: [n('otherCity')], vendor: [n('vendor')] }),
    },
    { op: 'abilities', request: async () => ({ query: `{ abilities }` }), expect: signedInOnly({}, 'ok') },
    {
      op: 'municipalities',
      request: async () => ({ query: `{ municipalities { name } }`, rows: (d) => names(d.municipalities).filter((x) => ['水戸市', '笠間市'].includes(x)) }),
      expect: signedInOnly({ staff: ['水戸市'], officeAdmin: ['水戸市'], city: ['水戸市'], otherCity: ['笠間市'], vendor: ['水戸市', '笠間市'] }),
    },
    {
      op: 'municipality',
      request: async () => ({ query: `query($id: ID!) { municipality(id: $id) { name } }`, variables: { id: world.city.id } }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'ok', city: 'ok', otherCity: 'NOT_FOUND', vendor: 'ok' }),
    },
    {
      op: 'offices',
      request: async () => ({
        query: `{ offices(page: {perPage: 1000}) { total items { name } } }`,
        rows: (d) => names(d.offices.items).filter((x) => [world.office.name, world.otherOffice.name, world.otherCityOffice.name].includes(x)),
      }),
      expect: signedInOnly({
        staff: [world.office.name],
        officeAdmin: [world.office.name],
        city: [world.office.name, world.otherOffice.name].sort(),
        otherCity: [world.otherCityOffice.name],
        vendor: [world.office.name, world.otherOffice.name, world.otherCityOffice.name].sort(),
      }),
    },
    {
      op: 'office',
      request: async () => ({ query: `query($id: ID!) { office(id: $id) { name municipality { name } } }`, variables: { id: world.office.id } }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'ok', city: 'ok', otherCity: 'NOT_FOUND', vendor: 'ok' }),
    },
    {
      op: 'users',
      request: async () => ({ query: `{ users(page: {perPage: 1000}) { total items { name } } }`, rows: (d) => names(d.users.items).filter((x) => Object.values(u).some((b) => b.user.name === x)) }),
      expect: signedInOnly({
        staff: [n('staff')],
        officeAdmin: [n('staff'), n('officeAdmin')].sort(),
        city: [n('staff'), n('officeAdmin'), n('otherOfficeStaff'), n('city')].sort(),
        otherCity: [n('otherCityStaff'), n('otherCity')].sort(),
        vendor: Object.keys(u)
          .map((k) => n(k as keyof typeof u))
          .sort(),
      }),
    },
    {
      op: 'user',
      request: async () => ({ query: `query($id: ID!) { user(id: $id) { name office { name } } }`, variables: { id: u.officeAdmin.user.id } }),
      expect: signedInOnly({ staff: 'NOT_FOUND', officeAdmin: 'ok', city: 'ok', otherCity: 'NOT_FOUND', vendor: 'ok' }),
    },
    // ---- mutations ----
    // a fresh login ID per call: the per-login-ID sign-in limit is not what this table checks
    {
      op: 'login',
      request: async () => ({ query: `mutation { login(loginId: "nobody${++seq}", password: "x") { step } }` }),
      expect: {
        anonymous: 'INVALID_CREDENTIALS',
        halfSignedIn: 'INVALID_CREDENTIALS',
        staff: 'INVALID_CREDENTIALS',
        officeAdmin: 'INVALID_CREDENTIALS',
        city: 'INVALID_CREDENTIALS',
        otherCity: 'INVALID_CREDENTIALS',
        vendor: 'INVALID_CREDENTIALS',
      } as never,
    },
    {
      op: 'verifyTotp',
      request: async () => ({ query: `mutation { verifyTotp(code: "000000") { step } }` }),
      expect: { ...signedInOnly({}, 'UNAUTHENTICATED'), halfSignedIn: 'INVALID_TOTP' } as never,
    },
    {
      op: 'useRecoveryCode',
      request: async () => ({ query: `mutation { useRecoveryCode(code: "aaaa-bbbb-cccc") { step } }` }),
      expect: { ...signedInOnly({}, 'UNAUTHENTICATED'), halfSignedIn: 'INVALID_RECOVERY_CODE' } as never,
    },
    { op: 'beginTotpEnrollment', request: async () => ({ query: `mutation { beginTotpEnrollment { otpauthUri } }` }), expect: signedInOnly({}, 'UNAUTHENTICATED') },
    { op: 'confirmTotpEnrollment', request: async () => ({ query: `mutation { confirmTotpEnrollment(code: "000000") { step } }` }), expect: signedInOnly({}, 'UNAUTHENTICATED') },
    {
      op: 'changePassword',
      request: async () => ({ query: `mutation { changePassword(currentPassword: "wrong-password-0", newPassword: "another-password-1") { step } }` }),
      expect: signedInOnly({}, 'WRONG_PASSWORD' as never),
    },
    { op: 'logout', request: async () => ({ query: `mutation { logout }` }), expect: { ...signedInOnly({}, 'ok'), halfSignedIn: 'ok' } },
    {
      op: 'createMunicipality',
      request: async () => ({
        query: `mutation($i: MunicipalityInput!) { createMunicipality(input: $i) { id } }`,
        variables: { i: { code: String(900000 + ++seq), name: `新市${seq}`, prefecture: '茨城県' } },
      }),
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      op: 'updateMunicipality',
      request: async () => ({
        query: `mutation($id: ID!, $v: Int!, $i: MunicipalityInput!) { updateMunicipality(id: $id, version: $v, input: $i) { id } }`,
        variables: { id: world.otherCity.id, v: (await em.fork().refresh(world.otherCity))!.version, i: { code: world.otherCity.code, name: '笠間市', prefecture: '茨城県' } },
      }),
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      op: 'createOffice',
      request: async () => ({ query: `mutation($i: OfficeInput!, $m: ID) { createOffice(input: $i, municipalityId: $m) { id } }`, variables: { i: officeInput(`新規${++seq}`), m: world.city.id } }),
      // otherCity may not name 水戸市 as the owner
      expect: signedInOnly({ city: 'ok', vendor: 'ok', otherCity: 'FORBIDDEN' }),
    },
    {
      op: 'updateOffice',
      request: async () => {
        const o = await freshOffice();
        return {
          query: `mutation($id: ID!, $v: Int!, $i: OfficeInput!) { updateOffice(id: $id, version: $v, input: $i) { id } }`,
          variables: { id: o.id, v: o.version, i: officeInput(`更新${++seq}`) },
        };
      },
      expect: signedInOnly({ city: 'ok', vendor: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'deactivateOffice',
      request: async () => {
        const o = await freshOffice();
        return { query: `mutation($id: ID!, $v: Int!) { deactivateOffice(id: $id, version: $v) { status } }`, variables: { id: o.id, v: o.version } };
      },
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      op: 'reactivateOffice',
      request: async () => {
        const o = await freshOffice();
        return { query: `mutation($id: ID!, $v: Int!) { reactivateOffice(id: $id, version: $v) { status } }`, variables: { id: o.id, v: o.version } };
      },
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      op: 'createUser',
      request: async () => ({
        query: `mutation($a: NewAccountInput!, $i: UserInput!) { createUser(account: $a, input: $i) { id } }`,
        variables: { a: { loginId: `new-user-${++seq}`, role: 'OFFICE', officeId: world.office.id }, i: userInput },
      }),
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      op: 'updateUser',
      request: async () => {
        const x = await freshUser();
        return { query: `mutation($id: ID!, $v: Int!, $i: UserInput!) { updateUser(id: $id, version: $v, input: $i) { id } }`, variables: { id: x.id, v: x.version, i: userInput } };
      },
      expect: signedInOnly({ city: 'ok', vendor: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'stopUser',
      request: async () => {
        const x = await freshUser();
        return { query: `mutation($id: ID!, $v: Int!) { stopUser(id: $id, version: $v) { status } }`, variables: { id: x.id, v: x.version } };
      },
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      op: 'reactivateUser',
      request: async () => {
        const x = await freshUser();
        return { query: `mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, version: $v) { status } }`, variables: { id: x.id, v: x.version } };
      },
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      op: 'unlockUser',
      request: async () => ({ query: `mutation($id: ID!) { unlockUser(id: $id) { id } }`, variables: { id: (await freshUser()).id } }),
      expect: signedInOnly({ city: 'ok', vendor: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'resetUserCredentials',
      request: async () => ({ query: `mutation($id: ID!) { resetUserCredentials(id: $id) { id } }`, variables: { id: (await freshUser()).id } }),
      expect: signedInOnly({ vendor: 'ok' }),
    },
    {
      // separation of duties: only the account's city prints its code, never VENDOR
      op: 'issueActivationCodes',
      request: async () => {
        const x = (await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, status: UserStatus.PENDING })).user;
        return { query: `mutation($ids: [ID!]!) { issueActivationCodes(userIds: $ids) { loginId activationCode } }`, variables: { ids: [x.id] } };
      },
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    // ---- applications (account lifecycle) ----
    {
      op: 'applications',
      request: async () => ({
        query: `{ applications(page: {perPage: 1000}) { items { summary } } }`,
        rows: (d) =>
          d.applications.items
            .map((i: { summary: string }) => i.summary)
            .filter((x: string) => [appA.summary, appB.summary].includes(x))
            .sort(),
      }),
      expect: signedInOnly({ staff: [], officeAdmin: [appA.summary], city: [appA.summary], otherCity: [appB.summary], vendor: [appB.summary] }),
    },
    {
      op: 'application',
      request: async () => ({ query: `query($id: ID!) { application(id: $id) { summary allowedActions events { action } } }`, variables: { id: appA.id } }),
      expect: signedInOnly({ staff: 'NOT_FOUND', officeAdmin: 'ok', city: 'ok', otherCity: 'NOT_FOUND', vendor: 'NOT_FOUND' }),
    },
    {
      op: 'applicationCounts',
      request: async () => ({ query: `{ applicationCounts { state count } }` }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'ok', city: 'ok', otherCity: 'ok', vendor: 'ok' }),
    },
    {
      op: 'submitApplication',
      request: async () => ({
        query: `mutation($i: ApplicationInput!, $o: ID) { submitApplication(type: STAFF_ADDITION, input: $i, officeId: $o) { id } }`,
        variables: { i: { staffAddition: { staff: [staffRow()] } }, o: world.office.id },
      }),
      expect: signedInOnly({ officeAdmin: 'ok', city: 'ok', otherCity: 'BAD_USER_INPUT' }),
    },
    {
      op: 'submitPublicRegistration',
      request: async () => ({
        query: `mutation($i: OfficeRegistrationInput!, $c: String!) { submitPublicRegistration(municipalityCode: $c, input: $i, applicantName: "申請 花子", applicantEmail: "apply@example.jp") { receiptNumber } }`,
        variables: { i: officeRegistration(), c: world.city.code },
      }),
      expect: { anonymous: 'ok', halfSignedIn: 'ok', staff: 'ok', officeAdmin: 'ok', city: 'ok', otherCity: 'ok', vendor: 'ok' },
    },
    {
      op: 'resubmitApplication',
      request: async () => {
        const a = await freshApp(ApplicationState.RETURNED);
        return {
          query: `mutation($id: ID!, $v: Int!, $i: ApplicationInput!) { resubmitApplication(id: $id, version: $v, input: $i) { state } }`,
          variables: { id: a.id, v: a.version, i: { staffAddition: { staff: [staffRow()] } } },
        };
      },
      // the city does not speak for an application its office filed online
      expect: signedInOnly({ staff: 'NOT_FOUND', officeAdmin: 'ok', city: 'INVALID_TRANSITION', otherCity: 'NOT_FOUND' }),
    },
    ...(['return', 'reject', 'forward'] as const).map((verb) => ({
      op: `${verb}Application`,
      request: async () => {
        const a = await freshApp(ApplicationState.SUBMITTED);
        return { query: `mutation($id: ID!, $v: Int!) { ${verb}Application(id: $id, version: $v, comment: "確認しました") { state } }`, variables: { id: a.id, v: a.version } };
      },
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    })),
    {
      op: 'completeApplication',
      request: async () => {
        const a = await freshApp(ApplicationState.FORWARDED);
        return { query: `mutation($id: ID!, $v: Int!) { completeApplication(id: $id, version: $v) { state } }`, variables: { id: a.id, v: a.version } };
      },
      // the city completes room forms, not account forms
      expect: signedInOnly({ vendor: 'ok', city: 'INVALID_TRANSITION', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'withdrawApplication',
      request: async () => {
        const a = await freshApp(ApplicationState.SUBMITTED);
        return { query: `mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v) { state } }`, variables: { id: a.id, v: a.version } };
      },
      expect: signedInOnly({ staff: 'NOT_FOUND', officeAdmin: 'ok', city: 'INVALID_TRANSITION', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'addApplicationAttachments',
      request: async (client) => {
        const a = await freshApp(ApplicationState.SUBMITTED);
        return {
          query: `mutation($id: ID!, $f: [AttachmentUpload!]!) { addApplicationAttachments(applicationId: $id, attachments: $f) { id } }`,
          variables: { id: a.id, f: [await uploadAs(client)] },
        };
      },
      expect: signedInOnly({ staff: 'NOT_FOUND', officeAdmin: 'ok', city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'issueActivationLetter',
      request: async () => {
        const fork = em.fork();
        const a = await freshApp(ApplicationState.COMPLETED);
        const managed = await fork.findOneOrFail((await import('../../api/applications/application.entity.js')).Application, { id: a.id });
        await completeApplication(fork, new Audit(fork, () => null, null), managed);
        await fork.flush();
        return { query: `mutation($id: ID!) { issueActivationLetter(applicationId: $id) { loginId activationCode } }`, variables: { id: a.id } };
      },
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'activateAccount',
      request: async () => ({ query: `mutation { activateAccount(loginId: "nobody${++seq}", activationCode: "AAAA-BBBB-CCCC", newPassword: "new-password-123") { step } }` }),
      expect: {
        anonymous: 'INVALID_CREDENTIALS',
        halfSignedIn: 'INVALID_CREDENTIALS',
        staff: 'INVALID_CREDENTIALS',
        officeAdmin: 'INVALID_CREDENTIALS',
        city: 'INVALID_CREDENTIALS',
        otherCity: 'INVALID_CREDENTIALS',
        vendor: 'INVALID_CREDENTIALS',
      } as never,
    },
    {
      op: 'createRoomFromApplication',
      request: async () => {
        const input = roomCreationInput({ explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
        const a = await buildApplication(em.fork(), {
          office: world.office,
          applicant: world.users.staff.user,
          type: ApplicationType.ROOM_CREATION,
          channel: ApplicationChannel.OFFICE,
          payload: { ...input, patient: { ...input.patient, birthDate: '1940-03-02' }, note: null },
        });
        return {
          query: `mutation($id: ID!, $v: Int!, $s: RoomSetupInput!) { createRoomFromApplication(applicationId: $id, version: $v, setup: $s) { state } }`,
          variables: { id: a.id, v: a.version, s: { name: '新しい部屋', members: [{ userId: world.users.staff.user.id, permission: 'COORDINATOR' }], careReportTitles: ['訪問看護'] } },
        };
      },
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    // ---- rooms, patients and posts: the city and the members; VENDOR never ----
    {
      op: 'rooms',
      request: async () => ({
        query: `{ rooms(page: {perPage: 1000}) { items { name unreadCount } } }`,
        rows: (d) => d.rooms.items.map((r: { name: string }) => r.name).filter((x: string) => x === room.name),
      }),
      expect: signedInOnly({ staff: [room.name], officeAdmin: [], city: [room.name], otherCity: [] }),
    },
    {
      op: 'room',
      request: async () => ({ query: `query($id: ID!) { room(id: $id) { name patient { name birthDateWareki } consent { consentDate } members { person { name } } } }`, variables: { id: room.id } }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'NOT_FOUND', city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'officeDirectory',
      request: async () => ({
        query: `{ officeDirectory { name } }`,
        rows: (d) =>
          d.officeDirectory
            .map((o: { name: string }) => o.name)
            .filter((n: string) => [world.office.name, world.otherOffice.name, world.otherCityOffice.name].includes(n))
            .sort(),
      }),
      expect: signedInOnly({
        staff: [world.office.name, world.otherOffice.name].sort(),
        officeAdmin: [world.office.name, world.otherOffice.name].sort(),
        city: [world.office.name, world.otherOffice.name].sort(),
        otherCity: [world.otherCityOffice.name],
      }),
    },
    {
      op: 'directory',
      request: async () => ({ query: `{ directory { total items { name officeName jobType } } }` }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'ok', city: 'ok', otherCity: 'ok' }),
    },
    { op: 'roomCounts', request: async () => ({ query: `{ roomCounts { status count } }` }), expect: signedInOnly({ city: 'ok', otherCity: 'ok', vendor: 'ok' }) },
    ...(['posts', 'roomVitals'] as const).map((q) => ({
      op: q,
      request: async () => ({
        query: q === 'posts' ? `query($r: ID!) { posts(roomId: $r) { total items { body author { name } readCount } } }` : `query($r: ID!) { roomVitals(roomId: $r) { id } }`,
        variables: { r: room.id },
      }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'NOT_FOUND', city: 'ok', otherCity: 'NOT_FOUND' }),
    })),
    {
      op: 'addRoomMember',
      request: async () => {
        const u = await freshUser();
        return { query: `mutation($r: ID!, $m: MemberInput!) { addRoomMember(roomId: $r, member: $m) { id } }`, variables: { r: room.id, m: { userId: u.id, permission: 'VIEWER' } } };
      },
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    ...(['changeRoomMember', 'removeRoomMember'] as const).map((op) => ({
      op,
      request: async () => {
        const r = await freshRoom();
        const [m] = await em.fork().getConnection().execute(`select id, version from room_member where room_id = ?`, [r.id]);
        return op === 'changeRoomMember'
          ? { query: `mutation($id: ID!, $v: Int!) { changeRoomMember(id: $id, version: $v, input: { permission: COORDINATOR }) { permission } }`, variables: { id: m.id, v: m.version } }
          : { query: `mutation($id: ID!, $v: Int!) { removeRoomMember(id: $id, version: $v) { untilDate } }`, variables: { id: m.id, v: m.version } };
      },
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    })),
    {
      op: 'setCareReportTitles',
      request: async () => ({
        query: `mutation($r: ID!, $v: Int!) { setCareReportTitles(roomId: $r, version: $v, titles: ["訪問看護", "訪問介護"]) { careReportTitles } }`,
        variables: { r: room.id, v: await currentVersion('room', room.id) },
      }),
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'setDefaultCareReportTitles',
      request: async () => ({ query: `mutation { setDefaultCareReportTitles(titles: ["訪問看護"]) { defaultCareReportTitles } }` }),
      expect: signedInOnly({ city: 'ok', otherCity: 'ok' }),
    },
    {
      op: 'coverOfficesByConsent',
      request: async () => ({ query: `mutation($r: ID!, $o: [ID!]!) { coverOfficesByConsent(roomId: $r, officeIds: $o) { coveredOfficeIds } }`, variables: { r: room.id, o: [world.otherOffice.id] } }),
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'withdrawConsent',
      request: async () => ({ query: `mutation($r: ID!) { withdrawConsent(roomId: $r, note: "本人の申し出") { withdrawnAt } }`, variables: { r: (await freshRoom()).id } }),
      // a contributor may not; the city (or the room's coordinator) may
      expect: signedInOnly({ staff: 'FORBIDDEN', officeAdmin: 'NOT_FOUND', city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'createPost',
      request: async () => ({ query: `mutation($r: ID!) { createPost(roomId: $r, input: { kind: NOTE, body: "本日訪問しました" }) { id } }`, variables: { r: room.id } }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'NOT_FOUND' }),
    },
    {
      op: 'editPost',
      request: async () => {
        const p = await buildPost(em.fork(), room, world.users.staff.user);
        return { query: `mutation($id: ID!, $v: Int!) { editPost(id: $id, version: $v, input: { body: "訂正します" }) { editedAt } }`, variables: { id: p.id, v: p.version } };
      },
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'NOT_FOUND' }),
    },
    {
      op: 'markPostsRead',
      request: async () => ({ query: `mutation($r: ID!) { markPostsRead(roomId: $r) }`, variables: { r: room.id } }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'NOT_FOUND', city: 'ok', otherCity: 'NOT_FOUND' }),
    },
    {
      op: 'requestRoomClosing',
      request: async () => ({ query: `mutation($r: ID!) { requestRoomClosing(roomId: $r, reason: DEATH, body: "ご逝去されました") { id } }`, variables: { r: (await freshRoom()).id } }),
      expect: signedInOnly({ staff: 'ok', officeAdmin: 'NOT_FOUND' }),
    },
    // ---- tokens, audit trail, reports ----
    { op: 'fhirExports', request: async () => ({ query: `{ fhirExports { id status } }` }), expect: signedInOnly({ city: 'ok', otherCity: 'ok' }) },
    { op: 'startFhirExport', request: async () => ({ query: `mutation { startFhirExport { id status } }` }), expect: signedInOnly({ city: 'ok', otherCity: 'ok' }) },
    { op: 'apiTokens', request: async () => ({ query: `{ apiTokens { name prefix } }` }), expect: signedInOnly({ city: 'ok', otherCity: 'ok', vendor: 'ok' }) },
    {
      op: 'createApiToken',
      request: async () => ({ query: `mutation { createApiToken(input: { name: "集計", expiresInDays: 30 }) { secret } }` }),
      expect: signedInOnly({ city: 'ok', otherCity: 'ok', vendor: 'ok' }),
    },
    {
      op: 'revokeApiToken',
      request: async () => {
        const created = await clients.city.ok(`mutation { createApiToken(input: { name: "失効用", expiresInDays: 30 }) { token { id } } }`);
        return { query: `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, variables: { id: created.createApiToken.token.id } };
      },
      // one's own tokens only
      expect: signedInOnly({ city: 'ok', otherCity: 'NOT_FOUND', vendor: 'NOT_FOUND' }),
    },
    { op: 'auditActions', request: async () => ({ query: `{ auditActions { code label } }` }), expect: signedInOnly({ city: 'ok', otherCity: 'ok', vendor: 'ok' }) },
    {
      op: 'auditEvents',
      request: async () => ({ query: `{ auditEvents(page: { perPage: 5 }) { total items { action outcome } } }` }),
      expect: signedInOnly({ city: 'ok', otherCity: 'ok', vendor: 'ok' }),
    },
    ...(
      [
        'rosterReport { activeHeadcount }',
        'rosterOffices { total items { officeName } }',
        'roomsReport { months { month } }',
        'applicationsReport { counts { count } }',
        'activityReport { posts }',
        'activityMonths { posts }',
        'activityOffices(month: "2026-10") { total items { officeName posts } }',
      ] as const
    ).map((q) => ({
      op: q.split(/[ (]/)[0],
      request: async () => ({ query: `{ ${q} }` }),
      expect: signedInOnly({ officeAdmin: 'ok', city: 'ok', otherCity: 'ok', vendor: 'ok' }),
    })),
    {
      op: 'publicMunicipalities',
      request: async () => ({ query: `{ publicMunicipalities { name prefecture } }` }),
      expect: { anonymous: 'ok', halfSignedIn: 'ok', staff: 'ok', officeAdmin: 'ok', city: 'ok', otherCity: 'ok', vendor: 'ok' },
    },
    { op: 'consents', request: async () => ({ query: `{ consents { total items { patientName } } }` }), expect: signedInOnly({ city: 'ok', otherCity: 'ok' }) },
    { op: 'notifications', request: async () => ({ query: `{ notifications { total items { subject } } }` }), expect: signedInOnly({ city: 'ok', otherCity: 'ok', vendor: 'ok' }) },
  ];
}

beforeAll(async () => {
  server = await startTestServer({ publicSubmissionsPerHour: 1000 });
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  appA = await buildApplication(em, { office: world.office, applicant: world.users.officeAdmin.user });
  appB = await buildApplication(em, { office: world.otherCityOffice, applicant: world.users.otherCityStaff.user, state: ApplicationState.FORWARDED });
  room = await freshRoom();
  clients.anonymous = new Client(server.url);
  for (const c of ['staff', 'officeAdmin', 'city', 'otherCity', 'vendor'] as const) {
    clients[c] = new Client(server.url);
    const b = world.users[c];
    await clients[c].signIn(b.loginId, b.password, b.totpSecret!);
  }
});
afterAll(() => server.close());

/** Logout ends the caller's session, so it runs on a session of its own. */
async function callerFor(caller: Caller, op: string): Promise<Client> {
  if (caller === 'anonymous') return clients.anonymous;
  if (caller === 'halfSignedIn' || op === 'logout') {
    const b = caller === 'halfSignedIn' ? world.users.staff : world.users[caller as Exclude<Caller, 'anonymous' | 'halfSignedIn'>];
    const c = new Client(server.url);
    await c.ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: b.loginId, p: b.password });
    if (caller !== 'halfSignedIn') {
      // a second session for the same user: the TOTP step of the first sign-in is spent, so use the next one
      const { totpCode } = await import('../helpers/totp.js');
      await c.ok(`mutation($c: String!) { verifyTotp(code: $c) { step } }`, { c: await totpCode(b.totpSecret!, 1) });
    }
    return c;
  }
  return clients[caller];
}

describe('authorization table', () => {
  it('has a row for every Query and Mutation field', async () => {
    const schema = await buildBareSchema();
    const ops = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].sort();
    expect(
      table()
        .map((r) => r.op)
        .sort(),
    ).toEqual(ops);
  });

  for (const caller of callers) {
    it(`as ${caller}`, async () => {
      const mismatches: string[] = [];
      for (const row of table()) {
        const client = await callerFor(caller, row.op);
        const req = await row.request(client);
        const res = await client.gql(req.query, req.variables);
        const expected = row.expect[caller];
        const code = codesOf(res)[0];
        let actual: Outcome;
        if (code) actual = code as Outcome;
        else if (Array.isArray(expected) && req.rows) actual = req.rows(res.data);
        else actual = 'ok';
        if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${row.op}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
