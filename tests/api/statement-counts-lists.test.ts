// Lists read as plain rows (api/common/read-rows.ts, issue 14): each list request costs its page
// AND its total in ONE statement (a count subquery over the same scope, `as "__total"`), whatever the page size, reads only the
// columns its selection names (never a secret), and gets the same total past the last page (where
// one count statement is allowed, as no row carries the total). The statements of a request are
// counted over those of an empty request ({ __typename }: the session lookup and whatever else every
// request costs), so that this file checks the lists alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type Client, signedIn } from '../helpers/client.js';
import { buildListRows, buildWorld } from '../helpers/factories.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';
import { User } from '../../api/users/user.entity.js';
import { Office } from '../../api/offices/office.entity.js';
import { Application } from '../../api/applications/application.entity.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';
import { Notification } from '../../api/mail/notification.entity.js';

const SMALL = 2;
const LARGE = 25;
const ROWS = 30;

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const as = {} as Record<'city' | 'vendor' | 'staff', Client>;

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  await buildListRows(em, server.secrets, world, ROWS);
  Object.assign(as, await signedIn(server.url, world.users, ['city', 'vendor', 'staff'] as const));
});

afterAll(async () => {
  await server?.close();
});

/** The statements of one request (after an identical warm-up request, so that a once-a-minute session touch is not in it). */
async function statementsOf(client: Client, query: string, variables: Record<string, unknown> = {}) {
  await client.ok(query, variables);
  server.sql.reset();
  const data = await client.ok(query, variables);
  return { data, statements: server.sql.statements.map((s) => s.replace(/\s+/g, ' ')) };
}

/** What every request costs before any list (the session): the lists' statements are counted over it. */
async function baseline(client: Client) {
  return (await statementsOf(client, '{ __typename }')).statements.length;
}

interface ListCase {
  name: string;
  client: () => Client;
  query: string;
  /** The list's table, as the page statement names it. */
  table: string;
  /** Rows in the caller's scope, counted in the database. */
  expectedTotal: () => Promise<number>;
  /** Statements beyond the page (e.g. the audit trail's names of its rows). */
  extra?: number;
}

const cases: ListCase[] = [
  {
    name: 'users with office → municipality (CITY)',
    client: () => as.city,
    query: `query($page: PageInput) { users(page: $page, sort: { field: nameKana, order: ASC }) { total items { id loginId name status twoFactorEnabled locked lastSignInAt office { id name municipality { name } } municipality { name } } } }`,
    table: 'app_user',
    expectedTotal: () => em.fork().count(User, { municipality: world.city.id }),
  },
  {
    name: 'users (VENDOR)',
    client: () => as.vendor,
    query: `query($page: PageInput) { users(page: $page) { total items { id name office { name } } } }`,
    table: 'app_user',
    expectedTotal: () => em.fork().count(User, {}),
  },
  {
    name: 'offices (CITY)',
    client: () => as.city,
    query: `query($page: PageInput) { offices(page: $page) { total items { id name kind status createdAt municipality { name } } } }`,
    table: 'office',
    expectedTotal: () => em.fork().count(Office, { municipality: world.city.id }),
  },
  {
    name: 'applications with office and municipality (CITY)',
    client: () => as.city,
    query: `query($page: PageInput) { applications(page: $page) { total items { id type state receiptNumber submittedAt allowedActions office { id name } municipality { name } } } }`,
    table: 'application',
    expectedTotal: () => em.fork().count(Application, { municipality: world.city.id }),
  },
  {
    name: 'audit events (CITY): the page, then one statement for the names',
    client: () => as.city,
    query: `query($page: PageInput) { auditEvents(page: $page) { total items { id action actionLabel outcome occurredAt actorLoginId targetName } } }`,
    table: 'audit_event',
    expectedTotal: () => em.fork().count(AuditEvent, { municipalityId: world.city.id }),
    extra: 1,
  },
  {
    name: 'notifications (CITY)',
    client: () => as.city,
    query: `query($page: PageInput) { notifications(page: $page) { total items { id kind to subject status attempts createdAt } } }`,
    table: 'notification',
    expectedTotal: () => em.fork().count(Notification, { municipalityId: world.city.id }),
  },
  {
    name: 'directory (an office member)',
    client: () => as.staff,
    query: `query($page: PageInput) { directory(page: $page) { total items { id name nameKana jobType officeId officeName } } }`,
    table: 'app_user',
    expectedTotal: () => em.fork().count(User, { municipality: world.city.id, role: Role.OFFICE, status: UserStatus.ACTIVE }),
  },
];

describe('a list request reads its page and its total in one statement', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const client = c.client();
      const base = await baseline(client);
      const total = await c.expectedTotal();
      expect(total, 'enough rows for a full large page').toBeGreaterThan(LARGE);
      for (const perPage of [SMALL, LARGE]) {
        const { data, statements } = await statementsOf(client, c.query, { page: { page: 1, perPage } });
        const list = Object.values(data)[0] as { items: unknown[]; total: number };
        expect(list.items).toHaveLength(perPage);
        expect(list.total).toBe(total);
        const pages = statements.filter((s) => /as "__total"/.test(s));
        expect(pages, 'one statement carries the page and its total').toHaveLength(1);
        expect(pages[0]).toMatch(new RegExp(`from "${c.table}"`));
        expect(
          statements.filter((s) => /select count\(\*\)/.test(s) && !/as "__total"/.test(s)),
          'no separate count',
        ).toEqual([]);
        // the same number of statements at 2 and at 25 rows: nothing per row (no N+1)
        expect({ perPage, statements: statements.length - base, log: statements }).toEqual({ perPage, statements: 1 + (c.extra ?? 0), log: statements });
      }
    });
  }

  it('past the last page: no rows, the same total (one count statement more)', async () => {
    for (const c of cases) {
      const client = c.client();
      const base = await baseline(client);
      const { data, statements } = await statementsOf(client, c.query, { page: { page: 1000, perPage: LARGE } });
      const list = Object.values(data)[0] as { items: unknown[]; total: number };
      expect({ name: c.name, items: list.items.length, total: list.total }).toEqual({ name: c.name, items: 0, total: await c.expectedTotal() });
      expect({ name: c.name, statements: statements.length - base }).toEqual({ name: c.name, statements: 2 });
    }
  });
});

describe("how a page's total is counted", () => {
  it('a scope without a search: a count subquery, so the page is an index scan of its own rows', async () => {
    const { statements } = await statementsOf(as.city, `{ users(page: { page: 1, perPage: 5 }) { total items { id } } }`);
    const page = statements.find((s) => /as "__total"/.test(s))!;
    expect(page).toMatch(/\(select count\(\*\) as "count" from "app_user" as "r" where .*\) as "__total"/);
    expect(page).not.toMatch(/over \(\)/);
  });

  it('a search: counted over the matches the page found (the search runs once)', async () => {
    const { data, statements } = await statementsOf(as.city, `{ users(filter: { q: "${world.users.staff.user.name.slice(0, 3)}" }, page: { page: 1, perPage: 1 }) { total items { id } } }`);
    const page = statements.find((s) => /as "__total"/.test(s))!;
    expect(page).toMatch(/count\(\*\) over \(\) as "__total"/);
    expect(page.match(/ilike/g)).toHaveLength(1);
    expect(data.users.total).toBeGreaterThanOrEqual(1);
  });
});

describe('a list reads only the columns its selection names', () => {
  it('users: { id name } reads neither the login ID, the e-mail nor the office, and never a secret', async () => {
    const { statements } = await statementsOf(as.city, `{ users(page: { page: 1, perPage: 5 }) { total items { id name } } }`);
    const page = statements.find((s) => /as "__total"/.test(s))!;
    expect(page).toMatch(/"name"/);
    for (const column of ['login_id', 'email', 'office', 'password_hash', 'totp_secret', 'failed_sign_ins']) expect(page).not.toContain(column);
  });

  it('users with office { name }: the office comes as JSON from the same statement', async () => {
    const { data, statements } = await statementsOf(as.city, `{ users(filter: { officeId: "${world.office.id}" }, page: { page: 1, perPage: 5 }) { items { id office { id name } } } }`);
    const page = statements.find((s) => /as "__total"/.test(s))!;
    expect(page).toMatch(/json_build_object\('id', .*'name'/);
    expect(statements.filter((s) => /from "office"/.test(s) && !/as "__total"/.test(s))).toEqual([]);
    for (const u of data.users.items) expect(u.office).toEqual({ id: world.office.id, name: world.office.name });
  });

  it('a detail read (user, office, application) is one statement of the selected columns', async () => {
    const base = await baseline(as.city);
    const app = await em.fork().findOneOrFail(Application, { municipality: world.city.id }, { orderBy: { id: 'asc' } });
    for (const [query, table] of [
      [`{ user(id: "${world.users.staff.user.id}") { id name office { name } } }`, 'app_user'],
      [`{ office(id: "${world.office.id}") { id name municipality { name } } }`, 'office'],
      // an account form: no patient data, so no read-log row
      [`{ application(id: "${app.id}") { id state summary office { name } allowedActions } }`, 'application'],
    ] as const) {
      const { statements } = await statementsOf(as.city, query);
      expect({ query, statements: statements.length - base }).toEqual({ query, statements: 1 });
      expect(statements.at(-1)).toMatch(new RegExp(`from "${table}"`));
      expect(statements.at(-1)).not.toContain('login_id');
    }
  });
});

describe('short lists and counts as plain rows', () => {
  it('applicationCounts: one grouped statement, the counts of the rows in scope', async () => {
    const base = await baseline(as.city);
    const { data, statements } = await statementsOf(as.city, '{ applicationCounts { state count } }');
    expect(statements.length - base).toBe(1);
    expect(statements.at(-1)).toMatch(/group by/);
    const apps = await em.fork().find(Application, { municipality: world.city.id });
    for (const { state, count } of data.applicationCounts) expect({ state, count }).toEqual({ state, count: apps.filter((a) => a.state === state).length });
  });

  it('municipalities (VENDOR: all, by code) and the office directory (CITY: active offices of its municipality) in one statement each', async () => {
    const base = await baseline(as.vendor);
    const { data, statements } = await statementsOf(as.vendor, '{ municipalities { id code name } }');
    expect(statements.length - base).toBe(1);
    const codes = data.municipalities.map((m: { code: string }) => m.code);
    expect(codes).toEqual([world.city.code, world.otherCity.code].sort());
    const dir = await statementsOf(as.city, '{ officeDirectory { id name kind } }');
    expect(dir.statements.length - (await baseline(as.city))).toBe(1);
    expect(dir.data.officeDirectory).toHaveLength(await em.fork().count(Office, { municipality: world.city.id, status: 'ACTIVE' as never }));
    expect(dir.data.officeDirectory.map((o: { id: string }) => o.id)).toContain(world.office.id);
    expect(dir.data.officeDirectory.map((o: { id: string }) => o.id)).not.toContain(world.otherCityOffice.id);
  });
});
