// The writes the panel sends most, counted like the reads (statement-counts.test.ts): createPost,
// markPostsRead and forwardApplication are one read (the room's access row, the application) and one
// write statement, outside the default transaction, and still write exactly the rows the unit of
// work wrote; every refusal keeps its code and writes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { changeBefore } from '../helpers/between.js';
import { buildApplication, buildPost, buildRoom, buildUser, buildWorld } from '../helpers/factories.js';
import { RoomPermission } from '../../api/rooms/room.enums.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';
import type { Room } from '../../api/rooms/room.entity.js';

const CREATE_POST = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id kind title body vitals { systolic } version createdAt editedAt readCount readByMe author { name } revisions { id } attachments { id } } }`;
const CREATE_POST_ID = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id } }`;
const MARK_READ = `mutation($r: ID!, $p: [ID!]) { markPostsRead(roomId: $r, postIds: $p) }`;
const VITALS = { systolic: 128, diastolic: 76, pulse: 72, temperature: 36.6, spo2: 97 };

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => em.fork().getConnection().execute<T[]>(q, params);
const clients = new Map<string, Client>();

async function as(u: { loginId: string; password: string; totpSecret: string | null }) {
  let c = clients.get(u.loginId);
  if (!c) {
    c = new Client(server.url);
    await c.signIn(u.loginId, u.password, u.totpSecret!);
    clients.set(u.loginId, c);
  }
  return c;
}

/** The statements of one request, without the session cache's `select 1`. */
async function statementsOf<T>(run: () => Promise<T>) {
  server.sql.reset();
  const result = await run();
  const log = server.sql.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 200)).filter((s) => !/\bselect 1\b(?! from)/i.test(s) || /insert|update/i.test(s));
  return { result, log };
}

const room = (members: { user: { id: string }; permission?: RoomPermission; fromDate?: string; untilDate?: string | null }[]) =>
  buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office, world.otherOffice], members: members as never });

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  const { staff, otherOfficeStaff, officeAdmin } = world.users;
  await sql(`update app_user set email = 'u' || substr(id::text, 1, 8) || '@example.jp' where id in (?)`, [[staff.user.id, otherOfficeStaff.user.id, officeAdmin.user.id]]);
});
afterAll(() => server?.close());

describe('createPost: two statements, and exactly its rows', () => {
  it('reads the access row, then writes post, receipt, activity time, audit event and the due notices in one statement', async () => {
    const { staff, otherOfficeStaff, officeAdmin } = world.users;
    const noEmail = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.otherOffice });
    const formerMember = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.otherOffice });
    await sql(`update app_user set email = 'former@example.jp' where id = ?`, [formerMember.user.id]);
    const r = await room([
      { user: staff.user },
      { user: otherOfficeStaff.user, permission: RoomPermission.VIEWER },
      { user: officeAdmin.user },
      { user: noEmail.user },
      { user: formerMember.user, untilDate: '2026-01-31' },
    ]);
    const writer = await as(staff);
    await writer.ok(MARK_READ, { r: r.id }); // warm-up: the once-a-minute session touch is not in the count
    // officeAdmin was told about this room a minute ago: no second mail within POST_NOTICE_MINUTES
    await sql(`insert into post_notice (room_id, user_id, noticed_at) values (?, ?, now() - interval '1 minute')`, [r.id, officeAdmin.user.id]);
    const [before] = await sql<{ updated_at: string }>(`select updated_at::text from room where id = ?`, [r.id]);

    // what the panel asks (admin/rooms/rooms.graphql: { id })
    const { result, log } = await statementsOf(() => writer.ok(CREATE_POST_ID, { r: r.id, i: { kind: 'CARE_REPORT', title: '訪問看護', body: ' 本日訪問しました。 ', vitals: VITALS } }));
    const post = result.createPost;
    expect({ n: log.length, log }).toMatchObject({ n: 2 });
    expect(log.filter((s) => /^(begin|commit)/i.test(s))).toEqual([]);

    const posts = await sql(`select author_id, kind, title, body, vitals, version, closing_reason, edited_at from post where room_id = ?`, [r.id]);
    expect(posts).toEqual([{ author_id: staff.user.id, kind: 'CARE_REPORT', title: '訪問看護', body: '本日訪問しました。', vitals: VITALS, version: 1, closing_reason: null, edited_at: null }]);
    expect(await sql(`select post_id, room_id, user_id from post_read where room_id = ?`, [r.id])).toEqual([{ post_id: post.id, room_id: r.id, user_id: staff.user.id }]);
    const [after] = await sql<{ moved: boolean }>(`select updated_at > ?::timestamptz as moved from room where id = ?`, [before.updated_at, r.id]);
    expect(after.moved, 'room.updated_at moved').toBe(true);
    const audits = await sql(
      `select action, outcome, actor_id, actor_login_id, actor_role, municipality_id, office_id, target_type, target_id, patient_id, room_id, detail from audit_event where room_id = ? and action like 'post.%'`,
      [r.id],
    );
    expect(audits).toEqual([
      {
        action: 'post.create',
        outcome: 'SUCCESS',
        actor_id: staff.user.id,
        actor_login_id: staff.loginId,
        actor_role: 'OFFICE',
        municipality_id: world.city.id,
        office_id: world.office.id,
        target_type: 'Room',
        target_id: r.id,
        patient_id: r.patient.id,
        room_id: r.id,
        detail: { postId: post.id, kind: 'CARE_REPORT', attachments: 0 },
      },
    ]);
    // one mail: the VIEWER member with an address; not the author, not the one told a minute ago, not the one without an address, not the former member
    const mails = await sql<Record<string, unknown>>(
      `select n.municipality_id, n.kind, n.category, n.carries_credential, n."to", n.subject, n.body, n.status, n.attempts, n.last_error, n.sent_at, n.message_id ~ '^<[0-9a-f-]{36}@[A-Za-z0-9.-]+>$' as message_id_ok
         from notification n where n.body like '%' || ? || '%'`,
      [r.id],
    );
    const [email] = await sql<{ email: string }>(`select email from app_user where id = ?`, [otherOfficeStaff.user.id]);
    expect(mails).toEqual([
      {
        municipality_id: world.city.id,
        kind: 'post.created',
        category: 'POST',
        carries_credential: false,
        to: email.email,
        subject: '【在宅医療・介護連携】新しい投稿があります',
        body: expect.stringContaining(`/#/rooms/${r.id}/show`),
        status: 'PENDING',
        attempts: 0,
        last_error: null,
        sent_at: null,
        message_id_ok: true,
      },
    ]);
    // the slots: the VIEWER member's claimed now, officeAdmin's left as it was
    const slots = await sql<{ user_id: string; recent: boolean }>(`select user_id, noticed_at > now() - interval '30 seconds' as recent from post_notice where room_id = ? order by recent`, [r.id]);
    expect(slots).toEqual([
      { user_id: officeAdmin.user.id, recent: false },
      { user_id: otherOfficeStaff.user.id, recent: true },
    ]);
    // a second post within the interval mails nobody; its answer resolves every field of Post from the plain row
    const second = await writer.ok(CREATE_POST, { r: r.id, i: { kind: 'NOTE', body: 'もう一件' } });
    expect(second.createPost).toMatchObject({ kind: 'NOTE', title: null, body: 'もう一件', vitals: null, version: 1, editedAt: null, readCount: 0, readByMe: true, revisions: [], attachments: [] });
    expect(await sql(`select id from notification where body like '%' || ? || '%'`, [r.id])).toHaveLength(1);
  });
});

describe('markPostsRead: one statement', () => {
  it('reads the access row, decides by the policy and writes the receipts in one statement', async () => {
    const { staff, otherOfficeStaff } = world.users;
    const r = await room([{ user: staff.user }, { user: otherOfficeStaff.user, permission: RoomPermission.VIEWER }]);
    const posts: { id: string }[] = [];
    for (let i = 0; i < 3; i++) posts.push(await buildPost(em.fork(), r, staff.user));
    const reader = await as(otherOfficeStaff);
    await reader.ok(MARK_READ, { r: r.id, p: [posts[0].id] });
    const { result, log } = await statementsOf(() => reader.ok(MARK_READ, { r: r.id, p: posts.map((p) => p.id) }));
    expect(result.markPostsRead).toBe(2);
    expect({ n: log.length, log }).toMatchObject({ n: 1 });
    expect(await sql(`select post_id from post_read where user_id = ? and room_id = ? order by post_id`, [otherOfficeStaff.user.id, r.id])).toEqual(
      posts.map((p) => ({ post_id: p.id })).sort((a, b) => a.post_id.localeCompare(b.post_id)),
    );
    expect((await reader.ok(MARK_READ, { r: r.id })).markPostsRead, 'all read already').toBe(0);
  });
});

describe('refusals keep their codes and write nothing', () => {
  let target: Room;
  let closed: Room;
  let withdrawn: Room;
  beforeAll(async () => {
    const { staff, otherOfficeStaff, officeAdmin } = world.users;
    target = await room([{ user: staff.user }, { user: otherOfficeStaff.user, permission: RoomPermission.VIEWER }, { user: officeAdmin.user, fromDate: '2099-01-01' }]);
    await buildPost(em.fork(), target, staff.user); // something to mark read
    closed = await room([{ user: staff.user }]);
    await sql(`update room set status = 'CLOSED', closed_at = now(), closed_reason = 'DEATH' where id = ?`, [closed.id]);
    withdrawn = await room([{ user: staff.user }]);
    await sql(`update consent set withdrawn_at = now() where id = ?`, [withdrawn.consent.id]);
  });

  const refusals: [string, () => { u: keyof Awaited<ReturnType<typeof buildWorld>>['users'] | 'ex' | 'stopped'; room: () => Room }, string[], string | null][] = [
    ['non-member', () => ({ u: 'otherOfficeStaff', room: () => closed }), ['NOT_FOUND'], 'NOT_FOUND'],
    ['future member', () => ({ u: 'officeAdmin', room: () => target }), ['NOT_FOUND'], 'NOT_FOUND'],
    ['ex-member', () => ({ u: 'ex', room: () => target }), ['NOT_FOUND'], 'NOT_FOUND'],
    ['READ-only (VIEWER) member', () => ({ u: 'otherOfficeStaff', room: () => target }), ['FORBIDDEN'], null],
    ['closed room', () => ({ u: 'staff', room: () => closed }), ['ROOM_READ_ONLY'], null],
    ['withdrawn consent', () => ({ u: 'staff', room: () => withdrawn }), ['ROOM_READ_ONLY'], null],
    ['other municipality (office)', () => ({ u: 'otherCityStaff', room: () => target }), ['NOT_FOUND'], 'NOT_FOUND'],
    ['other municipality (city: posting is office staff’s, the shield refuses)', () => ({ u: 'otherCity', room: () => target }), ['FORBIDDEN'], 'NOT_FOUND'],
    ['the city (not a member)', () => ({ u: 'city', room: () => target }), ['FORBIDDEN'], null],
    ['VENDOR', () => ({ u: 'vendor', room: () => target }), ['FORBIDDEN'], 'FORBIDDEN'],
    ['stopped user', () => ({ u: 'stopped', room: () => target }), ['UNAUTHENTICATED'], 'UNAUTHENTICATED'],
  ];

  it.each(refusals)('%s', async (_label, setup, createCodes, markCode) => {
    const { u, room: which } = setup();
    let client: Client;
    if (u === 'ex' || u === 'stopped') {
      const b = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office });
      await sql(
        `insert into room_member (id, created_at, updated_at, version, room_id, user_id, permission, from_date, until_date) values (gen_random_uuid(), now(), now(), 1, ?, ?, 'CONTRIBUTOR', '2026-01-01', ?)`,
        [target.id, b.user.id, u === 'ex' ? '2026-01-31' : null],
      );
      client = new Client(server.url);
      await client.signIn(b.loginId, b.password, b.totpSecret!);
      if (u === 'stopped') await sql(`update app_user set status = ? where id = ?`, [UserStatus.STOPPED, b.user.id]);
    } else client = await as(world.users[u]);
    const r = which();
    const posts = async () => (await sql<{ n: number }>(`select count(*)::int as n from post where room_id = ?`, [r.id]))[0].n;
    const audits = async () => (await sql<{ n: number }>(`select count(*)::int as n from audit_event where room_id = ? and action = 'post.create'`, [r.id]))[0].n;
    const [p0, a0] = [await posts(), await audits()];
    const created = await client.gql(CREATE_POST, { r: r.id, i: { kind: 'NOTE', body: '書けないはず' } });
    expect(codesOf(created)).toEqual(createCodes);
    expect([await posts(), await audits()]).toEqual([p0, a0]);
    const receipts = async () => (await sql<{ n: number }>(`select count(*)::int as n from post_read where room_id = ?`, [r.id]))[0].n;
    const r0 = await receipts();
    const marked = await client.gql(MARK_READ, { r: r.id });
    if (markCode) expect(codesOf(marked)).toEqual([markCode]);
    else expect(marked.errors).toBeUndefined(); // a VIEWER member leaves receipts; the city reads without any
    if (u === 'city') expect([marked.data.markPostsRead, await receipts()], 'the city leaves no receipt').toEqual([0, r0]);
    if (u === 'otherOfficeStaff' && r === target) expect([marked.data.markPostsRead, await receipts()], 'a VIEWER member leaves one').toEqual([1, r0 + 1]);
    if (markCode) expect(await receipts()).toBe(r0);
  });
});

describe('forwardApplication: two statements, and exactly its rows', () => {
  const FORWARD_BENCH = `mutation($id: ID!, $v: Int!, $c: String) { forwardApplication(id: $id, version: $v, comment: $c) { id state version } }`;
  // the panel's selection (admin/applications/applications.graphql, ApplicationFields)
  const FIELDS = `id type state summary receiptNumber channel applicantName applicantEmail payload submittedAt forwardedAt completedAt createdAt updatedAt version allowedActions
    office { id name kind } municipality { id name code } attachments { id filename contentType size sha256 createdAt } events { action fromState toState actorId actorName actorRole comment }`;

  it('reads the row, then moves the state and writes the history, the audit event and one mail per active vendor with an address, in one statement', async () => {
    const { city, vendor } = world.users;
    const stoppedVendor = await buildUser(em.fork(), server.secrets, { role: Role.VENDOR, status: UserStatus.STOPPED });
    const silentVendor = await buildUser(em.fork(), server.secrets, { role: Role.VENDOR });
    await sql(`update app_user set email = 'vendor@example.jp' where id = ?`, [vendor.user.id]);
    await sql(`update app_user set email = 'stopped-vendor@example.jp' where id = ?`, [stoppedVendor.user.id]);
    void silentVendor; // no address: no mail
    const app = await buildApplication(em.fork(), { office: world.office });
    const c = await as(city);
    await c.ok(`query { applicationCounts { state count } }`); // warm-up
    const { result, log } = await statementsOf(() => c.ok(FORWARD_BENCH, { id: app.id, v: 1, c: '  確認しました  ' }));
    expect(result.forwardApplication).toEqual({ id: app.id, state: 'FORWARDED', version: 2 });
    expect({ n: log.length, log }).toMatchObject({ n: 2 });

    expect(await sql(`select state, version, forwarded_at is not null as forwarded from application where id = ?`, [app.id])).toEqual([{ state: 'FORWARDED', version: 2, forwarded: true }]);
    const [me] = await sql<{ name: string }>(`select name from app_user where id = ?`, [city.user.id]);
    expect(await sql(`select action, from_state, to_state, actor_id, actor_name, actor_role, comment from application_event where application_id = ?`, [app.id])).toEqual([
      { action: 'FORWARD', from_state: 'SUBMITTED', to_state: 'FORWARDED', actor_id: city.user.id, actor_name: me.name, actor_role: 'CITY', comment: '確認しました' },
    ]);
    expect(
      await sql(
        `select action, outcome, actor_id, actor_login_id, actor_role, municipality_id, office_id, target_type, target_id, patient_id, room_id, detail from audit_event where target_id = ? and action like 'application.%'`,
        [app.id],
      ),
    ).toEqual([
      {
        action: 'application.forward',
        outcome: 'SUCCESS',
        actor_id: city.user.id,
        actor_login_id: city.loginId,
        actor_role: 'CITY',
        municipality_id: world.city.id,
        office_id: world.office.id,
        target_type: 'Application',
        target_id: app.id,
        patient_id: null,
        room_id: null,
        detail: { type: 'STAFF_ADDITION', from: 'SUBMITTED', to: 'FORWARDED' },
      },
    ]);
    expect(
      await sql(
        `select municipality_id, kind, category, carries_credential, "to", subject, status, attempts, body like '%' || ? || '%' as links, message_id ~ '^<[0-9a-f-]{36}@[A-Za-z0-9.-]+>$' as message_id_ok
           from notification where body like '%' || ? || '%'`,
        [`/#/applications/${app.id}/show`, app.id],
      ),
    ).toEqual([
      {
        municipality_id: world.city.id,
        kind: 'application.forwarded',
        category: 'ACCOUNT',
        carries_credential: false,
        to: 'vendor@example.jp',
        subject: '【在宅医療・介護連携】職員追加申請の処理依頼',
        status: 'PENDING',
        attempts: 0,
        links: true,
        message_id_ok: true,
      },
    ]);
  });

  it('answers the panel’s whole selection as the detail read does', async () => {
    const app = await buildApplication(em.fork(), { office: world.office });
    const c = await as(world.users.city);
    const forwarded = (await c.ok(`mutation($id: ID!) { forwardApplication(id: $id, version: 1) { ${FIELDS} } }`, { id: app.id })).forwardApplication;
    const read = (await c.ok(`query($id: ID!) { application(id: $id) { ${FIELDS} } }`, { id: app.id })).application;
    expect(forwarded).toEqual(read);
    expect(forwarded).toMatchObject({ state: 'FORWARDED', version: 2, allowedActions: [], events: [{ action: 'FORWARD', actorRole: 'CITY' }] });
  });

  it('refuses as before and writes nothing: a stale version, a form already forwarded, another municipality, VENDOR, an office admin', async () => {
    const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user });
    const rows = async () =>
      (await sql<{ n: number }>(`select (select count(*) from application_event where application_id = ?) + (select count(*) from audit_event where target_id = ?)::int as n`, [app.id, app.id]))[0].n;
    const forward = async (u: Parameters<typeof as>[0], v: number) => codesOf(await (await as(u)).gql(FORWARD_BENCH, { id: app.id, v }));
    const n0 = await rows();
    expect(await forward(world.users.city, 7)).toEqual(['CONFLICT']);
    expect(await forward(world.users.otherCity, 1)).toEqual(['NOT_FOUND']);
    expect(await forward(world.users.vendor, 1)).toEqual(['FORBIDDEN']);
    expect(await forward(world.users.officeAdmin, 1)).toEqual(['FORBIDDEN']);
    expect(await rows()).toBe(n0);
    expect((await (await as(world.users.city)).ok(FORWARD_BENCH, { id: app.id, v: 1 })).forwardApplication.state).toBe('FORWARDED');
    expect(await forward(world.users.city, 2)).toEqual(['INVALID_TRANSITION']);
  });

  it('a concurrent action between the read and the write is a CONFLICT that writes nothing', async () => {
    const app = await buildApplication(em.fork(), { office: world.office });
    // the city's colleague returned it a moment earlier: just before the write statement
    changeBefore(em, /update application set state/, `update application set state = 'RETURNED', version = version + 1 where id = ?`, [app.id]);
    try {
      expect(codesOf(await (await as(world.users.city)).gql(FORWARD_BENCH, { id: app.id, v: 1 }))).toEqual(['CONFLICT']);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await sql(`select state, version from application where id = ?`, [app.id])).toEqual([{ state: 'RETURNED', version: 2 }]);
    expect(await sql(`select id from application_event where application_id = ?`, [app.id])).toEqual([]);
    expect(await sql(`select id from audit_event where target_id = ? and action = 'application.forward'`, [app.id])).toEqual([]);
    expect(await sql(`select id from notification where body like '%' || ? || '%'`, [app.id])).toEqual([]);
  });
});
