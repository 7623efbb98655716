// The panel shows what the API answers (Query.abilities, User/Office.allowedActions), and those
// answers are the API's own decisions: for every role and every ability, calling a representative
// operation is allowed exactly when the ability is listed. And the panel keeps no copy of the rules.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf, type GqlResult } from '../helpers/client.js';
import { buildApplication, buildOffice, buildUser, buildWorld } from '../helpers/factories.js';
import { allAbilities } from '../../api/authz/abilities.js';
import { ApplicationState } from '../../api/applications/application.enums.js';
import { ApplicationChannel } from '../../api/applications/application.entity.js';
import { OfficeKind } from '../../api/offices/office.enums.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';
import { canAccess } from '../../admin/auth/access.js';

type Who = 'staff' | 'officeAdmin' | 'city' | 'vendor';
const roles: Who[] = ['staff', 'officeAdmin', 'city', 'vendor'];

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients = {} as Record<Who, Client>;
let seq = 0;

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
const freshOffice = () => buildOffice(em.fork(), world.city, OfficeKind.MEDICAL);
const freshUser = async (status = UserStatus.ACTIVE) => (await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, status })).user;
const unknownId = '00000000-0000-4000-8000-000000000000';

/**
 * Past the authorization decision: anything but FORBIDDEN. A refusal must be FORBIDDEN, and a
 * probe that cannot say (not signed in, a malformed request, a crash) fails the test.
 */
function passed(r: GqlResult): boolean {
  const codes = codesOf(r);
  if (codes.includes('FORBIDDEN')) return false;
  const broken = codes.filter((c) => ['UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST'].includes(c ?? ''));
  if (broken.length > 0) throw new Error(`probe could not decide: ${JSON.stringify(r.errors)}`);
  return true;
}
const call = async (c: Client, query: string, variables?: Record<string, unknown>) => passed(await c.gql(query, variables));

/** The whole of a resource (not just the caller's own row): the rows answered include someone else's. */
// biome-ignore lint/suspicious/noExplicitAny: each caller picks names out of its own query's untyped JSON answer
async function seesOthers(c: Client, query: string, pick: (d: any) => string[], own: string | null): Promise<boolean> {
  const r = await c.gql(query);
  if (!passed(r)) return false;
  return pick(r.data).some((id) => id !== own);
}

type Probe = (c: Client, who: Who) => Promise<boolean>;
const submit =
  (type: string): Probe =>
  (c) =>
    call(c, `mutation($t: ApplicationType!) { submitApplication(type: $t, input: {}) { id } }`, { t: type });

/** One representative operation per ability: what the panel's button or menu entry ends up calling. */
const probes: Record<string, Probe> = {
  // the municipalities resource is the registry of all municipalities; everyone else reads only their own
  'municipalities.list': (c, who) => seesOthers(c, `{ municipalities { id } }`, (d) => d.municipalities.map((m: { id: string }) => m.id), ownMunicipality(who)),
  'municipalities.show': (c, who) => seesOthers(c, `{ municipalities { id } }`, (d) => d.municipalities.map((m: { id: string }) => m.id), ownMunicipality(who)),
  'municipalities.export': (c, who) => seesOthers(c, `{ municipalities { id } }`, (d) => d.municipalities.map((m: { id: string }) => m.id), ownMunicipality(who)),
  'municipalities.create': (c) =>
    call(c, `mutation($i: MunicipalityInput!) { createMunicipality(input: $i) { id } }`, { i: { code: String(910000 + ++seq), name: `能力市${seq}`, prefecture: '茨城県' } }),
  'municipalities.edit': async (c) => {
    const m = await em.fork().refresh(world.otherCity);
    return call(c, `mutation($id: ID!, $v: Int!, $i: MunicipalityInput!) { updateMunicipality(id: $id, version: $v, input: $i) { id } }`, {
      id: m!.id,
      v: m!.version,
      i: { code: m!.code, name: m!.name, prefecture: '茨城県' },
    });
  },

  // OFFICE accounts see their own office only ("my office"), not a list of offices
  'offices.list': (c, who) => seesOthers(c, `{ offices(page: {perPage: 1000}) { items { id } } }`, (d) => d.offices.items.map((o: { id: string }) => o.id), ownOffice(who)),
  'offices.export': (c, who) => seesOthers(c, `{ offices(page: {perPage: 1000}) { items { id } } }`, (d) => d.offices.items.map((o: { id: string }) => o.id), ownOffice(who)),
  'offices.show': (c) => call(c, `query($id: ID!) { office(id: $id) { id } }`, { id: world.office.id }),
  'offices.create': (c, who) =>
    call(c, `mutation($i: OfficeInput!, $m: ID) { createOffice(input: $i, municipalityId: $m) { id } }`, { i: officeInput(`能力${++seq}`), m: who === 'vendor' ? world.city.id : null }),
  'offices.edit': async (c) => {
    const o = await freshOffice();
    return call(c, `mutation($id: ID!, $v: Int!, $i: OfficeInput!) { updateOffice(id: $id, version: $v, input: $i) { id } }`, { id: o.id, v: o.version, i: officeInput(`更新${++seq}`) });
  },
  'offices.delete': async (c) => {
    const o = await freshOffice();
    return call(c, `mutation($id: ID!, $v: Int!) { deactivateOffice(id: $id, version: $v) { id } }`, { id: o.id, v: o.version });
  },
  'offices.reactivate': async (c) => {
    const o = await freshOffice();
    return call(c, `mutation($id: ID!, $v: Int!) { reactivateOffice(id: $id, version: $v) { id } }`, { id: o.id, v: o.version });
  },

  // staff see their own account only; an office admin the office's roster
  'users.list': (c, who) => seesOthers(c, `{ users(page: {perPage: 1000}) { items { id } } }`, (d) => d.users.items.map((u: { id: string }) => u.id), world.users[who].user.id),
  'users.export': (c, who) => seesOthers(c, `{ users(page: {perPage: 1000}) { items { id } } }`, (d) => d.users.items.map((u: { id: string }) => u.id), world.users[who].user.id),
  'users.show': (c, who) => call(c, `query($id: ID!) { user(id: $id) { id } }`, { id: world.users[who].user.id }),
  'users.create': (c) =>
    call(c, `mutation($a: NewAccountInput!, $i: UserInput!) { createUser(account: $a, input: $i) { id } }`, {
      a: { loginId: `ability-${++seq}`, role: 'OFFICE', officeId: world.office.id },
      i: userInput,
    }),
  'users.edit': async (c) => {
    const u = await freshUser();
    return call(c, `mutation($id: ID!, $v: Int!, $i: UserInput!) { updateUser(id: $id, version: $v, input: $i) { id } }`, { id: u.id, v: u.version, i: userInput });
  },
  'users.delete': async (c) => {
    const u = await freshUser();
    return call(c, `mutation($id: ID!, $v: Int!) { stopUser(id: $id, version: $v) { id } }`, { id: u.id, v: u.version });
  },
  'users.reactivate': async (c) => {
    const u = await freshUser(UserStatus.STOPPED);
    return call(c, `mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, version: $v) { id } }`, { id: u.id, v: u.version });
  },
  'users.reset_credentials': async (c) => call(c, `mutation($id: ID!) { resetUserCredentials(id: $id) { id } }`, { id: (await freshUser()).id }),
  'users.unlock': async (c) => call(c, `mutation($id: ID!) { unlockUser(id: $id) { id } }`, { id: (await freshUser()).id }),
  // whose codes: the city its municipality's accounts, a VENDOR other VENDOR accounts (record-level: User.allowedActions)
  'users.activation_codes': async (c) => {
    const pendingVendor = (await buildUser(em.fork(), server.secrets, { role: Role.VENDOR, status: UserStatus.PENDING })).user;
    for (const u of [await freshUser(UserStatus.PENDING), pendingVendor]) if (await call(c, `mutation($ids: [ID!]!) { issueActivationCodes(userIds: $ids) { loginId } }`, { ids: [u.id] })) return true;
    return false;
  },

  'applications.list': (c) => call(c, `{ applications { total } }`),
  'applications.show': (c) => call(c, `{ applications { total } }`),
  // the account forms' page: a new office, staff, an ID stop
  'applications.create': async (c, who) => {
    for (const t of ['OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP']) if (await submit(t)(c, who)) return true;
    return false;
  },
  // RESUBMIT of a returned form (which form: its allowedActions)
  'applications.edit': (c) => call(c, `mutation($id: ID!) { resubmitApplication(id: $id, version: 1, input: {}) { id } }`, { id: unknownId }),
  'applications.review': async (c) => {
    const a = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user, state: ApplicationState.SUBMITTED, channel: ApplicationChannel.OFFICE });
    return call(c, `mutation($id: ID!, $v: Int!) { returnApplication(id: $id, version: $v, comment: "確認してください") { state } }`, { id: a.id, v: a.version });
  },
  'applications.activation_letter': (c) => call(c, `mutation($id: ID!) { issueActivationLetter(applicationId: $id) { loginId } }`, { id: unknownId }),

  'rooms.list': (c) => call(c, `{ rooms { total } }`),
  'rooms.show': (c) => call(c, `{ rooms { total } }`),
  'rooms.create_from_application': (c) =>
    call(c, `mutation($id: ID!, $s: RoomSetupInput!) { createRoomFromApplication(applicationId: $id, version: 1, setup: $s) { id } }`, {
      id: unknownId,
      s: { name: '部屋', members: [], careReportTitles: ['訪問看護'] },
    }),

  // record-level in the room (membership, permission): an unknown room is NOT_FOUND past the role decision
  'rooms.manage_members': (c) => call(c, `mutation($r: ID!, $m: MemberInput!) { addRoomMember(roomId: $r, member: $m) { id } }`, { r: unknownId, m: { userId: unknownId, permission: 'VIEWER' } }),
  'rooms.withdraw_consent': (c) => call(c, `mutation($r: ID!) { withdrawConsent(roomId: $r, note: "確認") { withdrawnAt } }`, { r: unknownId }),
  'rooms.post': (c) => call(c, `mutation($r: ID!) { createPost(roomId: $r, input: { kind: NOTE, body: "確認" }) { id } }`, { r: unknownId }),
  'posts.list': (c) => call(c, `query($r: ID!) { posts(roomId: $r) { total } }`, { r: unknownId }),
  'posts.create': (c) => call(c, `mutation($r: ID!) { createPost(roomId: $r, input: { kind: NOTE, body: "確認" }) { id } }`, { r: unknownId }),

  // the city's register of consents (patients' names)
  'consents.list': (c) => call(c, `{ consents { total } }`),
  'consents.show': (c) => call(c, `{ consents { total } }`),
  'consents.export': (c) => call(c, `{ consents { total } }`),

  'notifications.list': (c) => call(c, `{ notifications { total } }`),
  'auditEvents.list': (c) => call(c, `{ auditEvents(page: { perPage: 1 }) { total } }`),
  'auditEvents.export': (c) => call(c, `{ auditEvents(page: { perPage: 1 }) { total } }`),
  'reports.list': (c) => call(c, `{ rosterReport { activeHeadcount } }`),
  'fhirExports.list': (c) => call(c, `{ fhirExports { id } }`),
  'fhirExports.create': (c) => call(c, `mutation { startFhirExport { id } }`),
  'apiTokens.list': (c) => call(c, `{ apiTokens { id } }`),
  'apiTokens.create': (c) => call(c, `mutation { createApiToken(input: { name: "能力確認", expiresInDays: 1 }) { secret } }`),
  'apiTokens.delete': (c) => call(c, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: unknownId }),
};

/**
 * Abilities that place a screen rather than grant an operation: the API allows the operation to
 * more callers, through another screen. Checked one way: listed ⇒ the API allows the operation.
 */
const placements: Record<string, Probe> = {
  // the roster's bulk button for office admins; the city files ID stops from the applications screen
  'users.request_stop': submit('ID_STOP'),
  // the office user's 様式6 page; the city types paper 様式6 in from the applications screen
  'rooms.request': submit('ROOM_CREATION'),
  // a withdrawal recorded from the city's register; a room's coordinator records one on the room page
  'consents.withdraw': (c) => call(c, `mutation($r: ID!) { withdrawConsent(roomId: $r, note: "確認") { withdrawnAt } }`, { r: unknownId }),
};

const ownMunicipality = (who: Who) => (who === 'vendor' ? null : world.city.id);
const ownOffice = (who: Who) => (who === 'staff' || who === 'officeAdmin' ? world.office.id : null);

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  for (const who of roles) {
    clients[who] = new Client(server.url);
    const b = world.users[who];
    await clients[who].signIn(b.loginId, b.password, b.totpSecret!);
  }
});
afterAll(() => server?.close());

describe('Query.abilities', () => {
  it('is for signed-in callers only', async () => {
    const r = await new Client(server.url).gql(`{ abilities }`);
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('every ability the policies export has a probe (or names the ability that covers its operation)', () => {
    const missing = allAbilities().filter((a) => !probes[a] && !placements[a]);
    expect(missing).toEqual([]);
    expect([...Object.keys(probes), ...Object.keys(placements)].filter((a) => !allAbilities().includes(a))).toEqual([]); // no stale probe
  });

  for (const who of roles) {
    it(`${who}: listed ⇔ the API allows it`, async () => {
      const listed: string[] = (await clients[who].ok(`{ abilities }`)).abilities;
      const expected: string[] = [];
      const actual: string[] = [];
      for (const ability of allAbilities()) {
        if (placements[ability]) {
          if (listed.includes(ability)) expect({ ability, allowed: await placements[ability](clients[who], who) }).toEqual({ ability, allowed: true });
          continue;
        }
        if (listed.includes(ability)) expected.push(ability);
        if (await probes[ability](clients[who], who)) actual.push(ability);
      }
      expect(actual).toEqual(expected);
      // and the list holds nothing the panel does not know
      expect(listed.filter((a) => !allAbilities().includes(a))).toEqual([]);
    });
  }
});

describe('allowedActions on records', () => {
  /** Each record action and the operation it stands for, on a record the caller can see. */
  const userActions: Record<string, { status?: UserStatus; run: (c: Client, id: string, version: number) => Promise<boolean> }> = {
    edit: { run: (c, id, v) => call(c, `mutation($id: ID!, $v: Int!, $i: UserInput!) { updateUser(id: $id, version: $v, input: $i) { id } }`, { id, v, i: userInput }) },
    unlock: { run: (c, id) => call(c, `mutation($id: ID!) { unlockUser(id: $id) { id } }`, { id }) },
    delete: { run: (c, id, v) => call(c, `mutation($id: ID!, $v: Int!) { stopUser(id: $id, version: $v) { id } }`, { id, v }) },
    reactivate: { status: UserStatus.STOPPED, run: (c, id, v) => call(c, `mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, version: $v) { id } }`, { id, v }) },
    reset_credentials: { run: (c, id) => call(c, `mutation($id: ID!) { resetUserCredentials(id: $id) { id } }`, { id }) },
    activation_codes: { status: UserStatus.PENDING, run: (c, id) => call(c, `mutation($ids: [ID!]!) { issueActivationCodes(userIds: $ids) { loginId } }`, { ids: [id] }) },
  };

  for (const who of ['officeAdmin', 'city', 'vendor'] as const) {
    it(`User, ${who}: an action is listed on an account ⇔ the API takes it on that account`, async () => {
      for (const [action, { status, run }] of Object.entries(userActions)) {
        const u = await freshUser(status);
        const { user } = await clients[who].ok(`query($id: ID!) { user(id: $id) { allowedActions } }`, { id: u.id });
        expect(user.allowedActions).toContain('show');
        expect({ action, allowed: await run(clients[who], u.id, u.version) }).toEqual({ action, allowed: user.allowedActions.includes(action) });
      }
    });
  }

  it('User: nobody stops or resets their own account, and the record says so', async () => {
    // a VENDOR of its own (stopping the shared one would end the other tests' session)
    const b = await buildUser(em.fork(), server.secrets, { role: Role.VENDOR });
    const c = new Client(server.url);
    await c.signIn(b.loginId, b.password, b.totpSecret!);
    const { user } = await c.ok(`query($id: ID!) { user(id: $id) { allowedActions version } }`, { id: b.user.id });
    expect(user.allowedActions).not.toContain('delete');
    expect(user.allowedActions).not.toContain('reset_credentials');
    expect(await userActions.delete.run(c, b.user.id, user.version)).toBe(false);
    expect(await userActions.reset_credentials.run(c, b.user.id, user.version)).toBe(false);
    // while another VENDOR's account offers both
    const other = await clients.vendor.ok(`query($id: ID!) { user(id: $id) { allowedActions } }`, { id: b.user.id });
    expect(other.user.allowedActions).toEqual(expect.arrayContaining(['delete', 'reset_credentials']));
  });

  it('User: staff see their own account, and may only look at it', async () => {
    const { user } = await clients.staff.ok(`query($id: ID!) { user(id: $id) { allowedActions } }`, { id: world.users.staff.user.id });
    expect(user.allowedActions).toEqual(['show']);
  });

  const officeActions: Record<string, (c: Client, id: string, version: number) => Promise<boolean>> = {
    edit: (c, id, v) => call(c, `mutation($id: ID!, $v: Int!, $i: OfficeInput!) { updateOffice(id: $id, version: $v, input: $i) { id } }`, { id, v, i: officeInput(`記録${++seq}`) }),
    delete: (c, id, v) => call(c, `mutation($id: ID!, $v: Int!) { deactivateOffice(id: $id, version: $v) { id } }`, { id, v }),
    reactivate: (c, id, v) => call(c, `mutation($id: ID!, $v: Int!) { reactivateOffice(id: $id, version: $v) { id } }`, { id, v }),
  };

  for (const who of roles) {
    it(`Office, ${who}: an action is listed on an office ⇔ the API takes it on that office`, async () => {
      for (const [action, run] of Object.entries(officeActions)) {
        // office accounts see their own office only; it is left as it is if the API (wrongly) allowed a change
        const o = who === 'staff' || who === 'officeAdmin' ? await em.fork().findOneOrFail((await import('../../api/offices/office.entity.js')).Office, { id: world.office.id }) : await freshOffice();
        const { office } = await clients[who].ok(`query($id: ID!) { office(id: $id) { allowedActions } }`, { id: o.id });
        expect(office.allowedActions).toContain('show');
        expect({ action, allowed: await run(clients[who], o.id, o.version) }).toEqual({ action, allowed: office.allowedActions.includes(action) });
      }
    });
  }
});

describe('the panel keeps no copy of the rules', () => {
  const roleName = /['"`](VENDOR|CITY|OFFICE)['"`]|\.role\b|officeAdmin/;

  it('admin/auth/access.ts names no role and reads no role', () => {
    expect(readFileSync('admin/auth/access.ts', 'utf8')).not.toMatch(roleName);
  });

  it('authProvider.canAccess goes straight to access.ts', () => {
    const source = readFileSync('admin/authProvider.ts', 'utf8');
    const body = source.slice(source.indexOf('async canAccess('));
    const method = body.slice(0, body.indexOf('\n  },') + 4);
    expect(method).toContain('canAccess(');
    expect(method).not.toMatch(roleName);
  });

  it('canAccess answers from the abilities, and from the record where it carries allowedActions', () => {
    const me = { abilities: ['users.delete', 'users.list', 'users.show', 'applications.show'] };
    const user = (allowedActions: string[]) => ({ id: '1', __typename: 'User', allowedActions });
    expect(canAccess(me, 'users', 'delete')).toBe(true);
    expect(canAccess(me, 'users', 'create')).toBe(false);
    expect(canAccess(me, 'users', 'delete', user(['show']))).toBe(false);
    expect(canAccess(me, 'users', 'delete', user(['show', 'delete']))).toBe(true);
    // a record listing an action the caller lacks altogether does not grant it
    expect(canAccess(me, 'users', 'create', user(['create']))).toBe(false);
    // another resource's record in context (an office's page asking about its staff list) decides nothing about users
    expect(canAccess(me, 'users', 'list', { id: '2', __typename: 'Office', allowedActions: ['show'] })).toBe(true);
    // an application's allowedActions are workflow steps, not panel actions
    expect(canAccess(me, 'applications', 'show', { id: '3', __typename: 'Application', allowedActions: ['RETURN'] })).toBe(true);
  });
});
