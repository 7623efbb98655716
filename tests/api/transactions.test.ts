// Transactions by default (api/db/transaction.ts): every mutation runs in one transaction without
// its resolver wrapping itself, and the sign-in steps that must keep a record of their own failure
// and the hot writes that are one guarded statement (createPost, markPostsRead, forwardApplication) are the only,
// explicitly marked, exceptions.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLObjectType } from 'graphql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { changeBefore } from '../helpers/between.js';
import { buildBareSchema } from '../../api/schema.js';
import { OWN_TRANSACTIONS } from '../../api/db/transaction.js';

const CREATE_POST = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id } }`;
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
    // the post, its receipt, the room's activity time and the audit row are one statement (opted
    // out of the default transaction: PostService.create); the audit row is refused here
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

  it('createPost is one guarded statement after its read: a change in between is a CONFLICT that writes nothing', async () => {
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
    // the API runs in this process: run `change` just before the write statement (after the
    // access row was read and decided on), as a concurrent request would
    const between = (marker: RegExp, change: string, params: unknown[]) => changeBefore(em, marker, change, params);
    try {
      // (markPostsRead reads and decides in its one statement: nothing can come in between)
      // the consent is withdrawn between createPost's read and its write
      between(/insert into "?post"? /, `update consent set withdrawn_at = now() where id = ?`, [room.consent.id]);
      expect(codesOf(await other.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '間に撤回' } }))).toEqual(['CONFLICT']);
      expect(await sql(`select body from post where room_id = ?`, [room.id])).toEqual([{ body: '既読テスト' }]);
      expect(await sql(`select id from audit_event where room_id = ? and action = 'post.create'`, [room.id])).toHaveLength(1);
      // and once nothing changes in between, the same request gets the policy's own answer
      expect(codesOf(await other.gql(CREATE_POST, { r: room.id, i: { kind: 'NOTE', body: '撤回後' } }))).toEqual(['ROOM_READ_ONLY']);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('the opt-outs: sign-in steps keep the record of their failure; the hot writes are one guarded statement', () => {
  it('only the sign-in steps that record failures, the public page (its rate-limit slot before the transaction) and the one-statement writes are marked', async () => {
    const schema = await buildBareSchema();
    const fields = (schema.getMutationType() as GraphQLObjectType).getFields();
    const optedOut = Object.values(fields)
      .filter((f) => f.extensions?.[OWN_TRANSACTIONS])
      .map((f) => f.name)
      .sort();
    expect(optedOut).toEqual([
      'activateAccount',
      'changePassword',
      'confirmTotpEnrollment',
      'createPost',
      'forwardApplication',
      'login',
      'markPostsRead',
      'submitPublicRegistration',
      'useRecoveryCode',
      'verifyTotp',
    ]);
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
