// Plain rows from hand-written SQL, for the read paths: straight to the pg driver on a pooled
// connection, as a named prepared statement.
//
// Why not em.getConnection().execute(): MikroORM inlines every parameter into the SQL text
// (Platform.formatQuery) and hands it to knex's runner, so PostgreSQL parses and plans each read
// anew (1.5 ms of planning for the users page on the benchmark's data, three times its execution)
// and the API spends its own CPU escaping values and running knex. Here the text is fixed per
// shape, the values travel as parameters, and pg keeps each connection's parsed statement, so
// PostgreSQL reuses its plan (a custom plan for the first five runs, then the generic one if it is
// as good: PostgreSQL's own rule, plan_cache_mode = auto).
//
// Inside a transaction (a mutation that also reads), the query runs on the transaction's
// connection, which knex's transaction client hands out. Statements are logged through MikroORM's logger when its
// `query` namespace is on (tests count statements that way).
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

interface PgClient {
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}

interface Native {
  text: string;
  values: unknown[];
  name?: string;
}

/**
 * A list passed as ONE parameter (a PostgreSQL array: `= any(?::uuid[])`), so that the statement's
 * text, and its prepared plan, do not change with the list's length. A plain array fills `in (?)`.
 */
export class SqlArray {
  constructor(readonly values: readonly unknown[]) {}
}
export const sqlArray = (values: readonly unknown[]) => new SqlArray(values);

/**
 * A page's LIMIT written into the statement's text, and its OFFSET a parameter only past the first
 * page. A prepared statement's generic plan is made without its parameters' values, and a LIMIT or
 * OFFSET parameter is taken to keep a tenth of the rows: once a list has more than ten pages, the
 * generic plan looks dearer than a custom one, PostgreSQL rejects it, and every request is planned
 * anew (the activity page's offices on the bench's scale-5 data: 0.21 ms of planning per request,
 * 0.01 with the number in the text). The sizes are few (list.ts MAX_PER_PAGE), so the texts are too.
 */
export function pageClause(limit: number, offset: number): [sql: string, params: unknown[]] {
  const page = `limit ${assertRowCount(limit)}`;
  return assertRowCount(offset) > 0 ? [`${page} offset ?`, [offset]] : [page, []];
}

/** A LIMIT or OFFSET bound for the statement's text: a plain count, never a caller's text (list.ts findOptions clamps it). */
export function assertRowCount(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`rows.ts: ${n} is not a row count`);
  return n;
}

/** Statement names by SQL text (bounded: the texts are the code's shapes, not the data's). */
const names = new Map<string, string>();
const MAX_NAMES = 5_000;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name) return name;
  if (names.size >= MAX_NAMES) return undefined; // unnamed: parsed each time, still correct
  name = `r_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  names.set(text, name);
  return name;
}

/** A `?` statement cut at its placeholders, with its `$n` text when no list is expanded. */
interface Placeholders {
  /** the text between the placeholders: one more than there are placeholders */
  pieces: string[];
  text: string;
  name: string | undefined;
}

/** By `?` text (bounded as the names are): a read's text is cut once, not on every request. */
const cut = new Map<string, Placeholders>();

function placeholdersOf(sql: string): Placeholders {
  const known = cut.get(sql);
  if (known) return known;
  const pieces: string[] = [];
  let from = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '?') {
      if (sql[i + 1] === '?') throw new Error('rows.ts: ?? bindings are not supported');
      pieces.push(sql.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(sql.slice(from));
  const text = pieces.reduce((t, piece, n) => `${t}$${n}${piece}`);
  const parsed = { pieces, text, name: statementName(text) };
  if (cut.size < MAX_NAMES) cut.set(sql, parsed);
  return parsed;
}

/**
 * `?` placeholders (knex's convention, used across the code) to `$n`; an array value fills an
 * `in (?)` list as knex does (one parameter per element). `?` inside a quoted literal or
 * identifier is left alone; knex's `??` identifier binding is not supported here.
 */
export function toNative(sql: string, params: readonly unknown[]): Native {
  const { pieces, text, name } = placeholdersOf(sql);
  if (params.length !== pieces.length - 1) throw new Error(`rows.ts: ${params.length} parameters for ${pieces.length - 1} placeholders`);
  if (!params.some((value) => Array.isArray(value))) return { text, values: params.map((value) => (value instanceof SqlArray ? [...value.values] : value)), name };
  // a list's length changes the text: those stay unnamed rather than fill the cache with lengths
  const values: unknown[] = [];
  let expanded = pieces[0];
  params.forEach((value, i) => {
    if (value instanceof SqlArray) expanded += `$${values.push([...value.values])}`;
    else if (Array.isArray(value)) expanded += value.length === 0 ? 'null' : value.map((v) => `$${values.push(v)}`).join(', ');
    else expanded += `$${values.push(value)}`;
    expanded += pieces[i + 1];
  });
  return { text: expanded, values };
}

/** Rows of SQL already in PostgreSQL's `$n` form (a query builder's toSQL().toNative()). */
export function nativeRows<T>(em: EntityManager, text: string, values: readonly unknown[]): Promise<T[]> {
  return run<T>(em, { text, values: [...values], name: statementName(text) });
}

/** Rows of SQL with `?` placeholders and their values. */
export function sqlRows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return run<T>(em, toNative(sql, params));
}

async function run<T>(em: EntityManager, q: Native): Promise<T[]> {
  const logger = em.config.getLogger();
  const logging = logger.isEnabled('query');
  const started = logging ? Date.now() : 0;
  // a transaction's client hands out the transaction's own connection (and keeps it on release)
  const client = ((em.getTransactionContext() as { client?: unknown } | undefined) ?? em.getKnex()).client as ReturnType<EntityManager['getKnex']>['client'];
  const connection = (await client.acquireConnection()) as PgClient;
  try {
    const { rows } = await connection.query(q);
    if (logging) logger.logQuery({ query: q.text, params: q.values, took: Date.now() - started, results: rows.length, level: 'info' });
    return rows as T[];
  } catch (e) {
    if (logging) logger.logQuery({ query: q.text, params: q.values, took: Date.now() - started, level: 'error' });
    throw e;
  } finally {
    await client.releaseConnection(connection);
  }
}
