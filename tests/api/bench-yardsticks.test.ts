// The benchmark's yardsticks beside the targets must be what they claim to be.
// - The ceiling for a read that logs (bench/targets/raw.ts RAW_LOGGED_SQL) is raw SQL that writes
//   the access-log rows the API writes for the same request: for each such query, the API and the
//   raw statement run as the same CITY user on the same data, and both the answer and the audit
//   rows they add are compared.
// - The plain statement of the audit trail (query 9) names every kind of target as the API names
//   it for CITY, and pages without a count as the API does.
// - The SQL time (bench/sql-time.ts) replays a prepared statement as the API runs it: with the plan
//   its session keeps, not planned anew as an unnamed statement is.
// - PostGraphile signed in and scoped (bench/secured.ts) reads through row-level security that
//   gives the token's municipality its own rows and nothing of another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildPost, buildRoom, buildWorld } from '../helpers/factories.js';
import { planTools } from '../helpers/sql-plans.js';
import { QUERIES, sameData, type BenchParams } from '../../bench/queries.js';
import { RAW_LOGGED_SQL, RAW_SQL } from '../../bench/targets/raw.js';
import { enableScopePolicies, SCOPE_POLICIES, SCOPED_ROLE, scopedToken, JWT_SECRET } from '../../bench/secured.js';
import { explainAsRun } from '../../bench/sql-time.js';
import { createHmac, randomUUID } from 'node:crypto';

let server: TestServer;
let tools: Awaited<ReturnType<typeof planTools>>;
let db: pg.Client;
let city: Client;
let params: BenchParams;
let otherCityId: string;

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
    auditTo: '2026-11-30',
  };
  otherCityId = world.otherCity.id;
  await buildRoom(em, { municipality: world.otherCity, explainingOffice: world.otherCityOffice, coveredOffices: [world.otherCityOffice], members: [{ user: world.users.otherCityStaff.user }] });
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

describe('raw SQL of the audit trail answers what the API answers', () => {
  it('audit: the same pages, every kind of target named as the API names it, another municipality’s not', async () => {
    const tokyoDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
    const through = tokyoDay(Date.now() - 86_400_000);
    const at = new Date(`${through}T12:00:00+09:00`);
    const room = (await db.query<{ id: string; patient_id: string }>('select id, patient_id from room where id = $1', [params.roomId])).rows[0];
    const consent = (await db.query<{ id: string }>('select id from consent where patient_id = $1', [room.patient_id])).rows[0];
    const foreign = (await db.query<{ id: string; patient_id: string }>('select id, patient_id from room where municipality_id = $1 limit 1', [otherCityId])).rows[0];
    const events: [string, string | null, string | null][] = [
      ['User', params.cityUserId, null],
      ['Office', params.officeId, null],
      ['Municipality', params.municipalityId, null],
      ['Room', room.id, room.patient_id],
      ['Patient', room.patient_id, room.patient_id],
      ['Consent', consent.id, room.patient_id],
      ['Application', randomUUID(), null],
      ['Room', foreign.id, foreign.patient_id], // another municipality's room and patient: no names
      ['Post', randomUUID(), null], // a kind without a name
      [null as unknown as string, null, null],
    ];
    for (const [i, [type, id, patient]] of events.entries()) {
      await db.query(
        `insert into audit_event (occurred_at, action, outcome, actor_id, actor_login_id, actor_role, municipality_id, office_id, target_type, target_id, patient_id, room_id, ip, detail)
         values ($1, $2, 'SUCCESS', $3, $4, 'CITY', $5, $6, $7, $8, $9, $10, '10.0.0.1', $11)`,
        [
          new Date(at.getTime() - i * 60_000),
          i % 2 ? 'room.read' : 'no.such.action',
          params.cityUserId,
          params.cityLoginId,
          params.municipalityId,
          params.officeId,
          type,
          id,
          patient,
          type === 'Room' ? id : null,
          i === 0 ? { k: 'v' } : null,
        ],
      );
    }
    const q = QUERIES.find((x) => x.key === 'audit')!;
    const p = { ...params, auditTo: through };
    for (const paging of [undefined, { page: 1, perPage: 3 }, { page: 2, perPage: 3 }, { page: 4, perPage: 3 }, { page: 9, perPage: 3 }]) {
      // raw first: the API's answer logs the patients it names (today, after the day asked for)
      const raw = JSON.parse((await db.query<{ body: string }>(RAW_SQL.audit, q.raw(p, paging).params)).rows[0].body).data;
      const body = q.api(p, paging);
      const api = await city.ok(body.query, body.variables);
      expect(sameData(api, raw), JSON.stringify(paging)).toEqual({ same: true });
    }
    const all = JSON.parse((await db.query<{ body: string }>(RAW_SQL.audit, q.raw(p).params)).rows[0].body).data.auditEvents;
    expect(all.hasNextPage).toBe(false);
    const names = all.items
      .slice(0, events.length)
      .map((e: { targetType: string; targetName: string | null; patientName: string | null }) => [e.targetType, e.targetName !== null, e.patientName !== null]);
    expect(names).toEqual([
      ['User', true, false],
      ['Office', true, false],
      ['Municipality', true, false],
      ['Room', true, true],
      ['Patient', true, true],
      ['Consent', true, true],
      ['Application', true, false],
      ['Room', false, false],
      ['Post', false, false],
      [null, false, false],
    ]);
  });
});

describe('PostGraphile’s scope policies (bench/secured.ts)', () => {
  /** What the scoped role sees of each table with this municipality in the token's claims, as PostGraphile sets them. */
  async function seenAs(municipalityId: string) {
    await db.query('begin');
    try {
      await db.query(`select set_config('role', $1, true), set_config('jwt.claims.municipality_id', $2, true)`, [SCOPED_ROLE, municipalityId]);
      const seen: Record<string, number> = {};
      for (const table of Object.keys(SCOPE_POLICIES)) seen[table] = (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
      return seen;
    } finally {
      await db.query('rollback');
    }
  }

  it('give the token’s municipality its rows of every table PostGraphile reads, and another municipality none of them', async () => {
    const me = (await db.query<{ current_user: string }>('select current_user')).rows[0].current_user;
    await enableScopePolicies(db, me, []);
    const all: Record<string, number> = {};
    const mine: Record<string, number> = {};
    for (const table of Object.keys(SCOPE_POLICIES)) {
      all[table] = (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
      const scoped =
        table === 'app_user' || table === 'office' || table === 'room' || table === 'consent'
          ? `select count(*)::int as n from ${table} where municipality_id = $1`
          : `select count(*)::int as n from ${table} t join room r on r.id = t.room_id where r.municipality_id = $1`;
      mine[table] = (await db.query<{ n: number }>(scoped, [params.municipalityId])).rows[0].n;
    }
    // the world has rows of both municipalities in the scoped tables, so a policy that lets all through would show
    expect(mine.room).toBeGreaterThan(0);
    expect(all.room).toBeGreaterThan(mine.room);
    expect(all.app_user).toBeGreaterThan(mine.app_user);
    expect(await seenAs(params.municipalityId)).toEqual(mine);
    const other = await seenAs(otherCityId);
    expect(other.room).toBe(all.room - mine.room);
    expect(other.post).toBe(0);
    expect(Object.values(await seenAs(randomUUID())).every((n) => n === 0)).toBe(true);
  });

  it('signs the token PostGraphile verifies: HS256 over header and claims, for the scoped role and the municipality', () => {
    const [header, claims, signature] = scopedToken(params.municipalityId).split('.');
    expect(createHmac('sha256', JWT_SECRET).update(`${header}.${claims}`).digest('base64url')).toBe(signature);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const c = JSON.parse(Buffer.from(claims, 'base64url').toString());
    expect(c).toMatchObject({ aud: 'postgraphile', role: SCOPED_ROLE, municipality_id: params.municipalityId });
    expect(c.exp).toBeGreaterThan(Date.now() / 1000 + 3600);
  });
});

describe('the SQL time replays each statement as its server ran it (bench/sql-time.ts)', () => {
  // a page of users as the API sends it: a LIMIT in the text, a list and a null among the values
  const text = `select id from app_user where municipality_id = $1 and id <> all($2::uuid[]) and ($3::text is null or login_id = $3) order by name_kana, id limit 3`;
  const values = () => [params.municipalityId, [params.cityUserId], null];
  const prepared = async () =>
    (
      await db.query<{ name: string; generic: number; custom: number }>(`select name, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement = $1`, [
        text,
      ])
    ).rows;

  it('an unnamed statement: one EXPLAIN of it, nothing kept in the session', async () => {
    const run = await explainAsRun(db, { text, values: values() });
    const direct = await db.query(text, values());
    expect(run.rows).toBe(direct.rowCount);
    expect(run.planningMs).toBeGreaterThan(0);
    expect(await prepared()).toEqual([]);
  });

  it('a named one: prepared and run as the API runs it, then EXPLAIN EXECUTEd with the same values (the same rows), its plan the kept one', async () => {
    const direct = await db.query(text, values());
    expect(direct.rowCount, 'the page finds rows (not vacuous)').toBeGreaterThan(0);
    const run = await explainAsRun(db, { text, values: values(), named: true });
    expect(run.rows).toBe(direct.rowCount);
    const [kept] = await prepared();
    expect(kept.name).toMatch(/^bench_[0-9a-f]{16}$/);
    // five custom plans, then the generic one PostgreSQL keeps (a LIMIT in the text, nothing for it to guess)
    expect(kept.custom + kept.generic).toBe(7);
    expect(kept.generic).toBeGreaterThan(0);
    // and again, as the bench samples nine requests: the same statement, no second copy
    await explainAsRun(db, { text, values: values(), named: true });
    expect((await prepared()).length).toBe(1);
  });
});
