// Does every list filter the panel offers use an index? For each filter, the API itself is asked
// (through GraphQL, signed in as the panel's user), the SQL it sends is captured at the pg driver,
// and each SELECT is run again under EXPLAIN (FORMAT JSON) with the same parameters on the
// benchmark dataset. A Seq Scan on a big table (≥ BIG_TABLE_ROWS rows) is reported as a miss.
//
// Standalone: `node dist/bench/explain.js [--scale 1] [--seed 42]` (after `tsc -p bench`) runs the
// check alone on the dataset of that scale and seed (built first if missing).
import { pathToFileURL } from 'node:url';
import type { TargetProcess } from './child.js';
import type { BenchParams } from './queries.js';
import type { CapturedStatement } from './targets/common.js';
import type { PgClient } from './env.js';

export const BIG_TABLE_ROWS = 5000;

export interface ExplainCase {
  area: string;
  filter: string;
  role: 'CITY' | 'VENDOR';
  query: string;
  variables: Record<string, unknown>;
}

export interface ScanNode {
  node: string;
  relation: string;
  index?: string;
  relationRows: number;
}

export interface ExplainedStatement {
  sql: string;
  scans: ScanNode[];
  planRows: number;
  totalCost: number;
}

export interface ExplainResult extends Omit<ExplainCase, 'query' | 'variables'> {
  statements: ExplainedStatement[];
  /** "Seq Scan on post (300,000 rows)" for each sequential scan of a big table */
  seqScansOnBigTables: string[];
  error?: string;
}

export interface ExplainIds {
  vendorMunicipalityId: string;
  authorId: string;
  actorId: string;
  patientId: string;
}

/** The filters of the panel's lists, as the CITY user (and, where its scope differs, VENDOR) sends them. */
export function explainCases(p: BenchParams, ids: ExplainIds): ExplainCase[] {
  const list = (field: string, filterType: string) => `query($filter: ${filterType}) { ${field}(filter: $filter) { items { id } total } }`;
  const offices = list('offices', 'OfficeFilter');
  const users = list('users', 'UserFilter');
  const applications = list('applications', 'ApplicationFilter');
  const audit = list('auditEvents', 'AuditFilter');
  const posts = `query($roomId: ID!, $filter: PostFilter) { posts(roomId: $roomId, filter: $filter) { items { id } total } }`;
  const c = (area: string, filter: string, role: 'CITY' | 'VENDOR', query: string, variables: Record<string, unknown>): ExplainCase => ({ area, filter, role, query, variables });
  return [
    c('offices', 'by municipality', 'VENDOR', offices, { filter: { municipalityId: ids.vendorMunicipalityId } }),
    c('offices', 'by kind', 'CITY', offices, { filter: { kind: 'SERVICE' } }),
    c('offices', 'by kind', 'VENDOR', offices, { filter: { kind: 'SERVICE' } }),
    c('offices', 'by status', 'CITY', offices, { filter: { status: 'INACTIVE' } }),
    c('offices', 'by name search (q)', 'CITY', offices, { filter: { q: '訪問看護' } }),
    c('offices', 'by name search (q)', 'VENDOR', offices, { filter: { q: '訪問看護' } }),
    c('users', 'by office', 'CITY', users, { filter: { officeId: p.officeId } }),
    c('users', 'by role', 'CITY', users, { filter: { role: 'OFFICE' } }),
    c('users', 'by role', 'VENDOR', users, { filter: { role: 'CITY' } }),
    c('users', 'by job type', 'CITY', users, { filter: { jobType: 'CARE_MANAGER' } }),
    c('users', 'by job type', 'VENDOR', users, { filter: { jobType: 'CARE_MANAGER' } }),
    c('users', 'by status', 'CITY', users, { filter: { status: 'STOPPED' } }),
    c('users', 'by status', 'VENDOR', users, { filter: { status: 'STOPPED' } }),
    c('users', 'by name search (q)', 'CITY', users, { filter: { q: p.q } }),
    c('users', 'by name search (q)', 'VENDOR', users, { filter: { q: p.q } }),
    c('applications', 'by state', 'CITY', applications, { filter: { state: 'SUBMITTED' } }),
    c('applications', 'by type', 'CITY', applications, { filter: { type: 'STAFF_ADDITION' } }),
    c('applications', 'by state', 'VENDOR', applications, { filter: { state: 'FORWARDED' } }),
    c('posts', 'by room', 'CITY', posts, { roomId: p.bigRoomId }),
    c('posts', 'by room + title', 'CITY', posts, { roomId: p.bigRoomId, filter: { title: '訪問看護' } }),
    c('posts', 'by room + author', 'CITY', posts, { roomId: p.bigRoomId, filter: { authorId: ids.authorId } }),
    c('auditEvents', 'by actor', 'CITY', audit, { filter: { actorId: ids.actorId } }),
    c('auditEvents', 'by patient', 'CITY', audit, { filter: { patientId: ids.patientId } }),
    c('auditEvents', 'by date', 'CITY', audit, { filter: { from: '2026-10-01', to: '2026-10-07' } }),
    c('auditEvents', 'by office', 'CITY', audit, { filter: { officeId: p.officeId } }),
    c('auditEvents', 'by action', 'CITY', audit, { filter: { action: 'application.' } }),
    c('auditEvents', 'by outcome', 'CITY', audit, { filter: { outcome: 'DENIED' } }),
    c('auditEvents', 'by actor', 'VENDOR', audit, { filter: { actorId: ids.actorId } }),
    c('auditEvents', 'by date', 'VENDOR', audit, { filter: { from: '2026-10-01', to: '2026-10-07' } }),
  ];
}

/** Ids for the filters, chosen from the dataset deterministically. */
export async function explainIds(db: PgClient, p: BenchParams): Promise<ExplainIds> {
  const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: string }>(sql, params)).rows[0]?.id;
  return {
    vendorMunicipalityId: p.municipalityId,
    authorId: (await one(`select author_id as id from post where room_id = $1 group by author_id order by count(*) desc, author_id limit 1`, [p.bigRoomId]))!,
    // an office user of the dataset (not the benchmark's own CITY user, whose reads add audit rows)
    actorId: (await one(`select actor_id as id from audit_event where municipality_id = $1 and actor_role = 'OFFICE' group by actor_id order by count(*) desc, actor_id limit 1`, [p.municipalityId]))!,
    patientId: (await one(`select patient_id as id from room where id = $1`, [p.bigRoomId]))!,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: EXPLAIN (FORMAT JSON) is a nested untyped tree, walked by key
function scansOf(plan: any, sizes: Map<string, number>, out: ScanNode[] = []): ScanNode[] {
  if (plan['Relation Name']) out.push({ node: plan['Node Type'], relation: plan['Relation Name'], index: plan['Index Name'], relationRows: sizes.get(plan['Relation Name']) ?? 0 });
  else if (plan['Index Name']) out.push({ node: plan['Node Type'], relation: '', index: plan['Index Name'], relationRows: 0 });
  for (const child of plan.Plans ?? []) scansOf(child, sizes, out);
  return out;
}

const isListRead = (s: CapturedStatement) => /^\s*select\b/i.test(s.text) && !/from\s+"session"/i.test(s.text);

export async function runExplain(api: TargetProcess, cookies: Record<'CITY' | 'VENDOR', string>, db: PgClient, p: BenchParams, log: (m: string) => void): Promise<ExplainResult[]> {
  const ids = await explainIds(db, p);
  const sizes = new Map(
    (await db.query<{ relname: string; n: number }>(`select relname, greatest(reltuples, 0)::bigint as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`)).rows.map(
      (r) => [r.relname, Number(r.n)],
    ),
  );
  const results: ExplainResult[] = [];
  for (const c of explainCases(p, ids)) {
    const { area, filter, role } = c;
    await api.capture(true);
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies[role] },
      body: JSON.stringify({ query: c.query, variables: c.variables }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    const captured = (await api.stats()).captured ?? [];
    await api.capture(false);
    if (body.errors?.length) {
      results.push({ area, filter, role, statements: [], seqScansOnBigTables: [], error: body.errors.map((e) => e.message).join('; ') });
      continue;
    }
    const statements: ExplainedStatement[] = [];
    for (const s of captured.filter(isListRead)) {
      // biome-ignore lint/suspicious/noExplicitAny: EXPLAIN (FORMAT JSON) is a nested untyped tree, walked by key
      const r = await db.query<{ 'QUERY PLAN': any }>(`explain (format json) ${s.text}`, s.values as unknown[]);
      const plan = r.rows[0]['QUERY PLAN'][0].Plan;
      statements.push({ sql: s.text.replace(/\s+/g, ' ').trim(), scans: scansOf(plan, sizes), planRows: plan['Plan Rows'], totalCost: plan['Total Cost'] });
    }
    const seq = statements.flatMap((s) =>
      s.scans.filter((n) => n.node === 'Seq Scan' && n.relationRows >= BIG_TABLE_ROWS).map((n) => `Seq Scan on ${n.relation} (${n.relationRows.toLocaleString('en')} rows)`),
    );
    results.push({ area, filter, role, statements, seqScansOnBigTables: [...new Set(seq)] });
    log(`  explain ${area} ${filter} (${role}): ${seq.length ? seq.join(', ') : 'no Seq Scan on a big table'}`);
  }
  return results;
}

/** One line per statement: the scans, in plan order. */
export function describeScans(s: ExplainedStatement): string {
  return s.scans.map((n) => (n.index ? `${n.node} using ${n.index}` : `${n.node} on ${n.relation}`)).join(' → ');
}

// ------------------------------------------------------------------ standalone
async function main() {
  const { parseArgs, startCluster, prepareDatabase, RUN_DB, withClient, signIn, BENCH_PASSWORD, BENCH_SECRET_KEY, totpSecretFor } = await import('./env.js');
  const { TargetProcess } = await import('./child.js');
  const { discoverParams } = await import('./queries.js');
  const o = parseArgs(process.argv.slice(2));
  const log = (m: string) => console.log(m);
  const cluster = await startCluster(o, log);
  let api: TargetProcess | null = null;
  try {
    await prepareDatabase(cluster, o, log);
    const params = await withClient(cluster.url(RUN_DB), (c) => discoverParams(c));
    api = await TargetProcess.start('api', { databaseUrl: cluster.url(RUN_DB, 'app'), poolMax: 10, secretKey: BENCH_SECRET_KEY });
    const cookies = {
      CITY: await signIn(api.url, params.cityLoginId, BENCH_PASSWORD, totpSecretFor(o.seed)),
      VENDOR: await signIn(api.url, 'bench-vendor', BENCH_PASSWORD, totpSecretFor(o.seed)),
    };
    const results = await withClient(cluster.url(RUN_DB), (c) => runExplain(api!, cookies, c, params, log));
    const misses = results.filter((r) => r.seqScansOnBigTables.length || r.error);
    console.log(misses.length ? `\n${misses.length} filter(s) scan a big table without an index (or failed).` : '\nEvery filter uses an index on the big tables.');
  } finally {
    await api?.stop();
    await cluster.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
