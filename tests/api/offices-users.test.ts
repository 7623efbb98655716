// Offices and users: validation in Japanese, owner fields decided by the server, optimistic
// locking, soft deletion, the audit trail in the same transaction, and no N+1 queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEntity, EntityData, EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildOffice, buildUser, buildWorld } from '../helpers/factories.js';
import { OfficeKind } from '../../api/offices/office.enums.js';
import { Role } from '../../api/users/user.enums.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let vendor: Client;
let city: Client;

const sql = <Row extends object = EntityData<AnyEntity>>(q: string, params: unknown[] = []) => em.fork().getConnection().execute<Row[]>(q, params);
const count = async (table: string) => (await sql(`select count(*)::int as n from ${table}`))[0].n as number;

const serviceOffice = (over: Record<string, unknown> = {}) => ({
  kind: 'SERVICE',
  name: '訪問看護ステーション テスト',
  nameKana: 'ホウモンカンゴステーション テスト',
  officeNumber: '0812345678',
  postalCode: '310-8610',
  address: '茨城県水戸市中央1-4-1',
  phone: '029-232-9110',
  serviceTypes: ['HOME_NURSING'],
  corporationName: '株式会社テスト',
  corporationNameKana: 'カブシキガイシャテスト',
  representativeName: '代表 太郎',
  representativeNameKana: 'ダイヒョウ タロウ',
  corporationAddress: '茨城県水戸市中央1-4-1',
  corporationPhone: '029-232-9110',
  contactEmail: 'office@example.jp',
  ...over,
});
const CREATE_OFFICE = `mutation($i: OfficeInput!, $m: ID) { createOffice(input: $i, municipalityId: $m) { id version name municipality { id } } }`;
const UPDATE_OFFICE = `mutation($id: ID!, $v: Int!, $i: OfficeInput!) { updateOffice(id: $id, version: $v, input: $i) { id version name } }`;
const CREATE_USER = `mutation($a: NewAccountInput!, $i: UserInput!) { createUser(account: $a, input: $i) { id loginId role municipality { id } office { id } } }`;

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  vendor = new Client(server.url);
  await vendor.signIn(world.users.vendor.loginId, world.users.vendor.password, world.users.vendor.totpSecret!);
  city = new Client(server.url);
  await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
});
afterAll(() => server.close());

describe('validation', () => {
  it('names every invalid field in Japanese with a stable code, and writes nothing', async () => {
    const before = [await count('office'), await count('audit_event')];
    const r = await city.gql(CREATE_OFFICE, {
      i: serviceOffice({ nameKana: '訪問', officeNumber: '12345', postalCode: '31086', phone: 'abc', contactEmail: 'not-mail', corporationNameKana: '株式会社', name: '  ' }),
    });
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    const fields = Object.fromEntries(r.errors![0].extensions!.fields!.map((f) => [f.field, f]));
    expect(fields.nameKana).toMatchObject({ code: 'KATAKANA', message: 'カタカナで入力してください。' });
    expect(fields.officeNumber).toMatchObject({ code: 'OFFICE_NUMBER' });
    expect(fields.officeNumber.message).toMatch(/10桁/);
    expect(fields.postalCode.code).toBe('POSTAL_CODE');
    expect(fields.phone.code).toBe('PHONE');
    expect(fields.contactEmail.code).toBe('EMAIL');
    expect(fields.corporationNameKana.code).toBe('KATAKANA');
    expect(fields.name.code).toBe('REQUIRED');
    expect(r.errors![0].message).toBe('入力内容に誤りがあります。');
    expect([await count('office'), await count('audit_event')]).toEqual(before);
  });

  it('applies the rules of the office kind (事業所番号 and サービス種類 for service offices)', async () => {
    const r = await city.gql(CREATE_OFFICE, { i: serviceOffice({ officeNumber: null, serviceTypes: [] }) });
    expect(r.errors![0].extensions!.fields!.map((f) => `${f.field}:${f.code}`).sort()).toEqual(['officeNumber:REQUIRED', 'serviceTypes:REQUIRED']);
    const medical = await city.gql(CREATE_OFFICE, { i: serviceOffice({ kind: 'MEDICAL', officeNumber: null }) });
    expect(medical.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'serviceTypes', code: 'NOT_ALLOWED_FOR_KIND' })]);
    const other = await city.gql(CREATE_OFFICE, { i: serviceOffice({ serviceTypes: ['OTHER'] }) });
    expect(other.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'serviceTypeOther', code: 'REQUIRED' })]);
  });

  it('requires the 8-digit 介護支援専門員番号 for care managers', async () => {
    const account = { loginId: 'cm-new-1', role: 'OFFICE', officeId: world.office.id };
    const missing = await vendor.gql(CREATE_USER, { a: account, i: { name: '介護 太郎', nameKana: 'カイゴ タロウ', jobType: 'CARE_MANAGER' } });
    expect(missing.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'careManagerNumber', code: 'REQUIRED' })]);
    const bad = await vendor.gql(CREATE_USER, { a: account, i: { name: '介護 太郎', nameKana: 'カイゴ タロウ', jobType: 'CARE_MANAGER', careManagerNumber: '1234' } });
    expect(bad.errors![0].extensions!.fields![0]).toMatchObject({ field: 'careManagerNumber', code: 'CARE_MANAGER_NUMBER' });
    const ok = await vendor.ok(CREATE_USER, { a: account, i: { name: '介護 太郎', nameKana: 'カイゴ タロウ', jobType: 'CARE_MANAGER', careManagerNumber: '12345678' } });
    expect(ok.createUser.loginId).toBe('cm-new-1');
  });

  it('catches duplicates: the same 事業所番号 or login ID twice', async () => {
    await city.ok(CREATE_OFFICE, { i: serviceOffice({ officeNumber: '0899999999' }) });
    const dup = await vendor.gql(CREATE_OFFICE, { i: serviceOffice({ officeNumber: '0899999999' }), m: world.otherCity.id });
    expect(dup.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'officeNumber', code: 'TAKEN' })]);
    const taken = await vendor.gql(CREATE_USER, { a: { loginId: world.users.staff.loginId, role: 'OFFICE', officeId: world.office.id }, i: { name: 'x', nameKana: 'エックス', jobType: 'NURSE' } });
    expect(taken.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'loginId', code: 'TAKEN' })]);
  });

  it('never answers malformed requests with a stack trace or a 500', async () => {
    for (const body of [
      '{"query": "{ offices { nope } }"}',
      '{"query": "{ offices(page: {perPage: \\"x\\"}) { total } }"}',
      '{"query": "mutation {"}',
      'not json',
      '[{"query":"{ authStatus { step } }"},{"query":"{ authStatus { step } }"}]',
    ]) {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await res.text();
      expect(res.status).toBeLessThan(500);
      expect(text).not.toMatch(/\bat \w+ \(|node_modules|stacktrace/i);
    }
    expect(codesOf(await city.gql(`{ offices(page: {perPage: 100000}) { items { name } } }`))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codesOf(await city.gql(`{ offices(page: {perPage: 0}) { total } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('owner fields are decided by the server', () => {
  it('CITY creates offices in its own municipality only', async () => {
    const mine = await city.ok(CREATE_OFFICE, { i: serviceOffice({ officeNumber: '0811111111' }) });
    expect(mine.createOffice.municipality.id).toBe(world.city.id);
    const theirs = await city.gql(CREATE_OFFICE, { i: serviceOffice({ officeNumber: '0811111112' }), m: world.otherCity.id });
    expect(codesOf(theirs)).toEqual(['FORBIDDEN']);
  });

  it('an OFFICE account takes its municipality from its office; a municipality given for it is refused', async () => {
    const a = { loginId: 'owner-test-1', role: 'OFFICE', officeId: world.otherCityOffice.id };
    const i = { name: '所属 太郎', nameKana: 'ショゾク タロウ', jobType: 'NURSE' };
    const refused = await vendor.gql(CREATE_USER, { a: { ...a, municipalityId: world.city.id }, i });
    expect(refused.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'municipalityId', code: 'NOT_ALLOWED_FOR_ROLE' })]);
    const created = await vendor.ok(CREATE_USER, { a, i });
    expect(created.createUser.municipality.id).toBe(world.otherCity.id);
    expect(created.createUser.office.id).toBe(world.otherCityOffice.id);
  });

  it('the roster input has no role, office or municipality: GraphQL itself refuses them', async () => {
    const x = world.users.staff.user;
    const r = await city.gql(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { name: "a", nameKana: "ア", jobType: NURSE, role: VENDOR }) { id } }`, {
      id: x.id,
      v: x.version,
    });
    expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a new account is PENDING without any password: nobody can sign in to it until it is activated', async () => {
    const created = await vendor.ok(`mutation($a: NewAccountInput!, $i: UserInput!) { createUser(account: $a, input: $i) { id status } }`, {
      a: { loginId: 'first-signin', role: 'CITY', municipalityId: world.city.id },
      i: { name: '市 職員', nameKana: 'シ ショクイン', jobType: 'ADMINISTRATOR' },
    });
    expect(created.createUser.status).toBe('PENDING');
    const [row] = await sql(`select status, must_change_password, password_hash from app_user where login_id = 'first-signin'`);
    expect(row).toEqual({ status: 'PENDING', must_change_password: false, password_hash: null });
    const c = new Client(server.url);
    expect(codesOf(await c.gql(`mutation { login(loginId: "first-signin", password: "") { step } }`))).toEqual(['INVALID_CREDENTIALS']);
  });
});

describe('concurrent edits', () => {
  it('two clerks saving the same version: exactly one wins, the other gets CONFLICT', async () => {
    const o = await buildOffice(em.fork(), world.city, OfficeKind.MEDICAL);
    const vendorEdit = vendor.gql(UPDATE_OFFICE, { id: o.id, v: o.version, i: serviceOffice({ kind: 'MEDICAL', officeNumber: null, serviceTypes: [], name: 'ベンダーの編集' }) });
    const cityEdit = city.gql(UPDATE_OFFICE, { id: o.id, v: o.version, i: serviceOffice({ kind: 'MEDICAL', officeNumber: null, serviceTypes: [], name: '市の編集' }) });
    const results = await Promise.all([vendorEdit, cityEdit]);
    expect(results.map((r) => codesOf(r)[0] ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
    const conflict = results.find((r) => r.errors)!;
    expect(conflict.errors![0].message).toMatch(/他の利用者が先に更新しました/);
    const [row] = await sql(`select name, version from office where id = ?`, [o.id]);
    expect(row.version).toBe(o.version + 1);
    expect(await sql(`select count(*)::int as n from audit_event where target_id = ? and action = 'office.update'`, [o.id])).toEqual([{ n: 1 }]);
  });

  it('a stale version is refused even without a race', async () => {
    const o = await buildOffice(em.fork(), world.city, OfficeKind.MEDICAL);
    const input = serviceOffice({ kind: 'MEDICAL', officeNumber: null, serviceTypes: [] });
    await city.ok(UPDATE_OFFICE, { id: o.id, v: o.version, i: input });
    expect(codesOf(await city.gql(UPDATE_OFFICE, { id: o.id, v: o.version, i: input }))).toEqual(['CONFLICT']);
  });
});

describe('nothing is hard-deleted', () => {
  it('deactivating an office stops its accounts, ends their sessions, and keeps every record', async () => {
    const o = await buildOffice(em.fork(), world.city, OfficeKind.SERVICE);
    const member = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: o });
    const memberClient = new Client(server.url);
    await memberClient.signIn(member.loginId, member.password, member.totpSecret!);
    const r = await vendor.ok(`mutation($id: ID!, $v: Int!) { deactivateOffice(id: $id, version: $v) { status } }`, { id: o.id, v: o.version });
    expect(r.deactivateOffice.status).toBe('INACTIVE');
    expect(codesOf(await memberClient.gql(`{ me { id } }`))).toEqual(['UNAUTHENTICATED']);
    const [u] = await sql(`select status, stop_date from app_user where id = ?`, [member.user.id]);
    expect(u.status).toBe('STOPPED');
    expect(u.stop_date).toBeTruthy();
    const listed = await vendor.ok(`query($id: ID!) { office(id: $id) { status } users(filter: { officeId: $id }) { items { status } } }`, { id: o.id });
    expect(listed.users.items).toEqual([{ status: 'STOPPED' }]);
    const actions = (await sql<{ action: string }>(`select action from audit_event where office_id = ? and action not like 'auth.%' order by id`, [o.id])).map((e) => e.action);
    expect(actions).toEqual(['user.stop', 'office.deactivate']);
  });

  it('stopping a user is audited with who did it; the user cannot stop themselves', async () => {
    const x = (await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office })).user;
    await vendor.ok(`mutation($id: ID!, $v: Int!) { stopUser(id: $id, version: $v) { status stopDate } }`, { id: x.id, v: x.version });
    const [event] = await sql(`select actor_id, action, municipality_id from audit_event where target_id = ?`, [x.id]);
    expect(event).toMatchObject({ actor_id: world.users.vendor.user.id, action: 'user.stop', municipality_id: world.city.id });
    const self = world.users.vendor.user;
    expect(codesOf(await vendor.gql(`mutation($id: ID!, $v: Int!) { stopUser(id: $id, version: $v) { id } }`, { id: self.id, v: self.version }))).toEqual(['FORBIDDEN']);
  });
});

describe('lists', () => {
  it('filter, sort and page in one request, with the total', async () => {
    const r = await vendor.ok(`{ users(filter: { officeId: "${world.office.id}" }, sort: { field: nameKana, order: DESC }, page: { page: 1, perPage: 1 }) { total items { id } } }`);
    const [{ n }] = await sql(`select count(*)::int as n from app_user where office_id = ?`, [world.office.id]);
    expect(r.users.total).toBe(n);
    expect(r.users.items).toHaveLength(1);
    const q = await city.ok(`query($q: String) { users(filter: { q: $q }) { total items { loginId } } }`, { q: world.users.officeAdmin.loginId.slice(2) });
    expect(q.users.items.map((i: { loginId: string }) => i.loginId)).toEqual([world.users.officeAdmin.loginId]);
    const literal = await city.ok(`{ offices(filter: { q: "%" }) { total } }`);
    expect(literal.offices.total).toBe(0); // % is searched literally, not as a wildcard
  });

  it('run a fixed number of SQL statements whatever the page size (no N+1)', async () => {
    const em2 = em.fork();
    for (let i = 0; i < 30; i++) await buildUser(em2, server.secrets, { role: Role.OFFICE, office: i % 2 ? world.office : world.otherOffice });
    const statements = async (query: string) => {
      server.sql.reset();
      await vendor.ok(query);
      return server.sql.count;
    };
    const users = (n: number) => `{ users(page: { perPage: ${n} }) { total items { name office { name municipality { name } } municipality { name } } } }`;
    const offices = (n: number) => `{ offices(page: { perPage: ${n} }) { total items { name activeUserCount municipality { name } } } }`;
    expect(await statements(users(30))).toBe(await statements(users(3)));
    expect(await statements(offices(30))).toBe(await statements(offices(2)));
    expect(await statements(users(30))).toBeLessThanOrEqual(6);
  });
});
