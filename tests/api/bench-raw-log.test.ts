// The benchmark's ceiling for a read that logs (bench/targets/raw.ts RAW_LOGGED_SQL) is raw SQL
// that writes the access-log rows the API writes for the same request. It is only a fair yardstick
// if the rows are the same: for each such query, the API and the raw statement are run as the same
// CITY user on the same data, and both the answer and the audit rows they add are compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildPost, buildRoom, buildWorld } from '../helpers/factories.js';
import { planTools } from '../helpers/sql-plans.js';
import { QUERIES, sameData, type BenchParams } from '../../bench/queries.js';
import { RAW_LOGGED_SQL, RAW_SQL } from '../../bench/targets/raw.js';

let server: TestServer;
let tools: Awaited<ReturnType<typeof planTools>>;
let db: pg.Client;
let city: Client;
let params: BenchParams;

beforeAll(async () => {
  server = await startTestServer();
  const em = server.orm.em.fork();
  const world = await buildWorld(em, server.secrets);
  const rooms = [];
  for (let i = 0; i < 3; i++) {
    rooms.push(
      await buildRoom(em, {
        municipality: world.city,
        explainingOffice: world.office,
        coveredOffices: [world.office, world.otherOffice],
        members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
      }),
    );
  }
  for (let i = 0; i < 4; i++) await buildPost(em, rooms[0], i % 2 ? world.users.staff.user : world.users.otherOfficeStaff.user);
  city = new Client(server.url);
  const c = world.users.city;
  await city.signIn(c.loginId, c.password, c.totpSecret!);
  params = {
    cityLoginId: c.loginId,
    cityUserId: c.user.id,
    municipalityId: world.city.id,
    officeId: world.office.id,
    q: '',
    roomId: rooms[0].id,
    roomPosts: 4,
    bigRoomId: rooms[0].id,
    bigRoomPosts: 4,
    activityMonth: '2026-11',
  };
  tools = await planTools(server);
  db = tools.db;
});

afterAll(async () => {
  await tools?.close();
  await server?.close();
});

/** The audit rows a call adds, without the ones that differ by nature (id, time, the caller's address). */
async function rowsAdded(call: () => Promise<unknown>) {
  const before = (await db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from audit_event')).rows[0].id;
  const answer = await call();
  const rows = (
    await db.query(
      `select action, outcome, actor_id, actor_login_id, actor_role, municipality_id, office_id, target_type, target_id, patient_id, room_id, detail
         from audit_event where id > $1 order by action, target_id`,
      [before],
    )
  ).rows;
  return { answer, rows };
}

describe('raw SQL with the access log writes what the API writes', () => {
  it('has a logged statement for exactly the reads of patient data the throughput check measures', () => {
    expect(Object.keys(RAW_LOGGED_SQL).sort()).toEqual(['deepPosts', 'room', 'rooms']);
    for (const text of Object.values(RAW_SQL)) expect(text).not.toContain('/*log*/');
  });

  for (const key of ['rooms', 'room', 'deepPosts'] as const) {
    it(`${key}: the same answer and the same access-log rows`, async () => {
      const q = QUERIES.find((x) => x.key === key)!;
      const body = q.api(params);
      const api = await rowsAdded(() => city.gql(body.query, body.variables));
      const { params: values } = q.raw(params);
      const raw = await rowsAdded(() => db.query<{ body: string }>(RAW_LOGGED_SQL[key]!, [...values, params.cityUserId]));

      expect(api.rows.length).toBeGreaterThan(0);
      expect(raw.rows).toEqual(api.rows);
      const apiData = (api.answer as { data: unknown }).data;
      const rawData = JSON.parse((raw.answer as pg.QueryResult<{ body: string }>).rows[0].body).data;
      expect(sameData(apiData, rawData)).toEqual({ same: true });
      // and the statement without the log writes none
      const plain = await rowsAdded(() => db.query(RAW_SQL[key], values));
      expect(plain.rows).toEqual([]);
    });
  }
});
