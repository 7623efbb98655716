// A list's page is a prepared statement. After five runs PostgreSQL compares the plan it makes
// without the values (the generic plan) with the ones it made for each run's values, and keeps the
// generic one only if it does not look dearer. A `LIMIT $n` in that plan is assumed to keep a tenth
// of the rows, so on a list of more than ten pages it looks dearer: the statement is then planned
// again on every request (0.2–0.3 ms each on the benchmark's data). db/rows.ts pageClause writes the
// page size into the text. statement-counts.test.ts checks the text; this test checks the effect,
// on lists long enough for it to matter: the page as the API sends it keeps its generic plan, and the
// same page with its size as a parameter (the control, as the code was) does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildPost, buildRoom, buildWorld, copyRows } from '../helpers/factories.js';
import { planTools, type SentStatement } from '../helpers/sql-plans.js';

const POSTS = 2500; // as the benchmark's busiest room
const AUDIT_EVENTS = 3000;
const USERS = 1000;
const PER_PAGE = 25;
const RUNS = 8; // five custom plans, then PostgreSQL chooses

let server: TestServer;
let db: pg.Client;
let tools: Awaited<ReturnType<typeof planTools>>;
let member: Client;
let city: Client;
let roomId: string;

beforeAll(async () => {
  server = await startTestServer();
  const em = server.orm.em.fork();
  const world = await buildWorld(em, server.secrets);
  const staff = world.users.staff;
  const room = await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: staff.user }] });
  roomId = room.id;
  const first = await buildPost(em, room, staff.user);
  // the long lists, written in one statement each, then analyzed as autovacuum would
  await copyRows(em, 'post', first.id, POSTS - 1, { created_at: `created_at - n * interval '1 minute'`, body: 'body || n' });
  await em.getConnection().execute(
    `insert into audit_event (action, outcome, actor_id, actor_login_id, actor_role, municipality_id, target_type, occurred_at)
     select 'office.update', 'SUCCESS', ?, 'someone', 'CITY', ?, 'Office', now() - n * interval '1 minute' from generate_series(1, ?) n`,
    [world.users.city.user.id, world.city.id, AUDIT_EVENTS],
  );
  // people: copies of one user but for what must be unique (the id, the login ID)
  await copyRows(em, 'app_user', world.users.staff.user.id, USERS, { login_id: `login_id || '-' || n` });
  for (const table of ['post', 'audit_event', 'app_user']) await em.getConnection().execute(`analyze ${table}`);
  member = new Client(server.url);
  await member.signIn(staff.loginId, staff.password, staff.totpSecret!);
  city = new Client(server.url);
  await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
  tools = await planTools(server);
  db = tools.db;
});

afterAll(async () => {
  await tools?.close();
  await server?.close();
});

/** The statement that reads the page (the one with its size in the text), as the API sent it. */
async function pageStatement(client: Client, query: string, variables: Record<string, unknown>): Promise<SentStatement> {
  const sent = await tools.sql.during(() => client.ok(query, { ...variables, page: { page: 1, perPage: PER_PAGE } }));
  const pages = sent.filter((s) => new RegExp(`\\blimit ${PER_PAGE}\\b`, 'i').test(s.text));
  expect(pages.length, 'one statement reads the page').toBe(1);
  return pages[0];
}

/** Runs the statement as a named (prepared) statement, as the API does, and tells which plans PostgreSQL used. */
async function plansOf(name: string, s: SentStatement): Promise<{ generic: number; custom: number }> {
  for (let i = 0; i < RUNS; i++) await db.query({ name, text: s.text, values: s.values });
  const r = await db.query<{ generic: number; custom: number }>('select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where name = $1', [name]);
  return r.rows[0];
}

/** The same statement as the code was before pageClause: the page size as a parameter. */
function withSizeAsParameter(s: SentStatement): SentStatement {
  const n = s.values.length + 1;
  return { text: s.text.replace(new RegExp(`\\blimit ${PER_PAGE}\\b`, 'i'), `limit $${n}`), values: [...s.values, PER_PAGE] };
}

describe(`a page of a long list keeps PostgreSQL's generic plan (${PER_PAGE} rows per page)`, () => {
  const cases: [string, () => Client, string, () => Record<string, unknown>][] = [
    [`the posts of a room of ${POSTS}`, () => member, `query($r: ID!, $page: PageInput) { posts(roomId: $r, page: $page) { total items { id title body } } }`, () => ({ r: roomId })],
    [`the audit trail of ${AUDIT_EVENTS} events`, () => city, `query($page: PageInput) { auditEvents(page: $page) { total items { id action occurredAt } } }`, () => ({})],
    [`the users of a municipality of ${USERS}`, () => city, `query($page: PageInput) { users(page: $page, sort: { field: nameKana, order: ASC }) { total items { id loginId name } } }`, () => ({})],
  ];
  cases.forEach(([label, client, query, variables], i) => {
    it(label, async () => {
      const sent = await pageStatement(client(), query, variables());
      const kept = await plansOf(`generic_plan_${i}`, sent);
      expect(kept.custom + kept.generic).toBe(RUNS);
      // after five custom plans, the generic one for every later run
      expect(kept).toEqual({ custom: 5, generic: RUNS - 5 });
      // the control: with the size as a parameter the same page is planned for its values every time
      // (if this failed, the list would be too short for the test to tell the two apart)
      const control = await plansOf(`generic_plan_control_${i}`, withSizeAsParameter(sent));
      expect(control).toEqual({ custom: RUNS, generic: 0 });
    });
  });
});
