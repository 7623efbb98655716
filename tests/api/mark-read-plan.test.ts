// 既読 (markPostsRead) is sent for every page a member opens, as a prepared statement. After a few
// runs PostgreSQL may switch a prepared statement to its generic plan, made without the values;
// for markPostsRead that plan once read a busy room's whole (room_id, created_at, id) index and
// filtered the page's ids: 2,500 entries in the benchmark's busiest room, 7.7 ms against 1.4
// (bench/results/2026-11-30T16-50-25-244Z.md). Only the benchmark saw it. This test asks for the
// generic plan itself, on a room as busy and with the benchmark's statistics, and checks that the
// page's posts are found by their ids.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildPost, buildRoom, buildWorld, copyRows } from '../helpers/factories.js';
import { type captureStatements, type PlanNode, planNodes, planTools, type SentStatement } from '../helpers/sql-plans.js';

const BUSY_ROOM_POSTS = 2500;

let server: TestServer;
let db: pg.Client;
let tools: Awaited<ReturnType<typeof planTools>>;
let member: Client;
let roomId: string;
let pageIds: string[];

let sql: ReturnType<typeof captureStatements>;

beforeAll(async () => {
  server = await startTestServer();
  const em = server.orm.em.fork();
  const world = await buildWorld(em, server.secrets);
  const staff = world.users.staff;
  const room = await buildRoom(em, {
    municipality: world.city,
    explainingOffice: world.office,
    coveredOffices: [world.office],
    members: [{ user: staff.user }, { user: world.users.otherOfficeStaff.user }],
  });
  roomId = room.id;
  const first = await buildPost(em, room, world.users.otherOfficeStaff.user);
  // the busy room, written in one statement (the ORM would take a minute), then analyzed as autovacuum would
  await copyRows(em, 'post', first.id, BUSY_ROOM_POSTS - 1, { created_at: `created_at + n * interval '1 minute'`, body: 'body || n' });
  // and the planner's view of the benchmark's post table: 300,000 posts in 5,000 rooms, 60 per room
  // on average, which made reading one room's index look cheaper than twenty primary-key lookups
  await em.getConnection().execute(`alter table post alter column room_id set (n_distinct = ${Math.round(BUSY_ROOM_POSTS / 60)})`);
  await em.getConnection().execute('analyze post');
  const page = await em.getConnection().execute<{ id: string }[]>('select id from post where room_id = ? order by created_at desc, id desc limit 20 offset 1000', [roomId]);
  pageIds = page.map((p) => p.id);
  member = new Client(server.url);
  await member.signIn(staff.loginId, staff.password, staff.totpSecret!);
  tools = await planTools(server);
  ({ sql, db } = tools);
});

afterAll(async () => {
  await tools?.close();
  await server?.close();
});

/** The plan PostgreSQL uses once it stops planning the prepared statement for each run's values. */
async function genericPlan(statement: SentStatement): Promise<PlanNode> {
  await db.query('begin');
  try {
    await db.query('set local plan_cache_mode = force_generic_plan');
    await db.query(`prepare mark_read_plan as ${statement.text}`);
    // EXPLAIN takes no parameters: the run's values as literals (strings, and the page's ids as an array)
    const literal = (v: unknown) => (v === null ? 'null' : db.escapeLiteral(Array.isArray(v) ? `{${v.join(',')}}` : String(v)));
    const args = statement.values.map(literal).join(', ');
    const r = await db.query(`explain (format json) execute mark_read_plan(${args})`);
    return r.rows[0]['QUERY PLAN'][0].Plan;
  } finally {
    await db.query('rollback');
    await db.query('deallocate all');
  }
}

it(`markPostsRead finds a page's posts by id in its generic plan, in a room of ${BUSY_ROOM_POSTS} posts`, async () => {
  const mutation = `mutation($r: ID!, $ids: [ID!]) { markPostsRead(roomId: $r, postIds: $ids) }`;
  let marked = 0;
  const sent = await sql.during(async () => {
    marked = (await member.ok<{ markPostsRead: number }>(mutation, { r: roomId, ids: pageIds })).markPostsRead;
  });
  expect(marked).toBe(20);
  const statement = sent.find((s) => /insert into post_read/i.test(s.text));
  expect(statement, 'the read receipts statement').toBeDefined();
  const postIndexes = new Set((await db.query(`select indexname from pg_indexes where tablename = 'post'`)).rows.map((r) => r.indexname as string));
  const plan = planNodes(await genericPlan(statement!));
  const reads = plan.filter((n) => n['Relation Name'] === 'post' || postIndexes.has(n['Index Name'])).map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`);
  expect(reads.length, 'the plan reads post').toBeGreaterThan(0);
  // post is read through its primary key only: no walk of the room's posts, however many it has
  expect(reads.filter((r) => !/using post_pkey$/.test(r) && r !== 'Bitmap Heap Scan')).toEqual([]);
});
