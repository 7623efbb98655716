// api/common/read-rows.ts: a list's statement is compiled once per shape (list, selection, kind
// of filters) and later requests only bind their values: the right rows for every value, and no
// query-builder work after the first request of a shape.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EntityManager, SqlEntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildUser, buildWorld } from '../helpers/factories.js';
import { Role } from '../../api/users/user.enums.js';
import { RawQueryFragment, raw } from '@mikro-orm/core';
import { fieldsSelection, readOne, readPage } from '../../api/common/read-rows.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let city: Client;

// read-rows.ts builds a shape with MikroORM's query builder on its alias `r`; a cached shape does not
const queryBuilder = vi.spyOn(SqlEntityManager.prototype, 'createQueryBuilder');
const pageBuilds = {
  get count() {
    return queryBuilder.mock.calls.filter(([, alias]) => alias === 'r').length;
  },
};

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  for (let i = 0; i < 4; i++) await buildUser(em, server.secrets, { role: Role.OFFICE, office: world.office, totp: false });
  city = new Client(server.url);
  await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
});

afterAll(async () => {
  await server?.close();
});

const USERS = `query($filter: UserFilter, $page: PageInput) { users(filter: $filter, page: $page, sort: { field: nameKana, order: ASC }) { total items { id name office { id } } } }`;

describe('a list statement compiled once per shape', () => {
  it('other values of the same filters: the same statement, each request its own right rows', async () => {
    await city.ok(USERS, { filter: { officeId: world.office.id }, page: { page: 1, perPage: 10 } }); // compiles the shape
    const builds = pageBuilds.count;
    for (const office of [world.office, world.otherOffice, world.office]) {
      server.sql.reset();
      const data = await city.ok(USERS, { filter: { officeId: office.id }, page: { page: 1, perPage: 10 } });
      const expected = await em.fork().getConnection().execute<{ id: string }[]>(`select id from app_user where office_id = ? order by name_kana, id`, [office.id]);
      expect(data.users.items.map((u: { id: string }) => u.id)).toEqual(expected.map((u) => u.id));
      expect(data.users.total).toBe(expected.length);
      for (const u of data.users.items) expect(u.office.id).toBe(office.id);
    }
    expect(pageBuilds.count, 'no query builder after the first request of the shape').toBe(builds);
  });

  it('a search (a raw() expression in the where) is cached too, and finds what each text matches', async () => {
    const someone = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '検索 太郎', totp: false });
    await city.ok(USERS, { filter: { q: 'zzz-none' }, page: { page: 1, perPage: 10 } });
    const builds = pageBuilds.count;
    expect((await city.ok(USERS, { filter: { q: '検索' }, page: { page: 1, perPage: 10 } })).users.items.map((u: { id: string }) => u.id)).toEqual([someone.user.id]);
    expect((await city.ok(USERS, { filter: { q: 'zzz-none' }, page: { page: 1, perPage: 10 } })).users).toEqual({ total: 0, items: [] });
    expect(pageBuilds.count).toBe(builds);
  });

  it('a page past the end, a different page size and offset: bound, not rebuilt; totals stay right', async () => {
    const all = await city.ok(USERS, { filter: { officeId: world.office.id }, page: { page: 1, perPage: 100 } });
    await city.ok(USERS, { filter: { officeId: world.office.id }, page: { page: 2, perPage: 1 } }); // the offset shape
    const builds = pageBuilds.count;
    const second = await city.ok(USERS, { filter: { officeId: world.office.id }, page: { page: 3, perPage: 1 } });
    expect(second.users).toEqual({ total: all.users.total, items: [all.users.items[2]] });
    expect((await city.ok(USERS, { filter: { officeId: world.office.id }, page: { page: 999, perPage: 1 } })).users).toEqual({ total: all.users.total, items: [] });
    expect(pageBuilds.count).toBe(builds);
  });

  it('a detail read (readOne) too: compiled once, each id its own row, an id out of scope none', async () => {
    const q = `query($id: ID!) { user(id: $id) { id name office { id } } }`;
    await city.ok(q, { id: world.users.staff.user.id });
    const builds = pageBuilds.count;
    for (const u of [world.users.staff.user, world.users.officeAdmin.user, world.users.otherOfficeStaff.user]) {
      expect((await city.ok(q, { id: u.id })).user).toMatchObject({ id: u.id, name: u.name });
    }
    const outside = await city.gql(q, { id: world.users.otherCityStaff.user.id });
    expect(outside.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(pageBuilds.count).toBe(builds);
  });

  it('the audit trail’s day bounds (ISO text, not Dates) are compiled once, each day its own rows', async () => {
    const q = `query($filter: AuditFilter) { auditEvents(filter: $filter, page: { page: 1, perPage: 500 }) { total items { id occurredAt } } }`;
    await city.ok(q, { filter: { from: '2020-01-01', to: '2020-01-02' } });
    const builds = pageBuilds.count;
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const all = await city.ok(q, { filter: { from: '2020-01-01', to: today } });
    const none = await city.ok(q, { filter: { from: '2020-01-03', to: '2020-01-04' } });
    expect(pageBuilds.count, 'no query builder for other days').toBe(builds);
    expect(all.auditEvents.total).toBeGreaterThan(0);
    expect(all.auditEvents.items).toHaveLength(all.auditEvents.total);
    expect(none.auditEvents).toEqual({ total: 0, items: [] });
  });

  it('a where it cannot stand for (a Date) is built each time, with the same answer as before', async () => {
    const ctx = { em: em.fork() } as never;
    const request = {
      entity: AuditEvent,
      where: { occurredAt: { $gte: new Date('2020-01-01T00:00:00Z') } },
      paging: { limit: 5, offset: 0, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }] as Record<string, 'asc' | 'desc'>[] },
      selection: fieldsSelection('id'),
    };
    const first = await readPage<AuditEvent>(ctx, request);
    const builds = pageBuilds.count;
    const again = await readPage<AuditEvent>(ctx, request);
    expect(pageBuilds.count).toBe(builds + 1);
    expect(first.total).toBeGreaterThan(0);
    expect(again.total).toBeGreaterThanOrEqual(first.total);
  });

  it('a value MikroORM converts (jsonb against text) beside a raw() fragment: built with the values, the right row, no fragment left behind', async () => {
    const [event] = await em
      .fork()
      .getConnection()
      .execute<{ id: string; action: string }[]>(
        `insert into audit_event (action, outcome, target_type, detail, occurred_at) values ('test.convert', 'SUCCESS', 'Test', '"marker-7f3a"', now()) returning id, action`,
      );
    const ctx = { em: em.fork() } as never;
    const fragments = RawQueryFragment.checkCacheSize();
    for (let i = 0; i < 3; i++) {
      const where = { [raw('lower(r.action)')]: 'test.convert', detail: 'marker-7f3a' };
      expect(await readOne<AuditEvent>(ctx, { entity: AuditEvent, where: where as never, selection: fieldsSelection('id') })).toMatchObject({ id: String(event.id) });
    }
    expect(RawQueryFragment.checkCacheSize()).toBe(fragments);
  });
});
