// Every filter of the audit trail's list is served by an index (issue 14: "every filter and sort
// served by an index"; the trail grows for years, a month a partition). Generated from the schema:
// each field of AuditFilter is asked through the API as CITY and as VENDOR, the page statement it
// sends is captured at the pg driver, and PostgreSQL is asked for its plan with sequential scans
// priced out and, inside the EXPLAIN's rolled-back transaction, the indexes that do not hold the
// filter's column dropped (on a test database of a few rows every index costs the same, and the
// planner's pick among them says nothing). The filter is served only if its column is then an index
// condition: an index scan of the municipality's events filtered row by row would read every event
// of the municipality, in every month, to find an office's or a failure's few.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { buildSchema, type GraphQLInputObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type Client, signedIn } from '../helpers/client.js';
import { buildWorld } from '../helpers/factories.js';
import { type captureStatements, type PlanNode, planInRollback, planNodes, planTools, type SentStatement } from '../helpers/sql-plans.js';

/** Each filter's value, and the column its index must take as a condition. A new filter fails below until it is named here. */
const FILTERS: Record<string, { column: string; value: (w: Awaited<ReturnType<typeof buildWorld>>) => unknown }> = {
  actorId: { column: 'actor_id', value: (w) => w.users.staff.user.id },
  officeId: { column: 'office_id', value: (w) => w.office.id },
  patientId: { column: 'patient_id', value: () => '00000000-0000-4000-8000-000000000001' },
  roomId: { column: 'room_id', value: () => '00000000-0000-4000-8000-000000000002' },
  // the panel's prefix of a family of actions
  action: { column: 'action', value: () => 'application.' },
  outcome: { column: 'outcome', value: () => 'FAILURE' },
  from: { column: 'occurred_at', value: () => '2026-10-01' },
  to: { column: 'occurred_at', value: () => '2026-10-07' },
};

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const filterFields = Object.keys((schema.getType('AuditFilter') as GraphQLInputObjectType).getFields());

let server: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const as = {} as Record<'city' | 'vendor', Client>;
let db: pg.Client;
let tools: Awaited<ReturnType<typeof planTools>>;
let sql: ReturnType<typeof captureStatements>;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm.em.fork(), server.secrets);
  Object.assign(as, await signedIn(server.url, world.users, ['city', 'vendor'] as const));
  tools = await planTools(server);
  ({ sql, db } = tools);
});

afterAll(async () => {
  await tools?.close();
  await server?.close();
});

/** The plan with sequential scans priced out and every index of audit_event that does not hold `column` dropped (but the primary key). */
const planOf = (statement: SentStatement, column: string): Promise<PlanNode> =>
  planInRollback(db, statement, async (c) => {
    await c.query('set local enable_seqscan = off');
    const indexes = await c.query<{ indexname: string; indexdef: string }>(`select indexname, indexdef from pg_indexes where tablename = 'audit_event'`);
    const holds = new RegExp(`[(, "]${column}[" ,)]`);
    for (const i of indexes.rows) if (!i.indexname.endsWith('_pkey') && !holds.test(i.indexdef.slice(i.indexdef.indexOf('(')))) await c.query(`drop index "${i.indexname}"`);
  });

/** The index conditions of the scans of audit_event's partitions (index scans, and the index half of bitmap scans). */
const auditIndexConds = (plan: PlanNode): string[] =>
  planNodes(plan)
    .filter((n) => n['Index Name']?.startsWith('audit_event') && n['Index Cond'])
    .map((n) => `${n['Index Name']}: ${n['Index Cond']}`);

describe('every filter of the audit list is served by an index', () => {
  it('the schema’s AuditFilter fields are each named above', () => {
    expect(filterFields.sort()).toEqual(Object.keys(FILTERS).sort());
  });

  for (const field of filterFields) {
    for (const caller of ['city', 'vendor'] as const) {
      it(`by ${field} (${caller})`, async () => {
        const { column, value } = FILTERS[field];
        const query = 'query($filter: AuditFilter) { auditEvents(filter: $filter, page: { page: 1, perPage: 50 }) { total items { id } } }';
        const variables = { filter: { [field]: value(world) } };
        await as[caller].ok(query, variables); // warm: the shape is compiled on the first request
        const sent = await sql.during(() => as[caller].ok(query, variables));
        const pages = sent.filter((s) => /\bfrom "?audit_event"?\b/.test(s.text));
        expect(pages.length, 'the page statement').toBeGreaterThan(0);
        const conds: string[] = [];
        let reads = 0;
        for (const s of pages) {
          const plan = await planOf(s, column);
          conds.push(...auditIndexConds(plan));
          reads += planNodes(plan).filter((n) => (n['Relation Name'] ?? n['Index Name'])?.startsWith('audit_event')).length;
        }
        // VENDOR's scope holds no patient's events: asked for a patient's, the planner reads nothing
        if (reads === 0) return;
        expect(
          conds.some((c) => c.includes(column)),
          `no index condition on ${column}:\n${conds.join('\n')}\n${pages.map((s) => s.text).join('\n')}`,
        ).toBe(true);
      });
    }
  }
});
