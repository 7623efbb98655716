// Transactions by default (api/db/transaction.ts): every mutation runs in one transaction without
// its resolver wrapping itself, and the sign-in steps that must keep a record of their own failure
// are the only, explicitly marked, exceptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLObjectType } from 'graphql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { buildBareSchema } from '../../api/schema.js';
import { OWN_TRANSACTIONS } from '../../api/db/transaction.js';

const CREATE_POST = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id } }`;
const MARK_READ = `mutation($r: ID!) { markPostsRead(roomId: $r) }`;
const LOGIN = `mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { step } }`;

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let member: Client;

const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => em.fork().getConnection().execute<T[]>(q, params);

/** Makes the next INSERT into `table` matching `when` fail inside PostgreSQL, until `drop`. */
async function failInserts(table: string, when: string) {
  await sql(`create or replace function test_fail_insert() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
  await sql(`create trigger test_fail_insert before insert on ${table} for each row when (${when}) execute function test_fail_insert()`);
  return async () => {
    await sql(`drop trigger test_fail_insert on ${table}`);
  };
}

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  member = new Client(server.url);
  const s = world.users.staff;
  await member.signIn(s.loginId, s.password, s.totpSecret!);
});
afterAll(() => server?.close());

describe('every mutation in one transaction', () => {
  it('createPost whose later write fails leaves none of its earlier writes (the room’s activity time is not touched)', async () => {
    const room = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    const [before] = await sql<{ updated_at: string }>(`select updated_at::text as updated_at from room where id = ?`, [room.id]);
    // the service first updates room.updated_at natively (its own statement), then flushes the post
    // and its audit row; the audit row is refused here
    const drop = await failInserts('audit_event', `new.action = 'post.create'`);
    try {
      const r = await member.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '失敗するはずの書き込み' } });
      expect(r.errors, 'the mutation fails').toBeTruthy();
    } finally {
      await drop();
    }
    const [after] = await sql<{ updated_at: string }>(`select updated_at::text as updated_at from room where id = ?`, [room.id]);
    expect(after.updated_at, 'the first write (room activity time) was rolled back').toBe(before.updated_at);
    expect(await sql(`select id from post where room_id = ?`, [room.id])).toEqual([]);
    // and the same mutation goes through once nothing refuses it
    await member.ok(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '通る書き込み' } });
    expect(await sql(`select id from post where room_id = ?`, [room.id])).toHaveLength(1);
  });

  it('markPostsRead runs in a transaction by design, not by the accident of being one statement', async () => {
    const room = await buildRoom(em.fork(), {
      municipality: world.city,
      explainingOffice: world.office,
      coveredOffices: [world.office],
      members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
    });
    const other = new Client(server.url);
    const o = world.users.otherOfficeStaff;
    await other.signIn(o.loginId, o.password, o.totpSecret!);
    await other.ok(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '既読テスト' } });
    // a receipt written outside a transaction (autocommit) starts its transaction with its own
    // statement: now() = statement_timestamp(). Inside the mutation's transaction, BEGIN came first.
    await sql(`create or replace function test_require_transaction() returns trigger language plpgsql as $$ begin raise exception 'written outside the mutation transaction'; end $$`);
    await sql(`create trigger test_require_transaction before insert on post_read for each row when (now() = statement_timestamp()) execute function test_require_transaction()`);
    server.sql.reset();
    try {
      expect((await member.ok(MARK_READ, { r: room.id })).markPostsRead).toBe(1);
    } finally {
      await sql(`drop trigger test_require_transaction on post_read`);
    }
    // the query log may be coloured (ANSI escapes around keywords)
    const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
    const log = server.sql.statements.map((x) => x.replace(ansi, '').replace(/\s+/g, ' '));
    const at = (re: RegExp) => log.findIndex((x) => re.test(x));
    const begin = at(/\bbegin\b/i);
    const insert = at(/insert into post_read/i);
    const commit = at(/\bcommit\b/i);
    expect({ begin: begin >= 0, insert: insert >= 0, commit: commit >= 0 }).toEqual({ begin: true, insert: true, commit: true });
    expect(begin < insert && insert < commit, log.join('\n')).toBe(true);
  });
});

describe('the opt-out: sign-in steps keep the record of their failure', () => {
  it('only the sign-in steps that record failures, and the public page (its rate-limit slot before the transaction), are marked', async () => {
    const schema = await buildBareSchema();
    const fields = (schema.getMutationType() as GraphQLObjectType).getFields();
    const optedOut = Object.values(fields)
      .filter((f) => f.extensions?.[OWN_TRANSACTIONS])
      .map((f) => f.name)
      .sort();
    expect(optedOut).toEqual(['activateAccount', 'changePassword', 'confirmTotpEnrollment', 'login', 'submitPublicRegistration', 'useRecoveryCode', 'verifyTotp']);
  });

  it('a failed login still commits its audit row and the failure counter', async () => {
    const u = world.users.officeAdmin;
    const r = await new Client(server.url).gql(LOGIN, { l: u.loginId, p: 'wrong-password-0000' });
    expect(codesOf(r)).toEqual(['INVALID_CREDENTIALS']);
    const rows = await sql<{ outcome: string; detail: { reason: string } }>(`select outcome, detail from audit_event where action = 'auth.login' and target_id = ?`, [u.user.id]);
    expect(rows.map((x) => [x.outcome, x.detail.reason])).toEqual([['FAILURE', 'wrong_password']]);
    const [row] = await sql<{ failed_sign_ins: number }>(`select failed_sign_ins from app_user where id = ?`, [u.user.id]);
    expect(row.failed_sign_ins).toBe(1);
  });

  it('a wrong current password in changePassword still commits its audit row', async () => {
    const u = world.users.city;
    const c = new Client(server.url);
    await c.signIn(u.loginId, u.password, u.totpSecret!);
    const r = await c.gql(CHANGE_PASSWORD, { c: 'not-the-password-0000', n: 'a-new-Password-2026!' });
    expect(codesOf(r)).toEqual(['WRONG_PASSWORD']);
    const rows = await sql<{ outcome: string }>(`select outcome from audit_event where action = 'auth.password_change' and target_id = ?`, [u.user.id]);
    expect(rows.map((x) => x.outcome)).toEqual(['FAILURE']);
  });
});
