// The leak sweep (issue 10): unique markers in every patient field, post, correction, comment, file
// name and file; then every Query field of the schema (generated from it, nested, with every id of
// the world that fits), both file routes for every file, the outbox, the mail sent and the audit
// trail, as every kind of caller. Who may see which marker is the policy below; a caller that
// sees one it may not is a leak. A second test: every answer that carried patient data to an
// allowed caller wrote an audit event naming that patient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startSmtpSink } from '../helpers/smtp.js';
import { Caller, generateOperations, pageOf, prune, queryOf, type Found, type HttpAnswer, type Operation, type Sel, type WorldIds } from '../helpers/sweep.js';
import { buildSweepWorld, type SweepWorld } from '../helpers/sweep-world.js';
import { buildBareSchema } from '../../api/schema.js';
import { MailWorker } from '../../api/mail/worker.js';

// ---------------------------------------------------------------------------------------------
// The policy, by marker group:
//   room1 / room2 / room3  the patient, consent, name and posts of a room (room1 also its join request)
//   form1                  what was typed on room 1's completed 様式6 beyond the patient: comments, note, scan
//   form3                  the city's comment completing room 3's closing request
//   open / withdrawn       an open and a withdrawn 様式6 (no room yet), filed by the live member
// Callers not listed may see no marker at all.
const MAY_SEE: Record<string, string[]> = {
  city1: ['room1', 'form1', 'room2', 'room3', 'form3', 'open', 'withdrawn'],
  // a live member of rooms 1–3 and the applicant of the open form; not of the withdrawn one (closed)
  'live member': ['room1', 'form1', 'room2', 'room3', 'form3', 'open'],
};
/** What each allowed caller must actually get (proof that the markers are reachable at all). */
const MUST_SEE: Record<string, string[]> = {
  city1: ['room1', 'room2', 'room3', 'open'],
  'live member': ['room1', 'room2', 'room3', 'open'],
};
/** Answers that never carry patient data, whoever asks: the outbox. */
const MARKER_FREE_FIELDS = new Set(['notifications']);
/**
 * The audit listing names its events' patients and rooms to the city of their municipality (the
 * trail in words, README *Audit*), and that read is itself logged. Nothing else typed about a
 * patient ever reaches it, and no other caller sees a patient's name there. The stored trail
 * (the audit_event table) holds no marker at all.
 */
const AUDIT_LISTING_MAY_NAME: Record<string, RegExp> = { city1: /\.(patient\.name|room\.name)$/ };
/**
 * Query fields the generator cannot call with meaningful arguments. Each entry says why.
 * (Empty: every field of today's schema is called. A new field whose required arguments the
 * generator cannot fill makes the coverage test fail until it is handled here or there.)
 */
const SKIP_FIELDS = new Set<string>([]);
/** Nested fields with required arguments the selection builder leaves out (none today). */
const SKIP_NESTED = new Set<string>([]);

interface Observation {
  caller: string;
  path: string;
  field: string | null;
  status: number;
  codes: string[];
  found: Found[];
  answered: boolean;
  /** audit rows this request wrote for the caller (allowed callers only) */
  audit?: { patient_id: string | null; action: string }[];
}

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let em: EntityManager;
let world: SweepWorld;
let schema: GraphQLSchema;
let operations: Operation[];
let skippedNested: Set<string>;
const observations: Observation[] = [];
const callerNames: string[] = [];
const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);

/** Every id of the world by kind: each table with a uuid primary key (app_user → user). */
async function worldIds(): Promise<WorldIds> {
  const tables = (await sql(`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by table_name`)) as {
    table_name: string;
  }[];
  const ids: WorldIds = {};
  for (const { table_name } of tables) {
    const kind = table_name === 'app_user' ? 'user' : table_name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const rows = (await sql(`select id::text as id from "${table_name}" order by id`)) as { id: string }[];
    if (rows.length) ids[kind] = rows.map((r, i) => ({ id: r.id, label: world.labels.get(r.id) ?? `${kind}#${i + 1}` }));
  }
  return ids;
}

async function maxAuditId(): Promise<string> {
  return ((await sql(`select coalesce(max(id), 0)::text as m from audit_event`)) as { m: string }[])[0].m;
}

const codesOf = (a: HttpAnswer) => (a.json?.errors ?? []).map((e) => e.extensions?.code ?? '?');
const perPageOf = new Map<string, number>();
const timing = new Map<string, number>();
const countLeaves = (sel: Sel[]): number => sel.reduce((n, s) => n + (s.children ? countLeaves(s.children) : 1), 0);

/** One caller's whole sweep, request after request (so each request's audit rows are its own). */
async function sweep(name: string, caller: Caller, fileIds: string[]) {
  const allowed = name in MAY_SEE;
  /** One request, its markers and (allowed callers) the audit rows it wrote; a refused page size is not kept. */
  const record = async (path: string, field: string | null, request: () => Promise<HttpAnswer>, retryable = false) => {
    const before = allowed ? await maxAuditId() : null;
    const t0 = Date.now();
    const answer = await request();
    timing.set(field ?? 'files', (timing.get(field ?? 'files') ?? 0) + Date.now() - t0);
    const codes = codesOf(answer);
    if (retryable && codes.includes('QUERY_TOO_COMPLEX')) return answer;
    const audit = before !== null ? ((await sql(`select patient_id, action from audit_event where id > ?::bigint and actor_id = ?`, [before, caller.userId])) as Observation['audit']) : undefined;
    const answered = field ? answer.json?.data?.[field] != null && codes.length === 0 : answer.status === 200;
    observations.push({ caller: name, path, field, status: answer.status, codes, found: world.mk.find(answer.text), answered, audit });
    return answer;
  };
  const run = async (op: Operation) => {
    let page = 1;
    let selection = op.selection;
    let patientData = false;
    for (let attempt = 0; attempt < 20; attempt++) {
      const perPage = perPageOf.get(op.field) ?? 1000;
      const variables = op.pageArg ? { ...op.variables, [op.pageArg]: { page, perPage } } : op.variables;
      const pruned = selection !== op.selection ? ` without ${countLeaves(op.selection) - countLeaves(selection)} fields` : '';
      const answer = await record(`${op.label}${page > 1 ? ` page ${page}` : ''}${pruned}`, op.field, () => caller.gql(queryOf(op, selection), variables), op.pageArg !== null && perPage > 1);
      // the query-cost limit depends on the page size: halve it until the query is accepted
      if (op.pageArg && codesOf(answer).includes('QUERY_TOO_COMPLEX') && perPage > 1) {
        perPageOf.set(op.field, Math.min(perPageOf.get(op.field) ?? 1000, Math.floor(perPage / 2)));
        continue;
      }
      patientData ||= observations.at(-1)!.found.length > 0;
      // a refused nested field nulls the answer up to the root: ask again without it
      const nested = (answer.json?.errors ?? []).map((e) => e.path ?? []).filter((p) => p.length > 1);
      const next = nested.length ? prune(selection, nested) : selection;
      if (JSON.stringify(next) !== JSON.stringify(selection)) {
        selection = next;
        continue;
      }
      const p = pageOf(answer, op.field);
      if (!op.pageArg || !p || page * perPage >= p.total || page >= 20) break;
      page += 1;
    }
    return patientData;
  };
  for (const op of operations) {
    // the shallow variant (what a list or detail page asks) is for the read log (test 2): asked
    // by allowed callers where the deep answer carried patient data
    if ((await run(op)) && allowed && op.shallow) await run(op.shallow);
  }
  for (const id of fileIds) {
    for (const route of ['/attachments/', '/post-attachments/']) await record(`GET ${route}${world.labels.get(id) ?? id}`, null, () => caller.file(`${route}${id}`));
  }
}

beforeAll(async () => {
  const started = Date.now();
  smtp = await startSmtpSink();
  server = await startTestServer({ smtpUrl: smtp.url });
  em = server.orm.em.fork();
  world = await buildSweepWorld(server);
  schema = await buildBareSchema();
  const ids = await worldIds();
  ({ operations, skippedNested } = generateOperations(schema, ids, SKIP_FIELDS));
  const built = Date.now();
  const fileIds = [...(ids.attachment ?? []), ...(ids.postAttachment ?? [])].map((x) => x.id);
  for (const [i, id] of fileIds.entries()) world.labels.set(id, world.labels.get(id) ?? `file#${i + 1}`);

  const { clients, users, base, tokens, halfSignedIn } = world;
  const url = server.url;
  const as = (name: string, c: { cookieHeader: string | null }, userId: string | null) => [name, new Caller(name, url, { cookie: c.cookieHeader }, userId)] as const;
  const callers: (readonly [string, Caller])[] = [
    ['anonymous', new Caller('anonymous', url)],
    as('half-signed-in city1 (no TOTP)', halfSignedIn, base.users.city.user.id),
    as('VENDOR', clients.vendor, base.users.vendor.user.id),
    as('other city CITY', clients.otherCity, base.users.otherCity.user.id),
    as('office admin, not a member', clients.officeAdmin, base.users.officeAdmin.user.id),
    as('removed member (applicant of form1)', clients.removed, users.removed.user.id),
    as('ID-stopped member', clients.stopped, users.stopped.user.id),
    as('member past its stop date', clients.stopDue, users.stopDue.user.id),
    as('account VENDOR created (CITY of municipality1)', world.attacks.vendorMadeCity.client, world.attacks.vendorMadeCity.userId),
    as('member whose credentials VENDOR reset', world.attacks.vendorReset.client, world.attacks.vendorReset.userId),
    ['VENDOR API token', new Caller('VENDOR API token', url, { bearer: tokens.vendor }, base.users.vendor.user.id)],
    ['other city API token', new Caller('other city API token', url, { bearer: tokens.otherCity }, base.users.otherCity.user.id)],
    as('city1', clients.city, base.users.city.user.id),
    as('live member', clients.live, users.live.user.id),
  ];
  callerNames.push(...callers.map(([n]) => n));
  await Promise.all(callers.map(([name, c]) => sweep(name, c, fileIds)));
  if (process.env.SWEEP_DEBUG) console.log(`world ${(built - started) / 1000} s, sweep ${(Date.now() - built) / 1000} s`, [...timing].sort((a, b) => b[1] - a[1]).slice(0, 12));

  // the mail the world's workflows sent, the outbox and the audit trail as stored
  await new MailWorker(server.orm, smtp.url, 'system@example.jp').runOnce(500);
  for (const m of smtp.mails)
    observations.push({
      caller: '(mail sent)',
      path: `mail to ${m.to.join(',')}: ${m.subject}`,
      field: 'mail',
      status: 0,
      codes: [],
      found: world.mk.find(`${m.subject}\n${m.body}\n${m.raw}`),
      answered: true,
    });
  for (const n of (await sql(`select kind, subject, body from notification`)) as { kind: string; subject: string; body: string }[])
    observations.push({ caller: '(outbox table)', path: `notification ${n.kind}`, field: 'notifications', status: 0, codes: [], found: world.mk.find(`${n.subject}\n${n.body}`), answered: true });
  for (const a of (await sql(`select a.*, a.detail::text as detail_text from audit_event a`)) as { action: string; detail_text: string | null }[])
    observations.push({ caller: '(audit_event table)', path: `audit_event ${a.action}`, field: 'auditEvents', status: 0, codes: [], found: world.mk.find(JSON.stringify(a)), answered: true });

  for (const [k, a] of Object.entries(world.attacks)) console.log(`[leak-sweep] VENDOR's attempt ${k}: ${a.log.join(' → ')}`);
  const fields = new Set(observations.filter((o) => o.answered && o.field && !o.path.startsWith('GET')).map((o) => o.field));
  const queryFields = Object.keys(schema.getQueryType()!.getFields());
  console.log(
    `[leak-sweep] ${observations.filter((o) => o.status > 0).length} calls (${operations.length} operations, ${callers.length} callers, ${fileIds.length} files; pages and retries included), ` +
      `${queryFields.filter((f) => fields.has(f)).length}/${queryFields.length} Query fields answered, ${world.mk.all.length} markers, ${leaks().length} leaks, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}, 240_000);

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

/** Observations where a marker reached someone the policy keeps it from. */
function leaks() {
  const out = new Map<string, { caller: string; path: string; marker: string; count: number }>();
  for (const o of observations) {
    for (const f of o.found) {
      const free = o.field !== null && MARKER_FREE_FIELDS.has(o.field);
      if (o.field === 'auditEvents') {
        if (MAY_SEE[o.caller]?.includes(f.group) && AUDIT_LISTING_MAY_NAME[o.caller]?.test(f.label)) continue;
      } else if (!free && MAY_SEE[o.caller]?.includes(f.group)) continue;
      const where = o.path.replace(/\(.*\)/, '(…)').replace(/ page \d+$/, '');
      const key = `${o.caller}|${where}|${f.label}`;
      const e = out.get(key) ?? { caller: o.caller, path: o.path, marker: f.label, count: 0 };
      e.count += 1;
      out.set(key, e);
    }
  }
  return [...out.values()];
}

describe('leak sweep: every Query field, file, mail and audit listing, as every kind of caller', () => {
  it('the generated operations cover every Query field and are valid GraphQL', () => {
    const queryFields = Object.keys(schema.getQueryType()!.getFields()).filter((f) => !SKIP_FIELDS.has(f));
    const answered = new Set(observations.filter((o) => o.answered).map((o) => o.field));
    const unanswered = queryFields
      .filter((f) => !answered.has(f))
      .map((f) => `${f}: ${[...new Set(observations.filter((o) => o.field === f).map((o) => `${o.caller}=${o.codes.join(',') || o.status}`))].join(' ')}`);
    expect(unanswered, 'Query fields no caller got an answer from (with what each caller got)').toEqual([]);
    expect(
      [...skippedNested].filter((f) => !SKIP_NESTED.has(f)),
      'nested fields with required arguments',
    ).toEqual([]);
    const invalid = observations.filter((o) => o.codes.some((c) => c === 'GRAPHQL_VALIDATION_FAILED' || c === 'GRAPHQL_PARSE_FAILED' || c === 'QUERY_TOO_COMPLEX'));
    expect(invalid.map((o) => `${o.caller} ${o.path}: ${o.codes.join(',')}`)).toEqual([]);
    expect(callerNames).toHaveLength(14);
  });

  it('allowed callers get the markers (the world is really marked and reachable)', () => {
    expect(world.mk.all.length).toBeGreaterThan(60);
    // the mail and outbox checks are not vacuous: the workflows did send notices
    expect(smtp.mails.length).toBeGreaterThan(3);
    expect(observations.filter((o) => o.caller === '(outbox table)').length).toBeGreaterThan(3);
    const missing: string[] = [];
    for (const [caller, groups] of Object.entries(MUST_SEE)) {
      const seen = new Set(observations.filter((o) => o.caller === caller && !(o.field && MARKER_FREE_FIELDS.has(o.field))).flatMap((o) => o.found.map((f) => f.label)));
      for (const m of world.mk.all) if (groups.includes(m.group) && !seen.has(m.label)) missing.push(`${caller} never got ${m.label}`);
    }
    expect(missing).toEqual([]);
  });

  it('the markers nobody is required to see are planted in the database all the same', async () => {
    const tables = ((await sql(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as { table_name: string }[]).map((t) => t.table_name);
    let dump = '';
    for (const t of tables) for (const r of (await sql(`select t::text as row from "${t}" t`)) as { row: string }[]) dump += `${r.row}\n`;
    const required = new Set(Object.values(MUST_SEE).flat());
    const absent = world.mk.all.filter((m) => !required.has(m.group) && !m.label.endsWith('.base64') && !dump.includes(m.value) && !dump.includes(Buffer.from(m.value).toString('hex')));
    expect(absent.map((m) => m.label)).toEqual([]);
  });

  it('no marker reaches a caller the policy keeps it from, nor the outbox, the mail or the audit trail', () => {
    const found = leaks()
      .sort((a, b) => a.caller.localeCompare(b.caller) || a.path.localeCompare(b.path) || a.marker.localeCompare(b.marker))
      .map((l) => `${l.caller} | ${l.path}${l.count > 1 ? ` (+${l.count - 1} similar)` : ''} | ${l.marker}`);
    expect(found).toEqual([]);
  });

  it('every answer that carried patient data to an allowed caller wrote an audit event naming the patient', async () => {
    // the patient each group is about; a form without a room yet: the patient row the API made for
    // it, if any (else any audit row with a patient id counts)
    const patientByName = async (group: string) => {
      const name = world.mk.all.find((m) => m.label === `${group}.patient.name`)!.value;
      return ((await sql(`select id from patient where name = ?`, [name])) as { id: string }[])[0]?.id ?? null;
    };
    const patientOf: Record<string, string | null> = {
      room1: world.patients.room1,
      form1: world.patients.room1,
      room2: world.patients.room2,
      room3: world.patients.room3,
      form3: world.patients.room3,
      open: await patientByName('open'),
      withdrawn: await patientByName('withdrawn'),
    };
    const unlogged: string[] = [];
    for (const o of observations) {
      if (!(o.caller in MAY_SEE) || !o.audit || (o.field && MARKER_FREE_FIELDS.has(o.field))) continue;
      const groups = new Set(o.found.filter((f) => MAY_SEE[o.caller].includes(f.group)).map((f) => f.group));
      for (const g of groups) {
        const pid = patientOf[g];
        const ok = o.audit.some((a) => (pid ? a.patient_id === pid : a.patient_id !== null));
        if (!ok)
          unlogged.push(
            `${o.caller} | ${o.path} | ${g} (${o.found.filter((f) => f.group === g).length} markers) | audit rows: ${o.audit.map((a) => `${a.action}${a.patient_id ? '' : '(no patient)'}`).join(', ') || 'none'}`,
          );
      }
    }
    expect(unlogged).toEqual([]);
  });
});
