// Reports against a known dataset (exact figures), each report's scope per role, API tokens'
// life cycle, and the audit trail's queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf, signedIn } from '../helpers/client.js';
import { buildApplication, buildMunicipality, buildOffice, buildPost, buildRoom, buildUser, buildWorld } from '../helpers/factories.js';
import { ApplicationState } from '../../api/applications/application.enums.js';
import { PostKind } from '../../api/posts/post.entity.js';
import { Role } from '../../api/users/user.enums.js';
import { todayInTokyo } from '../../api/common/dates.js';
import { planNodes, planTools, type PlanNode } from '../helpers/sql-plans.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const as = {} as Record<'staff' | 'officeAdmin' | 'city' | 'otherCity' | 'vendor', Client>;
const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);
/** Offices as the reports page them: by フリガナ, then id. */
const byKanaThenId = <T extends { nameKana?: string | null; id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => {
    const [x, y] = [a.nameKana ?? '', b.nameKana ?? ''];
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
  });

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
    const day = (d: number) => new Date(t0 + d * 86_400_000);
    await sql(`update application set first_submitted_at = ?, submitted_at = ?, forwarded_at = ?, completed_at = ? where id = ?`, [day(0), day(0), day(fwd), day(done), a.id]);
  }
  await buildApplication(em.fork(), { office: world.otherCityOffice, applicant: world.users.otherCityStaff.user });

  Object.assign(as, await signedIn(server.url, world.users, ['staff', 'officeAdmin', 'city', 'otherCity', 'vendor'] as const));
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

  it('roster by office: a page of offices by フリガナ with their accounts, the total, each scope', async () => {
    const q = `query($page: PageInput) { rosterOffices(page: $page) { total items { municipalityName officeId officeName officeKind counts { jobType status count } } } }`;
    const page = async (who: Client, n: number, perPage: number) => (await who.ok(q, { page: { page: n, perPage } })).rosterOffices;
    const byKana = byKanaThenId([world.office, world.otherOffice]);
    const counts = {
      [world.office.id]: [
        { jobType: 'NURSE', status: 'ACTIVE', count: 2 },
        { jobType: 'NURSE', status: 'STOPPED', count: 1 }, // the leaver past their stop date
      ],
      [world.otherOffice.id]: [{ jobType: 'NURSE', status: 'ACTIVE', count: 1 }],
    };
    const expected = byKana.map((o) => ({ municipalityName: '水戸市', officeId: o.id, officeName: o.name, officeKind: o.kind, counts: counts[o.id] }));
    expect(await page(as.city, 1, 25)).toEqual({ total: 2, items: expected });
    // one office per page: the second page holds the second office, past the end none but the total
    expect(await page(as.city, 2, 1)).toEqual({ total: 2, items: [expected[1]] });
    expect(await page(as.city, 3, 1)).toEqual({ total: 2, items: [] });
    // an office admin: its own office; the other city: its office; the vendor: every office
    expect(await page(as.officeAdmin, 1, 25)).toEqual({ total: 1, items: [expected.find((o) => o.officeId === world.office.id)] });
    expect((await page(as.otherCity, 1, 25)).items.map((o: { officeId: string }) => o.officeId)).toEqual([world.otherCityOffice.id]);
    expect((await page(as.vendor, 1, 25)).total).toBe(3);
    // office staff who are not admins read no report
    expect(codesOf(await as.staff.gql(q, { page: { page: 1, perPage: 25 } }))).toContain('FORBIDDEN');
    // a page size past the limit is refused before any SQL (by the cost limit, or the page's own)
    expect(codesOf(await as.city.gql(q, { page: { page: 1, perPage: 5000 } }))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codesOf(await as.city.gql(q, { page: { page: 0, perPage: 25 } }))).toEqual(['BAD_USER_INPUT']);
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
    const statements = async (query: string, who: Client = as.city) => {
      await who.ok(query); // warm: the session's once-a-minute touch is not counted
      server.sql.reset();
      await who.ok(query);
      return server.sql.statements.filter((q) =>
        /\bfrom (app_user|room|application|user_headcount|room_month_count|application_count|application_step_count|application_step_day_count|post|post_month_count|post_month_total) \w+\b/.test(q),
      );
    };
    expect(await statements(`{ roomsReport { months { month } } }`)).toHaveLength(1);
    expect(await statements(`{ roomsReport { months { month } membersPerRoom { rooms } roomsPerOffice { rooms } } }`)).toHaveLength(3);
    const headcounts = await statements(`{ rosterReport { activeHeadcount activeByJobType { count } } }`);
    expect(headcounts).toHaveLength(1);
    expect(headcounts[0], 'the headcounts are counted without the offices').not.toMatch(/join office/);
    expect(await statements(`{ applicationsReport { counts { count } } }`)).toHaveLength(1);
    expect(await statements(`{ applicationsReport { counts { count } durations { count } } }`)).toHaveLength(2);
    // home's figures for whole municipalities come from the counts the writes keep, not from the rows
    const home = `{ rosterReport { activeHeadcount activeByJobType { count } } roomsReport { months { month } } }`;
    for (const who of [as.city, as.vendor]) {
      const read = await statements(home, who);
      expect(read.map((q) => q.match(/\bfrom (\w+) \w+\b/)?.[1]).sort()).toEqual(['room_month_count', 'user_headcount']);
    }
    // an office's are counted from its own accounts and rooms
    expect((await statements(home, as.officeAdmin)).map((q) => q.match(/\bfrom (\w+) \w+\b/)?.[1]).sort()).toEqual(['app_user', 'room']);
    // so are the applications report's, for whole municipalities; an office's from its applications
    const applications = `{ applicationsReport { counts { count } durations { count } } }`;
    for (const who of [as.city, as.vendor]) {
      expect((await statements(applications, who)).map((q) => q.match(/\bfrom (\w+) \w+\b/)?.[1])).toEqual(['application_count', 'application_step_day_count']);
    }
    expect((await statements(applications, as.officeAdmin)).map((q) => q.match(/\bfrom (\w+) \w+\b/)?.[1])).toEqual(['application', 'application']);
    // the activity report, for every scope, from the counts kept per office and month (never every post)
    for (const who of [as.city, as.vendor, as.officeAdmin]) {
      expect((await statements(`{ activityReport { posts } }`, who)).map((q) => q.match(/\bfrom (\w+) \w+\b/)?.[1])).toEqual(['post_month_count']);
    }
    // its months for whole municipalities from the totals kept per month (not a row per office), an office's from its own counts
    for (const who of [as.city, as.vendor]) {
      expect((await statements(`{ activityMonths { posts } }`, who)).map((q) => q.match(/\bfrom (\w+) \w+\b/)?.[1])).toEqual(['post_month_total']);
    }
    expect((await statements(`{ activityMonths { posts } }`, as.officeAdmin)).map((q) => q.match(/\bfrom (\w+) \w+\b/)?.[1])).toEqual(['post_month_count']);
  });

  it('the kept counts agree with the rows after every kind of write, and report_counts_rebuild() recounts the same', async () => {
    const town = await buildMunicipality(em.fork());
    const townOffice = await buildOffice(em.fork(), town);
    const other = await buildMunicipality(em.fork());
    const people = [];
    for (let i = 0; i < 8; i++) people.push((await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: townOffice })).user);
    const rooms = [];
    for (let i = 0; i < 6; i++) rooms.push(await buildRoom(em.fork(), { municipality: town, explainingOffice: townOffice, coveredOffices: [townOffice], members: [] }));
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    // accounts: job type, status, stop date (counted while ACTIVE only), moved to another municipality, deleted
    await sql(`update app_user set job_type = 'DOCTOR' where id in (?)`, [ids(people.slice(0, 3))]);
    await sql(`update app_user set status = 'STOPPED', stop_date = '2026-01-31' where id = ?`, [people[3].id]);
    await sql(`update app_user set stop_date = '2099-03-31' where id in (?)`, [ids(people.slice(4, 6))]);
    await sql(`update app_user set stop_date = '2020-03-31' where id = ?`, [people[6].id]); // active, past its stop date: STOPPED today
    await sql(`update app_user set status = 'LOCKED', stop_date = null where id = ?`, [people[5].id]);
    await sql(`update app_user set last_sign_in_at = now(), name = name || '様' where id in (?)`, [ids(people)]); // counts nothing
    await sql(`update app_user set municipality_id = ?, office_id = null where id = ?`, [other.id, people[7].id]);
    await sql(`delete from app_user where id = ?`, [people[0].id]);
    // several rows in one statement (an import): counted per statement, each key once
    await sql(
      `insert into app_user (id, created_at, updated_at, login_id, role, municipality_id, office_id, name, name_kana, job_type, status, stop_date)
       select gen_random_uuid(), now(), now(), 'bulk-' || g || '-' || left(md5(random()::text), 8), 'OFFICE', ?, ?, '一括 ' || g, 'イッカツ',
              (array['NURSE', 'NURSE', 'PHARMACIST', 'CARE_WORKER'])[g], (array['ACTIVE', 'ACTIVE', 'PENDING', 'ACTIVE'])[g], case when g = 4 then date '2099-01-31' end
         from generate_series(1, 4) g`,
      [town.id, townOffice.id],
    );
    await sql(`delete from app_user where id in (?)`, [ids(people.slice(1, 3))]);
    // rooms: closed, reopened, backdated, moved in time across months, deleted
    const at = (iso: string) => new Date(iso);
    await sql(`update room set created_at = ? where id in (?)`, [at('2025-04-30T15:30:00Z'), ids(rooms.slice(0, 3))]); // 2025-05 in Japan
    await sql(`update room set closed_at = ?, status = 'CLOSED' where id in (?)`, [at('2025-06-30T14:59:00Z'), ids(rooms.slice(1, 3))]); // still June in Japan
    await sql(`update room set closed_at = null, status = 'ACTIVE' where id = ?`, [rooms[2].id]);
    await sql(`update room set updated_at = now() where id in (?)`, [ids(rooms)]); // counts nothing
    await sql(`delete from room_member where room_id in (?)`, [ids(rooms.slice(3))]);
    await sql(`delete from room where id in (?)`, [ids(rooms.slice(4))]);
    // several rooms in one statement, across months, one of them closed
    await sql(
      `insert into room (id, created_at, updated_at, municipality_id, patient_id, consent_id, name, status, closed_at)
       select gen_random_uuid(), timestamptz '2025-02-10 12:00+09' + g * interval '20 days', now(), municipality_id, patient_id, consent_id, name, 'ACTIVE',
              case when g = 2 then timestamptz '2025-06-15 12:00+09' end
         from room, generate_series(1, 3) g where id = ?`,
      [rooms[3].id],
    );
    // a room going to closing (room_count: by municipality and status; a room never changes municipality, a trigger refuses it)
    await sql(`update room set status = 'CLOSING' where id = ?`, [rooms[0].id]);
    // offices (office_count: by municipality, kind and status): several in one statement, a kind
    // changed, one stopped, one moved to another municipality, one deleted, a change that counts nothing
    await sql(
      `insert into office
       select (jsonb_populate_record(o, jsonb_build_object('id', gen_random_uuid(), 'name', o.name || g, 'office_number', null, 'kind', (array['MEDICAL', 'SERVICE', 'SERVICE'])[g], 'status', 'ACTIVE'))).*
         from office o, generate_series(1, 3) g where o.id = ?`,
      [townOffice.id],
    );
    const townOffices = (await sql(`select id from office where municipality_id = ? and id <> ? order by name`, [town.id, townOffice.id])) as { id: string }[];
    await sql(`update office set kind = 'CARE_MANAGEMENT' where id = ?`, [townOffices[0].id]);
    await sql(`update office set status = 'INACTIVE' where id = ?`, [townOffices[1].id]);
    await sql(`update office set municipality_id = ? where id = ?`, [other.id, townOffices[2].id]);
    await sql(`update office set name = name || '様', updated_at = now() where municipality_id = ?`, [town.id]);
    await sql(`delete from office where id = ?`, [townOffices[2].id]);

    const keptUsers = `select municipality_id, job_type, status, stop_date::text, sum(n)::int as n from user_headcount where municipality_id in (?) group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`;
    const countedUsers = `select municipality_id, job_type, status, (case when status = 'ACTIVE' then stop_date end)::text as stop_date, count(*)::int as n from app_user where municipality_id in (?) group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
    const keptRooms = `select municipality_id, month::text, opened, closed from room_month_count where municipality_id in (?) and (opened, closed) <> (0, 0) order by 1, 2`;
    const countedRooms = `select municipality_id, month::text, sum(o)::int as opened, sum(c)::int as closed from (
        select municipality_id, date_trunc('month', created_at at time zone 'Asia/Tokyo')::date as month, 1 as o, 0 as c from room
        union all select municipality_id, date_trunc('month', closed_at at time zone 'Asia/Tokyo')::date, 0, 1 from room where closed_at is not null) r
      where municipality_id in (?) group by 1, 2 order by 1, 2`;
    const towns = [[town.id, other.id]];
    const users = await sql(countedUsers, towns);
    const roomsByMonth = await sql(countedRooms, towns);
    expect(users.some((u) => u.stop_date === '2099-03-31') && users.some((u) => u.municipality_id === other.id)).toBe(true); // the writes above show in the rows
    expect(roomsByMonth).toContainEqual({ municipality_id: town.id, month: '2025-06-01', opened: 0, closed: 2 });
    expect(roomsByMonth).toContainEqual({ municipality_id: town.id, month: '2025-03-01', opened: 2, closed: 0 });
    expect(await sql(keptUsers, towns)).toEqual(users);
    expect(await sql(keptRooms, towns)).toEqual(roomsByMonth);
    const keptRoomStatus = `select municipality_id, status, n from room_count where municipality_id in (?) and n <> 0 order by 1, 2`;
    const roomsByStatus = await sql(`select municipality_id, status, count(*)::int as n from room where municipality_id in (?) group by 1, 2 order by 1, 2`, towns);
    expect(roomsByStatus).toContainEqual({ municipality_id: town.id, status: 'CLOSING', n: 1 });
    expect(roomsByStatus).toContainEqual({ municipality_id: town.id, status: 'CLOSED', n: 1 });
    expect(await sql(keptRoomStatus, towns)).toEqual(roomsByStatus);
    const keptOffices = `select municipality_id, kind, status, n from office_count where municipality_id in (?) and n <> 0 order by 1, 2, 3`;
    const officesByKind = await sql(`select municipality_id, kind, status, count(*)::int as n from office where municipality_id in (?) group by 1, 2, 3 order by 1, 2, 3`, towns);
    expect(officesByKind).toContainEqual({ municipality_id: town.id, kind: 'CARE_MANAGEMENT', status: 'ACTIVE', n: 1 });
    expect(officesByKind).toContainEqual({ municipality_id: town.id, kind: 'SERVICE', status: 'INACTIVE', n: 1 });
    expect(officesByKind.some((o) => o.municipality_id === other.id)).toBe(false); // moved there, then deleted
    expect(await sql(keptOffices, towns)).toEqual(officesByKind);

    // the rebuild (the migration's backfill) counts the same, for every municipality
    const everyone = `select municipality_id, job_type, status, stop_date::text, sum(n)::int as n from user_headcount group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`;
    const everyRoom = `select municipality_id, month::text, opened, closed from room_month_count where (opened, closed) <> (0, 0) order by 1, 2`;
    const everyRoomStatus = `select municipality_id, status, n from room_count where n <> 0 order by 1, 2`;
    const everyOffice = `select municipality_id, kind, status, n from office_count where n <> 0 order by 1, 2, 3`;
    const [keptAll, keptAllRooms, keptAllRoomStatus, keptAllOffices] = [await sql(everyone), await sql(everyRoom), await sql(everyRoomStatus), await sql(everyOffice)];
    await sql(`select report_counts_rebuild()`);
    expect(await sql(everyone)).toEqual(keptAll);
    expect(await sql(everyRoom)).toEqual(keptAllRooms);
    expect(await sql(everyRoomStatus)).toEqual(keptAllRoomStatus);
    expect(await sql(everyOffice)).toEqual(keptAllOffices);
    expect(keptAllOffices).toEqual(await sql(`select municipality_id, kind, status, count(*)::int as n from office group by 1, 2, 3 order by 1, 2, 3`));
    expect(keptAllRoomStatus).toEqual(await sql(`select municipality_id, status, count(*)::int as n from room group by 1, 2 order by 1, 2`));
    expect(await sql(keptUsers, towns)).toEqual(users);
  });

  it('the kept counts lose no account written concurrently in the same municipality', async () => {
    const town = await buildMunicipality(em.fork());
    const townOffice = await buildOffice(em.fork(), town);
    const [first, second] = [em.fork(), em.fork()];
    await Promise.all(
      [first, second].map((fork) =>
        fork.transactional(async (tx) => {
          await buildUser(tx, server.secrets, { role: Role.OFFICE, office: townOffice });
          await new Promise((r) => setTimeout(r, 50)); // both hold their new row before either commits
        }),
      ),
    );
    expect(await sql(`select sum(n)::int as n from user_headcount where municipality_id = ?`, [town.id])).toEqual([{ n: 2 }]);
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

  it('applications: the kept counts agree with the rows after every kind of write, and report_counts_rebuild() recounts the same', async () => {
    const town = await buildMunicipality(em.fork());
    const townOffice = await buildOffice(em.fork(), town);
    const other = await buildMunicipality(em.fork());
    const apps = [];
    for (let i = 0; i < 7; i++) apps.push(await buildApplication(em.fork(), { office: townOffice })); // the ORM's inserts
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    const day = (d: number) => new Date(Date.parse('2026-06-01T00:00:00Z') + d * 86_400_000);
    await sql(`update application set state = 'FORWARDED', first_submitted_at = ?, forwarded_at = ? where id in (?)`, [day(0), day(1.26), ids(apps.slice(0, 4))]);
    await sql(`update application set state = 'COMPLETED', completed_at = ? where id in (?)`, [day(3.04), ids(apps.slice(0, 2))]);
    await sql(`update application set first_submitted_at = ? where id = ?`, [day(-0.5), apps[1].id]); // its days change, its state does not
    await sql(`update application set type = 'ID_STOP', state = 'RETURNED' where id = ?`, [apps[4].id]);
    await sql(`update application set municipality_id = ?, office_id = null where id = ?`, [other.id, apps[5].id]);
    await sql(`update application set summary = summary || '。', updated_at = now(), version = version + 1 where id in (?)`, [ids(apps)]); // counts nothing
    await sql(`delete from application where id = ?`, [apps[6].id]);
    // several in one statement (an import), with their steps; then several deleted in one statement
    await sql(
      `insert into application (id, created_at, updated_at, version, municipality_id, type, state, channel, office_id, applicant_name, applicant_email, summary, payload,
                                submitted_at, first_submitted_at, forwarded_at, completed_at)
       select gen_random_uuid(), now(), now(), 1, ?, (array['STAFF_ADDITION', 'ROOM_CREATION'])[1 + g % 2], case when g % 3 = 0 then 'SUBMITTED' else 'COMPLETED' end, 'CITY', ?,
              '一括', 'bulk@example.jp', '一括 ' || g, '{}', t, t, case when g % 2 = 1 and g % 3 <> 0 then t + g * interval '7 hours' end,
              case when g % 3 <> 0 then t + g * interval '1 day' end
         from generate_series(1, 12) g, (select timestamptz '2026-05-01 09:00+09' as t) t0`,
      [town.id, townOffice.id],
    );
    await sql(`delete from application where municipality_id = ? and summary in ('一括 1', '一括 2', '一括 6')`, [town.id]);
    // and through the API: a clerk forwards one (a single UPDATE), returns another (the unit of work)
    const [fwd, ret] = [await buildApplication(em.fork(), { office: townOffice }), await buildApplication(em.fork(), { office: townOffice })];
    const clerk = new Client(server.url);
    const c = await buildUser(em.fork(), server.secrets, { role: Role.CITY, municipality: town });
    await clerk.signIn(c.loginId, c.password, c.totpSecret!);
    await clerk.ok(`mutation($id: ID!) { forwardApplication(id: $id, version: 1) { state } }`, { id: fwd.id });
    await clerk.ok(`mutation($id: ID!) { returnApplication(id: $id, version: 1, comment: "確認してください") { state } }`, { id: ret.id });

    const towns = [[town.id, other.id]];
    const keptCounts = `select municipality_id, type, state, sum(n)::int as n from application_count where municipality_id in (?) group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`;
    const countedCounts = `select municipality_id, type, state, count(*)::int as n from application where municipality_id in (?) group by 1, 2, 3 order by 1, 2, 3`;
    const keptSteps = `select municipality_id, type, step, tenths, sum(n)::int as n from application_step_count where municipality_id in (?) group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`;
    const countedSteps = `select municipality_id, type, step, round(extract(epoch from s.at - first_submitted_at) / 8640)::int as tenths, count(*)::int as n
        from application cross join lateral (values ('FORWARD', forwarded_at), ('COMPLETE', completed_at)) as s(step, at)
       where s.at is not null and municipality_id in (?) group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
    // the same by whole day (the report finds its percentiles' days there)
    const keptDays = `select municipality_id, type, step, days, sum(n)::int as n from application_step_day_count where municipality_id in (?) group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`;
    const countedDays = `select municipality_id, type, step, floor(tenths / 10.0)::int as days, sum(n)::int as n from (${countedSteps}) s group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
    const [counts, steps, days] = [await sql(countedCounts, towns), await sql(countedSteps, towns), await sql(countedDays, towns)];
    // the writes above show in the rows: days to a tenth, a moved application, the API's forward
    expect(steps).toContainEqual({ municipality_id: town.id, type: 'STAFF_ADDITION', step: 'FORWARD', tenths: 13, n: 3 });
    expect(steps).toContainEqual({ municipality_id: town.id, type: 'STAFF_ADDITION', step: 'COMPLETE', tenths: 35, n: 1 });
    expect(counts).toContainEqual({ municipality_id: other.id, type: 'STAFF_ADDITION', state: 'SUBMITTED', n: 1 });
    expect(counts).toContainEqual({ municipality_id: town.id, type: 'STAFF_ADDITION', state: 'RETURNED', n: 1 });
    expect(steps).toContainEqual({ municipality_id: town.id, type: 'STAFF_ADDITION', step: 'FORWARD', tenths: 0, n: 1 }); // the clerk's forward, just now
    expect(await sql(keptCounts, towns)).toEqual(counts);
    expect(await sql(keptSteps, towns)).toEqual(steps);
    expect(days).toContainEqual({ municipality_id: town.id, type: 'STAFF_ADDITION', step: 'FORWARD', days: 1, n: 4 }); // 1.3 days ×3, 1.8 (moved) ×1
    expect(await sql(keptDays, towns)).toEqual(days);

    // the rebuild counts the same, for every municipality
    const everyCount = `select municipality_id, type, state, n from application_count where n <> 0 order by 1, 2, 3`;
    const everyStep = `select municipality_id, type, step, tenths, n from application_step_count where n <> 0 order by 1, 2, 3, 4`;
    const everyDay = `select municipality_id, type, step, days, n from application_step_day_count where n <> 0 order by 1, 2, 3, 4`;
    const [keptAll, keptAllSteps, keptAllDays] = [await sql(everyCount), await sql(everyStep), await sql(everyDay)];
    await sql(`select report_counts_rebuild()`);
    expect(await sql(everyCount)).toEqual(keptAll);
    expect(await sql(everyStep)).toEqual(keptAllSteps);
    expect(await sql(everyDay)).toEqual(keptAllDays);
  });

  it('applications: the median and 90th percentile are percentile_cont of the days rounded to a tenth, for every scope, within 0.05 of the exact days', async () => {
    const town = await buildMunicipality(em.fork());
    const [own, otherOffice] = [await buildOffice(em.fork(), town), await buildOffice(em.fork(), town)];
    // 600 applications of every type with steps spread over hours to weeks, half of them from one office
    await sql(
      `insert into application (id, created_at, updated_at, version, municipality_id, type, state, channel, office_id, applicant_name, applicant_email, summary, payload,
                                submitted_at, first_submitted_at, forwarded_at, completed_at)
       select gen_random_uuid(), now(), now(), 1, ?, type, 'COMPLETED', 'CITY', case when g % 2 = 0 then ?::uuid else ?::uuid end, '分布', 'spread@example.jp', '分布 ' || g, '{}', t, t,
              case when type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP') then t + random() * random() * interval '9 days' end, t + interval '1 day' + random() * interval '30 days'
         from (select g, (array['OFFICE_REGISTRATION', 'STAFF_ADDITION', 'STAFF_ADDITION', 'ID_STOP', 'ROOM_CREATION', 'ROOM_JOIN'])[1 + g % 6] as type,
                      timestamptz '2026-03-01 09:00+09' + random() * interval '200 days' as t from generate_series(1, 600) g) x`,
      [town.id, own.id, otherOffice.id],
    );
    const clerk = new Client(server.url);
    const c = await buildUser(em.fork(), server.secrets, { role: Role.CITY, municipality: town });
    await clerk.signIn(c.loginId, c.password, c.totpSecret!);
    const admin = new Client(server.url);
    const a = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: own, officeAdmin: true });
    await admin.signIn(a.loginId, a.password, a.totpSecret!);

    const percentiles = (days: string, scope: string) => `
      select a.type, s.step, count(*)::int as count,
             round(percentile_cont(0.5) within group (order by ${days})::numeric, 2)::float as "medianDays",
             round(percentile_cont(0.9) within group (order by ${days})::numeric, 2)::float as "p90Days"
        from application a cross join lateral (values ('FORWARD', a.forwarded_at), ('COMPLETE', a.completed_at)) as s(step, at)
       where s.at is not null and ${scope} group by 1, 2 order by 1, 2 desc`;
    const rounded = `round(extract(epoch from s.at - a.first_submitted_at) / 8640) / 10`;
    const exact = `extract(epoch from s.at - a.first_submitted_at) / 86400`;
    const cases = [
      { who: clerk, scope: 'a.municipality_id = ?', params: [town.id] }, // the kept counts
      { who: admin, scope: 'a.office_id = ?', params: [own.id] }, // its office's rows
      { who: as.vendor, scope: `a.type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP')`, params: [] }, // every municipality's account forms
    ];
    for (const { who, scope, params } of cases) {
      const r = (await who.ok(`{ applicationsReport { durations { type step count medianDays p90Days } } }`)).applicationsReport.durations;
      expect(r.length, scope).toBeGreaterThanOrEqual(3);
      expect(r, scope).toEqual(await sql(percentiles(rounded, scope), params));
      const precise = await sql(percentiles(exact, scope), params);
      r.forEach((d: { medianDays: number; p90Days: number }, i: number) => {
        expect(Math.abs(d.medianDays - precise[i].medianDays), scope).toBeLessThanOrEqual(0.051);
        expect(Math.abs(d.p90Days - precise[i].p90Days), scope).toBeLessThanOrEqual(0.051);
      });
    }
    const town6 = (await clerk.ok(`{ applicationsReport { durations { count } } }`)).applicationsReport.durations;
    expect(town6.map((d: { count: number }) => d.count).reduce((x: number, y: number) => x + y)).toBe(600 + 400); // every COMPLETE, and FORWARD for the account forms (4 of 6 types drawn)

    // From the kept counts, the durations read the tenths of the days holding the four ranks alone (ten
    // a day at most), not every tenth of the spread: PostgreSQL's own row counts for the statement sent.
    const tools = await planTools(server);
    try {
      const sent = await tools.sql.during(() => clerk.ok(`{ applicationsReport { durations { count } } }`));
      const durations = sent.find((q) => /\bapplication_step_count\b/.test(q.text));
      expect(durations, 'the durations statement').toBeDefined();
      const explained = await tools.db.query({ text: `explain (analyze, format json) ${durations!.text}`, values: durations!.values });
      const nodes = planNodes((explained.rows[0]['QUERY PLAN'] as PlanNode[])[0].Plan);
      const tenthsRead = nodes.filter((n) => n['Relation Name'] === 'application_step_count').reduce((t, n) => t + n['Actual Rows'] * n['Actual Loops'], 0);
      const [{ tenths }] = await sql(`select count(*)::int as tenths from application_step_count where municipality_id = ? and n <> 0`, [town.id]);
      const groups = town6.length; // (type, step) pairs
      expect(tenths, 'the spread fills many tenths').toBeGreaterThan(40 * groups);
      expect(tenthsRead).toBeGreaterThan(0);
      expect(tenthsRead, `${tenthsRead} of ${tenths} tenths read`).toBeLessThanOrEqual(10 * 4 * groups);
    } finally {
      await tools.close();
    }
  });

  it('activity: the kept counts agree with the posts after every kind of write, an author’s move to another office included, and the rebuild recounts the same', async () => {
    const town = await buildMunicipality(em.fork());
    const [clinic, station] = [await buildOffice(em.fork(), town), await buildOffice(em.fork(), town)];
    const nurse = (await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: clinic })).user;
    const doctor = (await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: station })).user;
    const clerk = (await buildUser(em.fork(), server.secrets, { role: Role.CITY, municipality: town })).user;
    const room = await buildRoom(em.fork(), { municipality: town, explainingOffice: clinic, coveredOffices: [clinic, station], members: [{ user: nurse }, { user: doctor }] });
    const posts = [];
    for (const [author, kind] of [
      [nurse, PostKind.CARE_REPORT],
      [nurse, PostKind.NOTE],
      [doctor, PostKind.NOTE],
      [doctor, PostKind.NOTE],
      [clerk, PostKind.NOTE], // no office: not counted, as the report never counted it
    ] as const)
      posts.push(await buildPost(em.fork(), room, author, { kind, title: kind === PostKind.CARE_REPORT ? '訪問看護' : null }));
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    await sql(`update post set created_at = '2026-07-31T15:30:00Z' where id in (?)`, [ids(posts.slice(0, 2))]); // August in Japan
    await sql(`update post set kind = 'CARE_REPORT', title = '訪問看護' where id = ?`, [posts[2].id]);
    await sql(`update post set body = body || '。', edited_at = now() where id in (?)`, [ids(posts)]); // counts nothing
    // several in one statement, across months; then several deleted in one statement
    await sql(
      `insert into post (id, created_at, updated_at, version, room_id, author_id, kind, body)
       select gen_random_uuid(), timestamptz '2026-05-10 09:00+09' + g * interval '12 days', now(), 1, ?, (array[?, ?]::uuid[])[1 + g % 2], 'NOTE', '一括 ' || g
         from generate_series(1, 6) g`,
      [room.id, nurse.id, doctor.id],
    );
    await sql(`delete from post_read where post_id in (select id from post where room_id = ? and body in ('一括 1', '一括 2'))`, [room.id]);
    await sql(`delete from post where room_id = ? and body in ('一括 1', '一括 2')`, [room.id]);
    const kept = `select office_id, month::text, posts, care_reports from post_month_count where municipality_id = ? and posts <> 0 order by 1, 2`;
    const counted = `select u.office_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date::text as month, count(*)::int as posts,
                            (count(*) filter (where p.kind = 'CARE_REPORT'))::int as care_reports
                       from post p join room r on r.id = p.room_id join app_user u on u.id = p.author_id
                      where r.municipality_id = ? and u.office_id is not null group by 1, 2 order by 1, 2`;
    expect(await sql(counted, [town.id])).toContainEqual({ office_id: clinic.id, month: '2026-08-01', posts: 2, care_reports: 1 }); // the writes show in the rows
    expect(await sql(kept, [town.id])).toEqual(await sql(counted, [town.id]));
    // the months' totals: every post of the town's rooms, the clerk's too
    const keptTotals = `select month::text, posts, care_reports from post_month_total where municipality_id = ? and posts <> 0 order by 1`;
    const countedTotals = `select date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date::text as month, count(*)::int as posts,
                                  (count(*) filter (where p.kind = 'CARE_REPORT'))::int as care_reports
                             from post p join room r on r.id = p.room_id where r.municipality_id = ? group by 1 order by 1`;
    expect(await sql(countedTotals, [town.id])).toContainEqual({ month: '2026-08-01', posts: 2, care_reports: 1 });
    expect(await sql(keptTotals, [town.id])).toEqual(await sql(countedTotals, [town.id]));
    // the nurse moves to the station: her posts count there now, as the report has always counted them
    await sql(`update app_user set office_id = ? where id = ?`, [station.id, nurse.id]);
    await buildPost(em.fork(), room, nurse);
    const afterMove = await sql(counted, [town.id]);
    expect(afterMove.map((r) => r.office_id)).not.toContain(clinic.id);
    expect(await sql(kept, [town.id])).toEqual(afterMove);
    expect(await sql(keptTotals, [town.id])).toEqual(await sql(countedTotals, [town.id]));

    // the rebuild counts the same, for every municipality
    const every = `select municipality_id, office_id, month::text, posts, care_reports from post_month_count where posts <> 0 order by 1, 2, 3`;
    const everyTotal = `select municipality_id, month::text, posts, care_reports from post_month_total where posts <> 0 order by 1, 2`;
    const [keptAll, keptAllTotals] = [await sql(every), await sql(everyTotal)];
    await sql(`select report_counts_rebuild()`);
    expect(await sql(every)).toEqual(keptAll);
    expect(await sql(everyTotal)).toEqual(keptAllTotals);
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

  it('activity by month, and a month’s offices a page at a time (0 for an office without posts), each scope', async () => {
    const months = `{ activityMonths { month posts careReports } }`;
    expect((await as.city.ok(months)).activityMonths).toEqual([{ month: '2026-10', posts: 3, careReports: 1 }]);
    expect((await as.officeAdmin.ok(months)).activityMonths).toEqual([{ month: '2026-10', posts: 2, careReports: 1 }]);
    expect((await as.otherCity.ok(months)).activityMonths).toEqual([]);
    const vendorMonths = (await as.vendor.ok(months)).activityMonths;
    expect(vendorMonths.find((m: { month: string }) => m.month === '2026-10')).toEqual({ month: '2026-10', posts: 3, careReports: 1 });

    const q = `query($month: String!, $page: PageInput) { activityOffices(month: $month, page: $page) { total items { month officeId officeName posts careReports } } }`;
    const offices = async (who: Client, month: string, page = 1, perPage = 25) => (await who.ok(q, { month, page: { page, perPage } })).activityOffices;
    const byKana = byKanaThenId([world.office, world.otherOffice]);
    const october = { [world.office.id]: [2, 1], [world.otherOffice.id]: [1, 0] };
    expect(await offices(as.city, '2026-10')).toEqual({
      total: 2,
      items: byKana.map((o) => ({ month: '2026-10', officeId: o.id, officeName: o.name, posts: october[o.id][0], careReports: october[o.id][1] })),
    });
    // another month: every office, each with 0
    expect((await offices(as.city, '2026-09')).items.map((o: { posts: number }) => o.posts)).toEqual([0, 0]);
    expect((await offices(as.city, '2026-10', 2, 1)).items.map((o: { officeId: string }) => o.officeId)).toEqual([byKana[1].id]);
    expect(await offices(as.city, '2026-10', 3, 1)).toEqual({ total: 2, items: [] });
    expect(await offices(as.officeAdmin, '2026-10')).toEqual({
      total: 1,
      items: [{ month: '2026-10', officeId: world.office.id, officeName: world.office.name, posts: 2, careReports: 1 }],
    });
    expect((await offices(as.otherCity, '2026-10')).items).toEqual([{ month: '2026-10', officeId: world.otherCityOffice.id, officeName: world.otherCityOffice.name, posts: 0, careReports: 0 }]);
    expect((await offices(as.vendor, '2026-10')).total).toBe((await sql(`select count(*)::int as n from office`))[0].n); // every municipality's
    // a month that is not YYYY-MM is refused in the user's language, before any SQL
    for (const month of ['2026-13', '2026-1', "2026-10' or 1=1"]) {
      const r = await as.city.gql(q, { month, page: { page: 1, perPage: 25 } });
      expect(codesOf(r), month).toEqual(['BAD_USER_INPUT']);
    }
    expect(codesOf(await as.staff.gql(q, { month: '2026-10' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await as.staff.gql(months))).toEqual(['FORBIDDEN']);
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
