// The same thing twice at the same moment: exactly the right rows exist afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildApplication, buildRoom, buildUser, buildWorld } from '../helpers/factories.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';
import { User } from '../../api/users/user.entity.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);

async function signedIn(u: { loginId: string; password: string; totpSecret: string | null }) {
  const c = new Client(server.url);
  await c.signIn(u.loginId, u.password, u.totpSecret!);
  return c;
}

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
});
afterAll(() => server.close());

describe('concurrency', () => {
  it('the same approval sent twice at once: one FORWARD, one refusal', async () => {
    const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user });
    const [a, b] = [await signedIn(world.users.city), await signedIn(await buildUser(em.fork(), server.secrets, { role: Role.CITY, municipality: world.city }))];
    const q = `mutation($id: ID!, $v: Int!) { forwardApplication(id: $id, version: $v) { state } }`;
    const results = await Promise.all([a.gql(q, { id: app.id, v: app.version }), b.gql(q, { id: app.id, v: app.version })]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(codesOf(results.find((r) => r.errors)!)[0]).toMatch(/^(CONFLICT|INVALID_TRANSITION)$/);
    expect(await sql(`select action from application_event where application_id = ?`, [app.id])).toEqual([{ action: 'FORWARD' }]);
    expect(await sql(`select count(*)::int as n from audit_event where target_id = ? and action = 'application.forward'`, [app.id])).toEqual([{ n: 1 }]);
  });

  it('the same application submitted twice at once: one application, one refusal', async () => {
    const admin = await signedIn(world.users.officeAdmin);
    const twin = await signedIn(await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, officeAdmin: true }));
    const q = `mutation($i: ApplicationInput!) { submitApplication(type: STAFF_ADDITION, input: $i) { id } }`;
    const input = { staffAddition: { staff: [{ name: '同時 申請', nameKana: 'ドウジ シンセイ', jobType: 'NURSE', pledgedOn: '2026-11-01' }] } };
    const results = await Promise.all([admin.gql(q, { i: input }), twin.gql(q, { i: input })]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)!.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'staffAddition.staff.0.name', code: 'ALREADY_REQUESTED' })]);
    expect(await sql(`select count(*)::int as n from application where summary like '%同時 申請%'`)).toEqual([{ n: 1 }]);
  });

  it('two members posting at once: both posts, each with its author’s read receipt', async () => {
    const room = await buildRoom(em.fork(), {
      municipality: world.city,
      explainingOffice: world.office,
      coveredOffices: [world.office, world.otherOffice],
      members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
    });
    const [a, b] = [await signedIn(world.users.staff), await signedIn(world.users.otherOfficeStaff)];
    const q = `mutation($r: ID!, $b: String!) { createPost(roomId: $r, input: { kind: NOTE, body: $b }) { id } }`;
    const results = await Promise.all([a.gql(q, { r: room.id, b: 'A の投稿' }), b.gql(q, { r: room.id, b: 'B の投稿' }), a.gql(q, { r: room.id, b: 'A の2件目' })]);
    expect(results.map((r) => codesOf(r))).toEqual([[], [], []]);
    expect(await sql(`select count(*)::int as n from post where room_id = ?`, [room.id])).toEqual([{ n: 3 }]);
    expect(await sql(`select count(*)::int as n from post_read where room_id = ?`, [room.id])).toEqual([{ n: 3 }]);
  });

  it('the same activation code at once: one account activation', async () => {
    const user = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, totp: false, status: UserStatus.PENDING });
    const { issueActivationCodes } = await import('../../api/auth/activation.js');
    const fork = em.fork();
    const codes = await issueActivationCodes(fork, [await fork.findOneOrFail(User, { id: user.user.id })]);
    await fork.flush();
    const code = codes.get(user.user.id)!.code;
    const q = `mutation($l: String!, $c: String!) { activateAccount(loginId: $l, activationCode: $c, newPassword: "chosen-password-1") { step } }`;
    const results = await Promise.all([1, 2, 3].map(() => new Client(server.url).gql(q, { l: user.loginId, c: code })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(await sql(`select count(*)::int as n from activation_code where user_id = ? and used_at is not null`, [user.user.id])).toEqual([{ n: 1 }]);
  });
});
