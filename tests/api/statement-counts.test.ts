// SQL statements per request must not grow with the page size (no N+1): every list query, with the
// fields the panel and the benchmark ask for, is counted at 2 and at 25 rows per page. The
// benchmark (npm run bench) measures the same thing on a big dataset; this keeps it true in CI.
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type Client, signedIn } from '../helpers/client.js';
import { buildListRows, buildPost, buildRoom, buildWorld } from '../helpers/factories.js';
import { PostKind, type Post } from '../../api/posts/post.entity.js';
import type { Room } from '../../api/rooms/room.entity.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';

const SMALL = 2;
const LARGE = 25;
const ROWS = 30; // more than LARGE of everything, so the large page is really full

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let rooms: Room[];
let posts: Post[];
const as = {} as Record<'city' | 'vendor' | 'staff', Client>;

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  const { city, office, otherOffice } = world;
  const { staff, otherOfficeStaff, officeAdmin } = world.users;
  await buildListRows(em, server.secrets, world, ROWS);
  rooms = [];
  for (let i = 0; i < ROWS; i++) {
    rooms.push(
      await buildRoom(em, {
        municipality: city,
        explainingOffice: office,
        coveredOffices: [office, otherOffice],
        members: [{ user: staff.user }, { user: otherOfficeStaff.user }, { user: officeAdmin.user }],
      }),
    );
  }
  posts = [];
  for (let i = 0; i < ROWS; i++)
    posts.push(await buildPost(em, rooms[0], i % 2 ? staff.user : otherOfficeStaff.user, { kind: i % 3 ? PostKind.NOTE : PostKind.CARE_REPORT, title: i % 3 ? null : '訪問看護' }));
  Object.assign(as, await signedIn(server.url, world.users, ['city', 'vendor', 'staff'] as const));
});

afterAll(async () => {
  await server?.close();
});

/** Statements of one request at this page size (after an identical warm-up request, so the once-a-minute session touch is not in it) and the rows it returned. */
async function counted(client: Client, query: string, variables: Record<string, unknown>, perPage: number) {
  const vars = { ...variables, page: { page: 1, perPage } };
  await client.ok(query, vars);
  server.sql.reset();
  const data = await client.ok(query, vars);
  const statements = server.sql.count;
  const list = Object.values(data)[0] as { items: unknown[]; total: number };
  return { statements, rows: list.items.length, texts: server.sql.statements, log: server.sql.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 160)) };
}

async function expectFlat(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const small = await counted(client, query, variables, SMALL);
  const large = await counted(client, query, variables, LARGE);
  expect(small.rows, 'the small page is full').toBe(SMALL);
  expect(large.rows, 'the large page is full (enough rows built)').toBe(LARGE);
  // on failure, the statements of the large page show which field repeats its query
  expect({ statements: large.statements, log: large.statements > small.statements ? large.log : [] }).toEqual({ statements: small.statements, log: [] });
  // the page's size is in its statement's text and the first page has no OFFSET, so PostgreSQL's
  // generic plan of the prepared statement knows how many rows are wanted (db/rows.ts pageClause)
  const paramPaging = [...small.texts, ...large.texts].filter((t) => /\b(limit|offset)\s+\$\d/i.test(t)).map((t) => t.replace(/\s+/g, ' ').slice(0, 200));
  expect(paramPaging, 'statements with a LIMIT or OFFSET parameter on page 1').toEqual([]);
  expect(
    large.texts.some((t) => new RegExp(`\\blimit (${LARGE}|${LARGE + 1})\\b`, 'i').test(t)),
    'a statement limits the page to its size',
  ).toBe(true);
  return small.statements;
}

const Q = {
  offices: `query($page: PageInput) { offices(page: $page) { total items { id name kind status activeUserCount municipality { name } } } }`,
  users: `query($page: PageInput) { users(page: $page, sort: { field: nameKana, order: ASC }) { total items { id loginId name role status twoFactorEnabled locked office { id name kind status municipality { name } } municipality { name } } } }`,
  applications: `query($page: PageInput) { applications(page: $page) { total items { id type state summary submittedAt allowedActions office { id name } municipality { name } } } }`,
  applicationsWithHistory: `query($page: PageInput) { applications(page: $page) { total items { id state events { action at } attachments { id } } } }`,
  rooms: `query($page: PageInput) { rooms(page: $page) { total items { id name status unreadCount myPermission writable } } }`,
  roomsWithMembers: `query($page: PageInput) { rooms(page: $page) { total items { name members { person { name officeName } } } } }`,
  posts: `query($r: ID!, $page: PageInput) { posts(roomId: $r, page: $page) { total items { id kind title body readCount readByMe author { name officeName } attachments { id } } } }`,
  postReaders: `query($r: ID!, $page: PageInput) { posts(roomId: $r, page: $page) { total items { id readers { readAt person { name officeName } } revisions { id } } } }`,
  auditEvents: `query($page: PageInput) { auditEvents(page: $page) { total items { id action outcome occurredAt actorLoginId targetType targetId } } }`,
  directory: `query($page: PageInput) { directory(page: $page) { total items { id name nameKana jobType officeName } } }`,
  consents: `query($page: PageInput) { consents(page: $page) { total items { id roomName patientName consentDate explainingOfficeName coveredOfficeNames withdrawnAt } } }`,
  notifications: `query($page: PageInput) { notifications(page: $page) { total items { id kind to subject status attempts createdAt } } }`,
  activityOffices: `query($page: PageInput) { activityOffices(month: "2026-10", page: $page) { total items { month officeId officeName posts careReports } } }`,
  rosterOffices: `query($page: PageInput) { rosterOffices(page: $page) { total items { officeId officeName officeKind municipalityName counts { jobType status count } } } }`,
};

describe(`SQL statements per request do not grow with the page size (${SMALL} vs ${LARGE} rows)`, () => {
  it('offices (CITY and VENDOR)', async () => {
    await expectFlat(as.city, Q.offices);
    await expectFlat(as.vendor, Q.offices);
  });

  it('the roster by office, its accounts counted in the page’s statement (CITY and VENDOR)', async () => {
    expect(await expectFlat(as.city, Q.rosterOffices)).toBe(1);
    expect(await expectFlat(as.vendor, Q.rosterOffices)).toBe(1);
  });

  it('a month’s activity by office (CITY and VENDOR)', async () => {
    expect(await expectFlat(as.city, Q.activityOffices)).toBe(1);
    expect(await expectFlat(as.vendor, Q.activityOffices)).toBe(1);
  });

  it('users with office and municipality (CITY and VENDOR)', async () => {
    await expectFlat(as.city, Q.users);
    await expectFlat(as.vendor, Q.users);
  });

  it('applications with office, municipality and allowed actions (CITY)', async () => {
    await expectFlat(as.city, Q.applications);
  });

  it('rooms (CITY, and an office member)', async () => {
    await expectFlat(as.city, Q.rooms);
    await expectFlat(as.staff, Q.rooms);
  });

  it('posts with authors, read counts and attachments (CITY, and a member)', async () => {
    await expectFlat(as.city, Q.posts, { r: rooms[0].id });
    await expectFlat(as.staff, Q.posts, { r: rooms[0].id });
  });

  it('posts with their readers and revisions (the panel’s 既読 list; a member)', async () => {
    // every post corrected once, so that each has a revision to read
    await em.getConnection().execute(`update post set edited_at = now() where room_id = ?`, [rooms[0].id]);
    await em.getConnection().execute(`insert into post_revision (id, post_id, title, body, replaced_at) select gen_random_uuid(), id, title, body, now() from post where room_id = ?`, [rooms[0].id]);
    await expectFlat(as.staff, Q.postReaders, { r: rooms[0].id });
  });

  it('audit events (CITY and VENDOR)', async () => {
    await expectFlat(as.city, Q.auditEvents);
    await expectFlat(as.vendor, Q.auditEvents);
  });

  it('directory (CITY, and an office member)', async () => {
    await expectFlat(as.city, Q.directory);
    await expectFlat(as.staff, Q.directory);
  });

  it('the consents register (CITY)', async () => {
    await expectFlat(as.city, Q.consents);
  });

  it('notifications (CITY)', async () => {
    await expectFlat(as.city, Q.notifications);
  });

  it('rooms with members → person (CITY)', async () => {
    await expectFlat(as.city, Q.roomsWithMembers);
  });

  it('applications with their history and attachments (CITY)', async () => {
    await expectFlat(as.city, Q.applicationsWithHistory);
  });
});

/**
 * The statements of one request that read the area's data: without the session's, the audit
 * trail's INSERT and BEGIN/COMMIT (which the fixed cost of a request is about, not the read).
 */
async function dataStatements(client: Client, query: string, variables: Record<string, unknown>) {
  await client.ok(query, variables);
  server.sql.reset();
  await client.ok(query, variables);
  return server.sql.statements
    .map((s) =>
      stripVTControlCharacters(s)
        .replace(/^.*?\[query\]\s*/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => !/^(begin|commit|rollback)\b/i.test(s) && !/\b(from|update|into) "?(session|app_session)"?\b/i.test(s) && !/^insert into "?audit_event"?/i.test(s));
}

/** A total counted from the list's rows, or summed from the counts the writes keep (api/common/read-rows.ts PageRequest.keptTotal). */
const COUNTED = /count\(\*\)/;
const KEPT = /\(select sum\("r"\."n"\) as "count" from "room_count" as "r" where "r"\."municipality_id" = \$\d+\) as "__total"/;

const pageAndTotal = (log: string[], table: string, total = COUNTED) => ({
  // the page's statement carries its total (a count subquery in the same statement)…
  withTotal: log.filter((s) => new RegExp(`from "?${table}"? `).test(s) && total.test(s) && !/^select count\(\*\)/.test(s)).length,
  // …and no statement counts the list on its own
  separateCounts: log.filter((s) => new RegExp(`^select count\\(\\*\\)[^,]* from "?${table}"?`).test(s)),
});

describe('reads of rooms and posts: plain rows, the page and its total in one statement', () => {
  it.each([
    ['rooms (CITY): the total kept', 'city', 'room', Q.rooms, KEPT],
    ['rooms (member)', 'staff', 'room', Q.rooms, COUNTED],
    ['rooms with members (CITY): the total kept', 'city', 'room', Q.roomsWithMembers, KEPT],
    ['posts (CITY)', 'city', 'post', Q.posts, COUNTED],
    ['posts (member)', 'staff', 'post', Q.posts, COUNTED],
    ['consents register (CITY)', 'city', 'consent', Q.consents, COUNTED],
  ] as const)('%s', async (_name, who, table, query, total) => {
    const log = await dataStatements(as[who], query, { r: rooms[0].id, page: { page: 1, perPage: 10 } });
    expect(pageAndTotal(log, table, total)).toEqual({ withTotal: 1, separateCounts: [] });
  });

  it("a whole municipality's rooms (CITY): the total summed from room_count, as many as counting the rooms, by status and past the end; a member's rooms and a search are counted", async () => {
    const query = `query($f: RoomFilter, $page: PageInput) { rooms(filter: $f, page: $page) { total items { id } } }`;
    const [page] = await dataStatements(as.city, query, { page: { page: 1, perPage: 5 } });
    expect(page).toMatch(KEPT);
    expect(page).not.toMatch(COUNTED);
    const [byStatus] = await dataStatements(as.city, query, { f: { status: 'CLOSED' }, page: { page: 1, perPage: 5 } });
    expect(byStatus).toMatch(/from "room_count" as "r" where "r"\."municipality_id" = \$\d+ and "r"\."status" = \$\d+\) as "__total"/);
    for (const [who, f] of [
      ['staff', undefined],
      ['city', { q: rooms[0].name.slice(0, 2) }],
    ] as const) {
      const counted = (await dataStatements(as[who], query, { f, page: { page: 1, perPage: 5 } })).find((s) => /as "__total"/.test(s));
      expect(counted).toMatch(COUNTED);
      expect(counted).not.toMatch(/room_count/);
    }

    // any writer's changes show at once: two rooms closed, one going to closing, straight in SQL
    const sql = (q: string, params: unknown[]) => em.fork().getConnection().execute(q, params);
    const changed = rooms.slice(-3).map((r) => r.id);
    await sql(`update room set status = 'CLOSED', closed_at = now() where id in (?, ?)`, changed.slice(0, 2));
    await sql(`update room set status = 'CLOSING' where id = ?`, changed.slice(2));
    try {
      for (const status of [undefined, 'ACTIVE', 'CLOSING', 'CLOSED']) {
        const [{ n }] = await sql(`select count(*)::int as n from room where municipality_id = ? and status = coalesce(?, status)`, [world.city.id, status ?? null]);
        expect(n).toBe(status === 'CLOSED' ? 2 : status === 'CLOSING' ? 1 : status === 'ACTIVE' ? ROWS - 3 : ROWS);
        for (const pageNo of [1, 99]) {
          const data = await as.city.ok(query, { f: status ? { status } : undefined, page: { page: pageNo, perPage: 5 } });
          expect({ status, pageNo, total: data.rooms.total }).toEqual({ status, pageNo, total: n });
        }
      }
    } finally {
      await sql(`update room set status = 'ACTIVE', closed_at = null where id in (?, ?, ?)`, changed);
    }
  });

  it("offices' totals for whole municipalities (CITY, VENDOR) summed from office_count in the list and the report pages, as many as counting them; an office's own and a search counted", async () => {
    const offices = `query($f: OfficeFilter, $page: PageInput) { offices(filter: $f, page: $page) { total items { id } } }`;
    const pages = [
      [offices, {}],
      [`query($page: PageInput) { rosterOffices(page: $page) { total items { officeId } } }`, {}],
      [`query($m: String!, $page: PageInput) { activityOffices(month: $m, page: $page) { total items { officeId } } }`, { m: '2026-11' }],
    ] as const;
    const countsOffices = /count\(\*\)( over \(\))?[^()]* from "?office"?[ "]/;
    for (const who of ['city', 'vendor'] as const) {
      for (const [query, variables] of pages) {
        const log = await dataStatements(as[who], query, { ...variables, page: { page: 1, perPage: 5 } });
        expect({ who, query, kept: log.some((x) => /\bfrom "?office_count"?/.test(x)), counted: log.filter((x) => countsOffices.test(x)) }).toEqual({ who, query, kept: true, counted: [] });
      }
    }
    for (const [who, f] of [
      ['staff', undefined],
      ['city', { q: world.office.name.slice(0, 2) }],
    ] as const) {
      const log = await dataStatements(as[who], offices, { f, page: { page: 1, perPage: 5 } });
      expect(
        log.some((x) => countsOffices.test(x)),
        log.join('\n'),
      ).toBe(true);
      expect(log.some((x) => /office_count/.test(x))).toBe(false);
    }

    // any writer's changes show at once: an office stopped and one of another kind, straight in SQL
    const sql = (q: string, params: unknown[]) => em.fork().getConnection().execute(q, params);
    const [{ kind }] = await sql(`select kind from office where id = ?`, [world.otherOffice.id]);
    await sql(`update office set status = 'INACTIVE' where id = ?`, [world.otherOffice.id]);
    try {
      for (const [who, municipality] of [
        ['city', world.city.id],
        ['vendor', null],
      ] as const) {
        for (const f of [undefined, { status: 'INACTIVE' }, { kind }, ...(municipality ? [] : [{ municipalityId: world.city.id }])]) {
          const [{ n }] = await sql(
            `select count(*)::int as n from office where municipality_id = coalesce(?::uuid, municipality_id) and municipality_id = coalesce(?::uuid, municipality_id) and status = coalesce(?, status) and kind = coalesce(?, kind)`,
            [municipality, (f as { municipalityId?: string })?.municipalityId ?? null, (f as { status?: string })?.status ?? null, (f as { kind?: string })?.kind ?? null],
          );
          expect(n, 'not vacuous').toBeGreaterThan(0);
          for (const pageNo of [1, 99]) {
            const data = await as[who].ok(offices, { f, page: { page: pageNo, perPage: 5 } });
            expect({ who, f, pageNo, total: data.offices.total }).toEqual({ who, f, pageNo, total: n });
          }
        }
        const roster = await as[who].ok(`{ rosterOffices(page: { page: 1, perPage: 5 }) { total } }`);
        const [{ all }] = await sql(`select count(*)::int as all from office where municipality_id = coalesce(?::uuid, municipality_id)`, [municipality]);
        expect(roster.rosterOffices.total).toBe(all);
      }
    } finally {
      await sql(`update office set status = 'ACTIVE' where id = ?`, [world.otherOffice.id]);
    }
  });

  it('rooms with members and their people: one statement (members as JSON in the page), nothing per member', async () => {
    const log = await dataStatements(as.city, Q.roomsWithMembers, { page: { page: 1, perPage: 10 } });
    expect(log, log.join('\n')).toHaveLength(1);
    expect(log[0]).toMatch(/json_agg/);
    // only what the request selects of the members (person { name officeName }) is built and sent
    expect(log[0]).toMatch(/'person', json_build_object\('id', u\.id, 'name', u\.name, 'officeName', o\.name\)/);
    expect(log[0]).not.toMatch(/'endedReason'|'nameKana'|'createdAt'/);
    const data = await as.city.ok(Q.roomsWithMembers, { page: { page: 1, perPage: 10 } });
    for (const room of data.rooms.items) {
      expect(room.members.map((m: { person: { name: string } }) => m.person.name).sort()).toEqual(
        [world.users.staff.user.name, world.users.otherOfficeStaff.user.name, world.users.officeAdmin.user.name].sort(),
      );
    }
  });

  it('a page past the end still has its total (one count of its own)', async () => {
    const data = await as.city.ok(`query($r: ID!) { posts(roomId: $r, page: { page: 99, perPage: 25 }) { total items { id } } rooms(page: { page: 99, perPage: 25 }) { total items { id } } }`, {
      r: rooms[0].id,
    });
    expect(data).toEqual({ posts: { total: ROWS, items: [] }, rooms: { total: ROWS, items: [] } });
  });

  it('the bench’s room page: the room, its members, its consent and a page of posts with authors and read counts', async () => {
    const query = `query($r: ID!, $page: PageInput) {
      room(id: $r) { name status members { permission fromDate untilDate person { name officeName } } consent { consentDate signer proxyName explainingPersonName withdrawnAt } }
      posts(roomId: $r, page: $page) { items { body author { name officeName } readCount } total } }`;
    const small = await dataStatements(as.staff, query, { r: rooms[0].id, page: { page: 1, perPage: SMALL } });
    const large = await dataStatements(as.staff, query, { r: rooms[0].id, page: { page: 1, perPage: LARGE } });
    // the room (with the viewer's membership, its members with their people, its consent, and its
    // access-log rows), the posts page with authors and read counts (and its log row)
    expect(large, large.join('\n')).toHaveLength(2);
    expect(small).toHaveLength(2);
    expect(large[0]).toMatch(/^with detail as materialized .*json_agg.*from consent c.*insert into audit_event.*insert into audit_event/);
    expect(large[1]).toMatch(/^with page as .*insert into audit_event/);
  });

  it('a deep page of posts (sorted, offset) is one statement: the room check, the page, its total and its log', async () => {
    const query = `query($r: ID!, $page: PageInput) { posts(roomId: $r, sort: { field: createdAt, order: DESC }, page: $page) { items { id kind title body createdAt author { name officeName } readCount } total } }`;
    const log = await dataStatements(as.city, query, { r: rooms[0].id, page: { page: 3, perPage: 5 } });
    expect(log, log.join('\n')).toHaveLength(1);
    expect(log[0]).toMatch(/^with detail as materialized .* page as .*exists \(select 1 from detail\).*insert into audit_event/);
    expect(pageAndTotal(log, 'post')).toEqual({ withTotal: 1, separateCounts: [] });
  });

  it('a deep page of posts walks the skipped posts in the index and reads only its own rows (a deferred join), and pages through exactly the list, each order and filter', async () => {
    const query = `query($r: ID!, $page: PageInput, $sort: PostSort, $f: PostFilter) { posts(roomId: $r, sort: $sort, filter: $f, page: $page) { items { id } total } }`;
    const [deep] = await dataStatements(as.city, query, { r: rooms[0].id, page: { page: 3, perPage: 5 } });
    expect(deep).toMatch(
      /page as \( select p\.id, .* from post p where p\.id in \(select k\.id from post k where k\.room_id = \$\d+ .*order by k\.created_at \w+, k\.id \w+ limit 5 offset \$\d+\) order by p\.created_at/,
    );
    const [first] = await dataStatements(as.city, query, { r: rooms[0].id, page: { page: 1, perPage: 5 } });
    expect(first).not.toMatch(/p\.id in \(select k\.id/);
    for (const order of ['DESC', 'ASC']) {
      for (const f of [undefined, { kind: 'CARE_REPORT' }, { kind: 'NOTE' }]) {
        const vars = { r: rooms[0].id, sort: { field: 'createdAt', order }, f };
        const all = await as.city.ok(query, { ...vars, page: { page: 1, perPage: 100 } });
        const paged: string[] = [];
        for (let page = 1; page <= Math.ceil(all.posts.total / 4) + 1; page++) {
          const data = await as.city.ok(query, { ...vars, page: { page, perPage: 4 } });
          expect(data.posts.total).toBe(all.posts.total);
          paged.push(...data.posts.items.map((p: { id: string }) => p.id));
        }
        expect(all.posts.items.length, 'not vacuous').toBeGreaterThan(4);
        expect({ order, f, paged }).toEqual({ order, f, paged: all.posts.items.map((p: { id: string }) => p.id) });
      }
    }
  });

  it('a page of posts writes its access-log row (naming the posts it read) in its own statement', async () => {
    const query = `query($r: ID!, $page: PageInput) { posts(roomId: $r, sort: { field: createdAt, order: DESC }, page: $page, filter: { kind: NOTE }) { items { id } total } }`;
    const variables = { r: rooms[0].id, page: { page: 2, perPage: 3 } };
    await as.staff.ok(query, variables);
    const since = new Date();
    server.sql.reset();
    const data = await as.staff.ok(query, variables);
    const statements = server.sql.statements.filter((s) => !/^(begin|commit)\b|"session"|"app_user"/.test(s));
    // the room check, then the page with its log: no INSERT of its own
    expect(statements.filter((s) => /insert into "audit_event"/.test(s))).toEqual([]); // Audit#recordRead's own INSERT
    expect(statements.filter((s) => /with detail as materialized .*page as .*insert into audit_event/s.test(s))).toHaveLength(1);
    const [row] = await em
      .fork()
      .getConnection()
      .execute(`select action, room_id, patient_id, actor_id, detail from audit_event where action = 'post.list' and actor_id = ? and occurred_at >= ? order by occurred_at desc limit 1`, [
        world.users.staff.user.id,
        since,
      ]);
    expect(row).toMatchObject({ room_id: rooms[0].id, patient_id: rooms[0].patient.id, actor_id: world.users.staff.user.id });
    expect(row.detail).toEqual({ postIds: data.posts.items.map((p: { id: string }) => p.id), filter: { kind: 'NOTE' } });
    expect(data.posts.items).toHaveLength(3);
  });

  it('roomVitals: the room check and one statement, whatever the number of care reports', async () => {
    const log = await dataStatements(as.staff, `query($r: ID!) { roomVitals(roomId: $r) { id createdAt title vitals { pulse } author { name } } }`, { r: rooms[0].id });
    expect(log).toHaveLength(2);
  });
});

describe('reads of patient data are logged in few statements', () => {
  it('a room page: every read has its audit row, the reads of one turn share one INSERT', async () => {
    const query = `query($r: ID!) { room(id: $r) { name consent { id } patient { id } } posts(roomId: $r) { total items { id } } }`;
    await as.staff.ok(query, { r: rooms[1].id });
    const before = await em.fork().count(AuditEvent, { actorId: world.users.staff.user.id, roomId: rooms[1].id });
    server.sql.reset();
    await as.staff.ok(query, { r: rooms[1].id });
    const inserts = server.sql.statements.filter((s) => /insert into "audit_event"/.test(s)).length;
    const rows = await em.fork().find(AuditEvent, { actorId: world.users.staff.user.id, roomId: rooms[1].id }, { orderBy: { occurredAt: 'desc' }, limit: 4 });
    const after = await em.fork().count(AuditEvent, { actorId: world.users.staff.user.id, roomId: rooms[1].id });
    expect(after - before).toBe(4); // the room, its consent, its patient, its posts
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['room.read', 'consent.read', 'patient.read', 'post.list']));
    expect(inserts).toBeLessThan(4);
  });
});
