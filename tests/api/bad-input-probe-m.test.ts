import { afterAll, beforeAll, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
let s: TestServer; let w: any; let staff: Client; let room: any;
beforeAll(async () => { s = await startTestServer(); w = await buildWorld(s.orm.em.fork(), s.secrets); staff = new Client(s.url); await staff.signIn(w.users.staff.loginId, w.users.staff.password, w.users.staff.totpSecret!);
  room = await buildRoom(s.orm.em.fork(), { municipality: w.city, explainingOffice: w.office, coveredOffices: [w.office], members: [{ user: w.users.staff.user }] }); });
afterAll(async () => s.close());
it('probe', async () => {
  process.env.LOG_ERRORS = '1';
  const deep = '{"a":'.repeat(10000) + '"x"' + '}'.repeat(10000);
  const r1 = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"query($v: UserFilter) { users(filter: $v) { total } }","variables":{"v":${deep}}}` });
  console.log('deep', r1.status, (await r1.text()).slice(0, 300));
  const r2 = await new Client(s.url).gql('mutation { login(loginId: "a\\u{0}b", password: "x") { step } }');
  console.log('nul', r2.status, JSON.stringify(r2.errors));
  const r3 = await staff.gql('query($r: ID!, $f: PostFilter) { posts(roomId: $r, filter: $f) { total } }', { r: room.id, f: { q: '\ud800' } });
  console.log('surrogate', r3.status, JSON.stringify(r3.errors));
});
