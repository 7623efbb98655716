// Reports against a known dataset (exact figures), each report's scope per role, API tokens'
// life cycle, and the audit trail's queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildApplication, buildMunicipality, buildOffice, buildPost, buildRoom, buildUser, buildWorld } from '../helpers/factories.js';
import { ApplicationState } from '../../api/applications/application.enums.js';
import { PostKind } from '../../api/posts/post.entity.js';
import { Role } from '../../api/users/user.enums.js';
import { todayInTokyo } from '../../api/common/dates.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const as = {} as Record<'staff' | 'officeAdmin' | 'city' | 'otherCity' | 'vendor', Client>;
const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  // a leaver whose stop date has passed counts as STOPPED even before the nightly job
  const leaver = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office });
  await sql(`update app_user set stop_date = ? where id = ?`, [todayInTokyo(new Date(Date.now() - 86_400_000)), leaver.user.id]);

  // rooms: one opened in September and closed in October, one opened in October, still open
  const { office, otherOffice } = world;
  const { staff, officeAdmin, otherOfficeStaff } = world.users;
  const r1 = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: office, coveredOffices: [office], members: [{ user: staff.user }] });
  const r2 = await buildRoom(em.fork(), {
    municipality: world.city,
    explainingOffice: office,
    coveredOffices: [office, otherOffice],
    members: [{ user: staff.user }, { user: officeAdmin.user }, { user: otherOfficeStaff.user }],
  });
  await sql(`update room set created_at = '2026-09-10T10:00:00+09:00', status = 'CLOSED', closed_at = '2026-10-05T10:00:00+09:00' where id = ?`, [r1.id]);
  await sql(`update room set created_at = '2026-10-20T10:00:00+09:00' where id = ?`, [r2.id]);
  // activity in October: the service office 2 posts (1 care report), the clinic 1
  for (const [author, kind] of [
    [staff, PostKind.CARE_REPORT],
    [officeAdmin, PostKind.NOTE],
    [otherOfficeStaff, PostKind.NOTE],
  ] as const) {
    const p = await buildPost(em.fork(), r2, author.user, { kind, title: kind === PostKind.CARE_REPORT ? '訪問看護' : null });
    await sql(`update post set created_at = '2026-10-21T09:00:00+09:00' where id = ?`, [p.id]);
  }
  // applications with known step times: forwarded after 2 and 4 days, completed after 5 and 10
  for (const [fwd, done] of [
    [2, 5],
    [4, 10],
  ]) {
    const a = await buildApplication(em.fork(), { office, applicant: officeAdmin.user, state: ApplicationState.COMPLETED });
    const t0 = new Date('2026-10-01T00:00:00Z').getTime();
    for (const [action, days] of [
      ['SUBMIT', 0],
      ['FORWARD', fwd],
      ['COMPLETE', done],
    ] as const)
      await sql(`insert into application_event (id, application_id, action, to_state, actor_name, at) values (gen_random_uuid(), ?, ?, 'SUBMITTED', 'テスト', ?)`, [
        a.id,
        action,
        new Date(t0 + days * 86_400_000),
      ]);
  }
  await buildApplication(em.fork(), { office: world.otherCityOffice, applicant: world.users.otherCityStaff.user });

  for (const k of ['staff', 'officeAdmin', 'city', 'otherCity', 'vendor'] as const) {
    as[k] = new Client(server.url);
    await as[k].signIn(world.users[k].loginId, world.users[k].password, world.users[k].totpSecret!);
  }
});
afterAll(() => server.close());

describe('reports (exact figures on a known dataset)', () => {
  it('roster: accounts by office, kind, job type and status, with the headcount', async () => {
    const r = (await as.city.ok(`{ rosterReport { activeHeadcount totals { status count } rows { officeName officeKind jobType status count } } }`)).rosterReport;
    expect(r.rows).toEqual([
      { officeName: null, officeKind: null, jobType: 'ADMINISTRATOR', status: 'ACTIVE', count: 1 },
      ...[
        { officeName: world.office.name, officeKind: 'SERVICE', jobType: 'NURSE', status: 'ACTIVE', count: 2 },
        { officeName: world.office.name, officeKind: 'SERVICE', jobType: 'NURSE', status: 'STOPPED', count: 1 },
        { officeName: world.otherOffice.name, officeKind: 'MEDICAL', jobType: 'NURSE', status: 'ACTIVE', count: 1 },
      ].sort((a, b) => (a.officeName < b.officeName ? -1 : 1)),
    ]);
    expect(r.activeHeadcount).toBe(4);
    expect(r.totals.sort((a: { status: string }, b: { status: string }) => a.status.localeCompare(b.status))).toEqual([
      { status: 'ACTIVE', count: 4 },
      { status: 'STOPPED', count: 1 },
    ]);
    // scope: the office admin sees its office; the vendor all municipalities
    const mine = (await as.officeAdmin.ok(`{ rosterReport { activeHeadcount rows { officeName } } }`)).rosterReport;
    expect(mine.activeHeadcount).toBe(2);
    expect(new Set(mine.rows.map((x: { officeName: string }) => x.officeName))).toEqual(new Set([world.office.name]));
    expect((await as.vendor.ok(`{ rosterReport { activeHeadcount } }`)).rosterReport.activeHeadcount).toBe(7);
    expect((await as.otherCity.ok(`{ rosterReport { activeHeadcount } }`)).rosterReport.activeHeadcount).toBe(2);
  });

  it('roster: the active accounts by job type agree with the rows, for every scope', async () => {
    for (const k of ['city', 'officeAdmin', 'vendor', 'otherCity'] as const) {
      const r = (await as[k].ok(`{ rosterReport { activeHeadcount activeByJobType { jobType count } rows { jobType status count } } }`)).rosterReport;
      const fromRows = new Map<string, number>();
      for (const row of r.rows) if (row.status === 'ACTIVE') fromRows.set(row.jobType, (fromRows.get(row.jobType) ?? 0) + row.count);
      const byJob = Object.fromEntries(r.activeByJobType.map((j: { jobType: string; count: number }) => [j.jobType, j.count]));
      expect(byJob, k).toEqual(Object.fromEntries(fromRows));
      // home asks without the rows: the same figures
      const home = (await as[k].ok(`{ rosterReport { activeHeadcount activeByJobType { jobType count } } }`)).rosterReport;
      expect(home, k).toEqual({ activeHeadcount: r.activeHeadcount, activeByJobType: r.activeByJobType });
    }
    expect((await as.city.ok(`{ rosterReport { activeByJobType { jobType count } } }`)).rosterReport.activeByJobType).toEqual([
      { jobType: 'ADMINISTRATOR', count: 1 },
      { jobType: 'NURSE', count: 3 },
    ]);
  });

  it('reports compute only the parts a request selects (home asks for the headcounts and the months)', async () => {
    const statements = async (query: string) => {
      await as.city.ok(query); // warm: the session's once-a-minute touch is not counted
      server.sql.reset();
      await as.city.ok(query);
      return server.sql.statements.filter((q) => /\bfrom (app_user|room|application) \w+\b/.test(q));
    };
    expect(await statements(`{ roomsReport { months { month } } }`)).toHaveLength(1);
    expect(await statements(`{ roomsReport { months { month } membersPerRoom { rooms } roomsPerOffice { rooms } } }`)).toHaveLength(3);
    const headcounts = await statements(`{ rosterReport { activeHeadcount activeByJobType { count } } }`);
    expect(headcounts).toHaveLength(1);
    expect(headcounts[0], 'the headcounts are counted without the offices').not.toMatch(/join office/);
    expect(await statements(`{ applicationsReport { counts { count } } }`)).toHaveLength(1);
    expect(await statements(`{ applicationsReport { counts { count } durations { count } } }`)).toHaveLength(2);
  });

  it('rooms: the months agree with counting every room anew for each month, over rooms opened and closed across two years', async () => {
    // a municipality of its own (the exact figures above stay), read by VENDOR, whose report counts every municipality
    const town = await buildMunicipality(em.fork());
    const townOffice = await buildOffice(em.fork(), town);
    for (let i = 0; i < 24; i++) {
      const room = await buildRoom(em.fork(), { municipality: town, explainingOffice: townOffice, coveredOffices: [townOffice], members: [] });
      // opened on day 37·i of a two-year span; every third closed 20·(i mod 5) days later (some within their month)
      const opened = new Date(Date.UTC(2024, 10, 30, 15 + (i % 9)) + i * 37 * 86_400_000);
      const closed = i % 3 === 0 ? new Date(opened.getTime() + (i % 5) * 20 * 86_400_000 + 3_600_000) : null;
      await sql(`update room set created_at = ?, closed_at = ?, status = ? where id = ?`, [opened, closed, closed ? 'CLOSED' : 'ACTIVE', room.id]);
    }
    const rooms = await sql(`select created_at, closed_at from room`);
    const tokyoMonth = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
    const first = rooms.map((r) => tokyoMonth(new Date(r.created_at))).sort()[0];
    const months: string[] = [];
    for (let m = first; m <= tokyoMonth(new Date()); ) {
      months.push(m);
      const [y, mo] = m.split('-').map(Number);
      m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
    }
    const expected = months.map((month) => ({
      month,
      opened: rooms.filter((r) => tokyoMonth(new Date(r.created_at)) === month).length,
      closed: rooms.filter((r) => r.closed_at && tokyoMonth(new Date(r.closed_at)) === month).length,
      openAtEnd: rooms.filter((r) => tokyoMonth(new Date(r.created_at)) <= month && !(r.closed_at && tokyoMonth(new Date(r.closed_at)) <= month)).length,
    }));
    expect(expected.some((m) => m.closed > 0 && m.opened > 0 && m.openAtEnd > 1)).toBe(true); // the dataset exercises it
    expect((await as.vendor.ok(`{ roomsReport { months { month opened closed openAtEnd } } }`)).roomsReport.months).toEqual(expected);
  });

  it('rooms: opened, closed and open per month; members per room; rooms per office', async () => {
    const r = (await as.city.ok(`{ roomsReport { months { month opened closed openAtEnd } membersPerRoom { members rooms } roomsPerOffice { officeName rooms } } }`)).roomsReport;
    expect(r.months.slice(0, 3)).toEqual([
      { month: '2026-09', opened: 1, closed: 0, openAtEnd: 1 },
      { month: '2026-10', opened: 1, closed: 1, openAtEnd: 1 },
      { month: '2026-11', opened: 0, closed: 0, openAtEnd: 1 },
    ]);
    expect(r.membersPerRoom).toEqual([{ members: 3, rooms: 1 }]);
    expect(r.roomsPerOffice).toEqual(
      expect.arrayContaining([
        { officeName: world.office.name, rooms: 1 },
        { officeName: world.otherOffice.name, rooms: 1 },
      ]),
    );
    expect((await as.otherCity.ok(`{ roomsReport { months { month } } }`)).roomsReport.months).toEqual([]);
  });

  it('applications: counts by type and state, and median / 90th percentile days per step', async () => {
    const r = (await as.city.ok(`{ applicationsReport { counts { type state count } durations { type step count medianDays p90Days } } }`)).applicationsReport;
    expect(r.counts).toEqual([{ type: 'STAFF_ADDITION', state: 'COMPLETED', count: 2 }]);
    expect(r.durations).toEqual([
      { type: 'STAFF_ADDITION', step: 'FORWARD', count: 2, medianDays: 3, p90Days: 3.8 },
      { type: 'STAFF_ADDITION', step: 'COMPLETE', count: 2, medianDays: 7.5, p90Days: 9.5 },
    ]);
    // the vendor counts every municipality's account forms
    expect((await as.vendor.ok(`{ applicationsReport { counts { state count } } }`)).applicationsReport.counts).toEqual([
      { state: 'COMPLETED', count: 2 },
      { state: 'SUBMITTED', count: 1 },
    ]);
  });

  it('activity: posts and care reports per month per office, counts only', async () => {
    const rows = (await as.city.ok(`{ activityReport { month officeName posts careReports } }`)).activityReport;
    expect(rows).toEqual(
      [
        { month: '2026-10', officeName: world.office.name, posts: 2, careReports: 1 },
        { month: '2026-10', officeName: world.otherOffice.name, posts: 1, careReports: 0 },
      ].sort((a, b) => (a.officeName < b.officeName ? -1 : 1)),
    );
    expect((await as.officeAdmin.ok(`{ activityReport { officeName posts } }`)).activityReport).toEqual([{ officeName: world.office.name, posts: 2 }]);
    expect(codesOf(await as.staff.gql(`{ activityReport { posts } }`))).toEqual(['FORBIDDEN']);
  });
});

describe('API tokens for reporting clients', () => {
  const bearer = (secret: string) => ({
    gql: async (query: string) => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query }) });
      // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer is untyped JSON, asserted with expect()
      return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string; reason?: string } }[] };
    },
  });

  it('create (shown once), use with the owner’s scope, read-only, revoke', async () => {
    const created = (await as.city.ok(`mutation { createApiToken(input: { name: "BIツール", expiresInDays: 30 }) { secret token { id name prefix expiresAt lastUsedAt } } }`)).createApiToken;
    expect(created.secret).toMatch(/^zrt_/);
    expect(created.secret.startsWith(created.token.prefix)).toBe(true);
    const listed = (await as.city.ok(`{ apiTokens { id name prefix lastUsedAt } }`)).apiTokens;
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const [row] = await sql(`select token_hash from api_token where id = ?`, [created.token.id]);
    expect(row.token_hash).not.toContain(created.secret);

    const client = bearer(created.secret);
    const report = await client.gql(`{ rosterReport { activeHeadcount } }`);
    expect(report.data.rosterReport.activeHeadcount).toBe(4); // 水戸市 only: the owner's scope
    expect((await as.city.ok(`{ apiTokens { lastUsedAt } }`)).apiTokens[0].lastUsedAt).toBeTruthy();
    const write = await client.gql(`mutation { setDefaultCareReportTitles(titles: ["x"]) { id } }`);
    expect(write.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY_TOKEN' });
    const manage = await client.gql(`{ apiTokens { id } }`);
    expect(manage.errors![0].extensions!.code).toBe('FORBIDDEN');

    await as.city.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.token.id });
    const after = await client.gql(`{ rosterReport { activeHeadcount } }`);
    expect(after.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
  });

  it('stops working when it expires or its owner is stopped; office accounts cannot hold one', async () => {
    const mk = async (c: Client) => (await c.ok(`mutation { createApiToken(input: { name: "t", expiresInDays: 1 }) { secret token { id } } }`)).createApiToken;
    const expiring = await mk(as.vendor);
    expect((await bearer(expiring.secret).gql(`{ roomCounts { count } }`)).data.roomCounts).toBeDefined();
    await sql(`update api_token set expires_at = now() - interval '1 second' where id = ?`, [expiring.token.id]);
    expect((await bearer(expiring.secret).gql(`{ roomCounts { count } }`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const owner = await buildUser(em.fork(), server.secrets, { role: Role.CITY, municipality: world.city });
    const c = new Client(server.url);
    await c.signIn(owner.loginId, owner.password, owner.totpSecret!);
    const t = await mk(c);
    expect((await bearer(t.secret).gql(`{ rosterReport { activeHeadcount } }`)).data).toBeTruthy();
    await sql(`update app_user set status = 'STOPPED' where id = ?`, [owner.user.id]);
    expect((await bearer(t.secret).gql(`{ rosterReport { activeHeadcount } }`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(codesOf(await as.officeAdmin.gql(`mutation { createApiToken(input: { name: "x", expiresInDays: 1 }) { secret } }`))).toEqual(['FORBIDDEN']);
  });
});

describe('the audit trail', () => {
  it('filters by actor, action, patient and date; VENDOR sees account and sign-in events only', async () => {
    const signIns = (await as.city.ok(`query($a: ID) { auditEvents(filter: { actorId: $a, action: "auth." }) { total items { action outcome actorLoginId } } }`, { a: world.users.staff.user.id }))
      .auditEvents;
    expect(signIns.items.map((e: { action: string }) => e.action).sort()).toEqual(['auth.password', 'auth.totp']);
    const today = todayInTokyo();
    expect((await as.city.ok(`{ auditEvents(filter: { from: "${today}", to: "${today}" }) { total } }`)).auditEvents.total).toBeGreaterThan(0);
    expect((await as.city.ok(`{ auditEvents(filter: { to: "2020-01-01" }) { total } }`)).auditEvents.total).toBe(0);
    // a read of patient data by the staff member is found by patient
    const room = (await as.staff.ok(`{ rooms { items { id } } }`)).rooms.items[0];
    await as.staff.ok(`query($id: ID!) { room(id: $id) { patient { name } } }`, { id: room.id });
    const [{ patient_id }] = await sql(`select patient_id from room where id = ?`, [room.id]);
    const byPatient = (await as.city.ok(`query($p: ID) { auditEvents(filter: { patientId: $p }) { items { action actorId } } }`, { p: patient_id })).auditEvents.items;
    expect(byPatient.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['room.read', 'patient.read']));
    const vendorView = (await as.vendor.ok(`{ auditEvents(page: { perPage: 1000 }) { items { action patientId } } }`)).auditEvents.items;
    expect(vendorView.length).toBeGreaterThan(0);
    for (const e of vendorView) {
      expect(e.patientId).toBeNull();
      expect(e.action).toMatch(/^(auth|user|office|municipality|activation|token)\./);
    }
    expect((await as.otherCity.ok(`query($p: ID) { auditEvents(filter: { patientId: $p }) { total } }`, { p: patient_id })).auditEvents.total).toBe(0);
  });

  it('records refused attempts, with who tried', async () => {
    expect(codesOf(await as.staff.gql(`query Snoop { auditEvents { total } }`))).toEqual(['FORBIDDEN']);
    const [e] = await sql(`select outcome, detail from audit_event where action = 'authz.denied' and actor_id = ? order by id desc limit 1`, [world.users.staff.user.id]);
    expect(e.outcome).toBe('DENIED');
    expect(e.detail).toMatchObject({ operationName: 'Snoop', paths: ['auditEvents'] });
  });
});
