// Reads as plain rows (issue 14): a list or detail read fetches only the columns its GraphQL
// selection needs, in one statement, and never builds ORM entities. Entities stay for writes.
//
// Why: hydrating entities (identity map, a Reference per relation, change-tracking snapshots) was
// about half of the API's CPU per list request (bench/README.md, "What limits the missed targets").
//
// How an area uses it:
//   1. build `where` exactly as before, from the area's scope/policy functions (a MikroORM
//      FilterQuery): authorization stays in api/<area>/<area>.policy.ts;
//   2. call readPage / readOne with the entity, that where, the paging of findOptions() and
//      selectionOf(info) of the resolver;
//   3. FieldResolvers computed from other columns declare them once with rowNeeds(Entity, {…}),
//      and what the area's policy decides on with rowAlways(Entity, […]);
//      FieldResolvers of a many-to-one relation use related(), which takes either the row's nested
//      JSON or an entity's Reference (mutations still return entities).
// The columns come from MikroORM's metadata of the entity (GraphQL field = entity property, as the
// entities are the GraphQL object types): a selected scalar field is its column, a selected
// many-to-one field is a JSON object built by PostgreSQL in the same statement (json_build_object
// in a correlated subquery on the primary key, recursively for its own selection). Lazy properties
// (the secrets) are never read. The rows carry the GraphQL field names, so the type's own fields
// resolve as they are.
import { RawQueryFragment, ReferenceKind, raw, type EntityMetadata, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { Context } from '../context.js';
import { assertRowCount, nativeRows, toNative } from '../db/rows.js';
import { READ_LOG_COLUMN, type ReadLogColumn, type StatementReadLog } from '../audit/audit.js';

/** The fields selected on one object type: field name → its own sub-selection (empty for a leaf). */
export type Selection = Map<string, Selection>;

/**
 * The selection of the resolver's field, or of its `items` for a page (`{ items total }`).
 * graphql-parse-resolve-info (maintained with PostGraphile, which compiles selections to SQL the
 * same way) resolves fragments, inline fragments, aliases and @skip/@include, which a hand walk of
 * info.fieldNodes would have to redo.
 */
export function selectionOf(info: GraphQLResolveInfo, path: readonly string[] = []): Selection {
  let tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  for (const name of path) tree = tree ? childNamed(tree, name) : undefined;
  return tree ? toSelection(tree) : new Map();
}

/**
 * Every column of the entity (lazy ones, the blobs and secrets, excepted), its many-to-one
 * relations as their ids: for a batch of children loaded by a DataLoader for a whole page (an
 * application's history), which serves every parent's selection at once.
 */
export function everyColumn(ctx: Context, entity: { name: string }): Selection {
  const meta = ctx.em.getMetadata().get(entity.name);
  return new Map(meta.props.filter((p) => p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE).map((p) => [p.name, new Map()]));
}

/** A selection of leaf fields, for a read made by the server itself (the demo, a job). */
export const fieldsSelection = (...fields: string[]): Selection => new Map(fields.map((f) => [f, new Map()]));

function childNamed(tree: ResolveTree, name: string): ResolveTree | undefined {
  for (const fields of Object.values(tree.fieldsByTypeName)) for (const f of Object.values(fields)) if (f.name === name) return f;
  return undefined;
}

function toSelection(tree: ResolveTree): Selection {
  const out: Selection = new Map();
  for (const fields of Object.values(tree.fieldsByTypeName)) {
    for (const f of Object.values(fields)) {
      const sub = toSelection(f);
      const seen = out.get(f.name);
      if (seen) for (const [k, v] of sub) seen.set(k, v);
      else out.set(f.name, sub);
    }
  }
  return out;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Fields computed by a FieldResolver from other properties, per entity: field → the properties it reads. */
const needsByEntity = new Map<string, Record<string, readonly string[]>>();

/**
 * Declares what a FieldResolver of the entity reads of its row (e.g. User.twoFactorEnabled reads
 * totpEnabledAt), so that a read selecting the field reads those columns too.
 */
export function rowNeeds(entity: { name: string }, needs: Record<string, readonly string[]>): void {
  needsByEntity.set(entity.name, { ...needsByEntity.get(entity.name), ...needs });
}

/**
 * Declares properties read with every row of the entity, selected or not: what the area's policy
 * decides on (an application's type, state, parties and patient) or what its read-log names.
 */
export function rowAlways(entity: { name: string }, props: readonly string[]): void {
  rowNeeds(entity, { [ALWAYS]: props });
}
const ALWAYS = '';

/** The timestamp properties of each entity (revive turns their ISO text into Dates), computed once per entity. */
const timestampProps = new WeakMap<EntityMetadata, Set<string>>();
const isTimestamp = (meta: EntityMetadata, prop: string) => {
  let set = timestampProps.get(meta);
  if (!set) {
    set = new Set(meta.props.filter((p) => /^timestamp/.test(p.columnTypes?.[0] ?? '')).map((p) => p.name));
    timestampProps.set(meta, set);
  }
  return set.has(prop);
};

/** The properties to read for a selection: selected columns and relations, what FieldResolvers need, and id. */
function propsToRead(meta: EntityMetadata, selection: Selection): string[] {
  const props = new Set<string>(['id']);
  const needs = needsByEntity.get(meta.className) ?? {};
  const add = (name: string) => {
    const prop = meta.properties[name as never] as EntityMetadata['props'][number] | undefined;
    if (prop && !prop.lazy && prop.persist !== false && (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE)) props.add(name);
  };
  for (const name of needs[ALWAYS] ?? []) add(name);
  for (const name of selection.keys()) {
    add(name);
    for (const needed of needs[name] ?? []) add(needed);
  }
  return [...props];
}

/** SQL of one property over `alias`: its column, or for a many-to-one relation a JSON object (null when unset). */
function propSql(ctx: Context, meta: EntityMetadata, name: string, alias: string, selection: Selection, depth: number): string {
  const prop = meta.properties[name as never] as EntityMetadata['props'][number];
  const column = `${alias}.${quote(prop.fieldNames[0])}`;
  if (prop.kind !== ReferenceKind.MANY_TO_ONE) return isTimestamp(meta, name) ? `to_json(${column})` : column;
  const sub = selection.get(name) ?? new Map();
  const target = ctx.em.getMetadata().get(prop.type);
  const fields = propsToRead(target, sub);
  // only its id: no need to visit the other table
  if (fields.length === 1) return `case when ${column} is null then null else json_build_object('id', ${column}) end`;
  const childAlias = `${alias}_${depth}`;
  return `(select ${jsonObject(ctx, target, childAlias, sub, depth + 1)} from ${quote(target.tableName)} ${childAlias} where ${childAlias}.id = ${column})`;
}

function jsonObject(ctx: Context, meta: EntityMetadata, alias: string, selection: Selection, depth: number): string {
  const pairs = propsToRead(meta, selection).map((p) => `${literal(p)}, ${propSql(ctx, meta, p, alias, selection, depth)}`);
  return `json_build_object(${pairs.join(', ')})`;
}

/** The select list for a selection: `expr as "field"`. */
function selectList(ctx: Context, meta: EntityMetadata, alias: string, selection: Selection): string[] {
  return propsToRead(meta, selection).map((p) => `${propSql(ctx, meta, p, alias, selection, 1)} as ${quote(p)}`);
}

/** Timestamps (ISO text from to_json or json_build_object) to Date, nested rows likewise, in place. */
function revive(ctx: Context, meta: EntityMetadata, row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'string' && isTimestamp(meta, key)) row[key] = new Date(value);
    else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      const prop = meta.properties[key as never] as EntityMetadata['props'][number] | undefined;
      if (prop?.kind === ReferenceKind.MANY_TO_ONE) revive(ctx, ctx.em.getMetadata().get(prop.type), value as Record<string, unknown>);
    }
  }
  return row;
}

export interface RowRequest<T extends object> {
  entity: EntityName<T>;
  /** From the area's scope/policy and the list's filters, as before. */
  where: FilterQuery<T>;
  /** selectionOf(info) (or of its `items`). */
  selection: Selection;
  /**
   * Fields of the GraphQL type that are not properties of the entity, as SQL over the row's alias
   * (e.g. a person's officeName: `(a) => (select name from office where id = ${a}.office_id)`), read when selected.
   */
  computed?: Record<string, (alias: string) => string>;
}

export interface PageRequest<T extends object> extends RowRequest<T> {
  /** findOptions(page, sort, fields) of api/common/list.ts: entity property names. */
  paging: { limit: number; offset: number; orderBy: Record<string, 'asc' | 'desc'>[] };
  /**
   * The where holds a text search (a list's `q`): PostgreSQL must find every match anyway, so the
   * total is counted over the matches the page's own scan found (`count(*) over ()`) rather than by
   * running the search a second time in a count subquery (users by office and name: twice the SQL time).
   */
  searched?: boolean;
  /**
   * The total from counts the writes keep (api/reports/kept-counts.entity.ts): the table, whose
   * columns include every column the where reads, and whose `n` counts the rows of each key. The
   * total is then the where over that table, summed: a handful of rows whatever the list's size,
   * where counting the rows grows with them. Only for a where on those columns (a whole
   * municipality's rooms by status: RoomCount), never a search.
   */
  keptTotal?: string;
  /**
   * The page is a read of patient data: its access-log rows (one per listed row) are written by
   * the page's own statement (Audit#readLogInsert), not by a second INSERT.
   */
  log?: StatementReadLog;
}

const ALIAS = 'r';

const computedList = (req: Pick<RowRequest<object>, 'selection' | 'computed'>) =>
  Object.entries(req.computed ?? {})
    .filter(([field]) => req.selection.has(field))
    .map(([field, sql]) => `${sql(ALIAS)} as ${quote(field)}`);

function rowQuery<T extends object>(ctx: Context, req: RowRequest<T>, extra: string[] = []) {
  const meta = ctx.em.getMetadata().get<T>(typeof req.entity === 'string' ? req.entity : (req.entity as { name: string }).name);
  const qb = ctx.em
    .createQueryBuilder(req.entity, ALIAS)
    .select([...selectList(ctx, meta as EntityMetadata, ALIAS, req.selection), ...computedList(req), ...extra].map((s) => raw(s)))
    .where(req.where);
  // the driver's rows, no entity and no mapping of column names (api/db/rows.ts: a prepared statement)
  const run = async () => {
    const { sql, params } = statementOf(qb.getKnexQuery());
    return (await nativeRows<Record<string, unknown>>(ctx.em, sql, params)).map((r) => revive(ctx, meta as EntityMetadata, r));
  };
  return { qb, run };
}

/**
 * One page and its total in ONE statement, as plain rows with the GraphQL type's field names. The
 * total is a scalar subquery over the same scope (`(select count(*) … where <scope>) as __total`;
 * for a search, see PageRequest.searched), not `count(*) over ()`: a window count makes PostgreSQL
 * read and sort every row in scope before it can keep the page (rooms: 6.3 ms against 1.9 ms on
 * the benchmark's dataset), where the subquery is an index count and the page an index scan of its
 * own rows. The rows are typed as the GraphQL type R (the entity T by default) for the resolvers,
 * but carry only the selected fields (and id, and the hidden `__total`/`__log_…` columns).
 *
 * The statement is compiled once per shape (compiledOnce): the same list, selection and kind of
 * filters give the same SQL text whatever the values, so only the first request of a shape pays
 * MikroORM's and knex's building; the others bind their values into the cached text.
 */
export async function readPage<T extends object, R extends object = T>(ctx: Context, req: PageRequest<T>): Promise<{ items: R[]; total: number }> {
  const [page, count] = compiledOnce('page', req, req.paging, (where, limit, offset) => {
    const built = buildPage(ctx, { ...req, where, paging: { ...req.paging, limit, offset } });
    return [built.page, built.count];
  });
  const entity = meta(ctx, req);
  const rows = req.log ? await runLogged(ctx, entity, page, req.log) : (await nativeRows<Record<string, unknown>>(ctx.em, page.sql, page.params)).map((r) => revive(ctx, entity, r));
  const total = rows.length ? Number(rows[0][TOTAL]) : req.paging.offset > 0 ? Number((await nativeRows<{ count: string }>(ctx.em, count.sql, count.params))[0].count) : 0;
  return { items: rows as R[], total };
}

/**
 * A page of a list that grows for years (HistoryPageResult: the audit trail, the outbox). Counted
 * (`total` selected): readPage, and whether a page follows from the count. Not counted: the page's
 * own statement reads one row past it, and no count runs. On the benchmark's dataset the count of
 * one municipality's trail read 246,944 index entries across every monthly partition (138 ms), the
 * page itself 26 rows (3.7 ms): without the count, a page costs the same whatever the trail's age.
 */
export async function readHistoryPage<T extends object, R extends object = T>(
  ctx: Context,
  req: Omit<PageRequest<T>, 'searched' | 'log'>,
  counted: boolean,
): Promise<{ items: R[]; total?: number; hasNextPage: boolean }> {
  const { limit, offset } = req.paging;
  if (counted) {
    const { items, total } = await readPage<T, R>(ctx, req);
    return { items, total, hasNextPage: offset + items.length < total };
  }
  const ahead = { ...req.paging, limit: limit + 1 };
  const [page] = compiledOnce('ahead', req, ahead, (where, lim, off) => {
    const { qb } = rowQuery(ctx, { ...req, where });
    qb.orderBy(req.paging.orderBy).offset(off);
    return [statementOf(literalLimit(qb.getKnexQuery(), lim))];
  });
  const entity = meta(ctx, req);
  const rows = (await nativeRows<Record<string, unknown>>(ctx.em, page.sql, page.params)).map((r) => revive(ctx, entity, r));
  return { items: rows.slice(0, limit) as R[], hasNextPage: rows.length > limit };
}

/** A statement in PostgreSQL's `$n` form and its parameters. */
interface Statement {
  sql: string;
  params: unknown[];
}
/** A knex query as a Statement. */
function statementOf(query: { toSQL(): { toNative(): { sql: string; bindings: readonly unknown[] } } }): Statement {
  const { sql, bindings } = query.toSQL().toNative();
  return { sql, params: [...bindings] };
}
interface PageStatements {
  /** the page, its total, and the read-log columns */
  page: Statement;
  /** the count alone, for a page past the end */
  count: Statement;
}

/** Where a parameter comes from: the n-th value of the where (whereShape), or the page's offset. */
type Slot = number | 'offset';

/** Compiled statements by shape (bounded: shapes come from the code's lists and filters). */
const compiledStatements = new Map<string, { sql: string; slots: Slot[] }[]>();
const MAX_COMPILED = 2_000;

/** Stand-ins bound while compiling a shape, found again among knex's bindings to learn the slots. */
const standIn = (n: number) => `\uE000${n}\uE001`; // private-use characters; only ever bound while compiling, never with real values
const STAND_IN = /^\uE000(\d+)\uE001$/;
const OFFSET_STAND_IN = 2_000_000_002;

/** The page's LIMIT written into the text with knex's skipBinding (db/rows.ts pageClause says why). */
function literalLimit<Q extends { limit(n: number, options: { skipBinding: boolean }): Q }>(query: Q, limit: number): Q {
  return query.limit(assertRowCount(limit), { skipBinding: true });
}

/**
 * A read's statements (`build` makes them with MikroORM's query builder for a where, limit and
 * offset), compiled once per shape: from the cache for a shape seen before; else built with
 * stand-ins for the values and cached; else (a where a shape cannot stand for, or a value
 * MikroORM converts) built with the values themselves.
 */
function compiledOnce<T extends object>(
  kind: string,
  req: RowRequest<T> & Pick<PageRequest<T>, 'searched' | 'keptTotal' | 'log'>,
  paging: PageRequest<T>['paging'],
  build: (where: FilterQuery<T>, limit: number, offset: number) => Statement[],
): Statement[] {
  const shape = whereShape(req.where);
  if (shape) {
    const key = `${kind}:${pageKey({ ...req, paging }, shape.text)}`;
    let compiled = compiledStatements.get(key);
    if (compiled) {
      // the where's raw() fragments were registered for a build that does not happen: release them
      for (const k of shape.rawKeys) RawQueryFragment.remove(k);
    } else {
      // building consumes the where's raw() fragments: one more use each, for the build with the
      // values themselves should this one not be cacheable
      for (const k of shape.rawKeys) String(RawQueryFragment.getKnownFragment(k, false));
      const built = build(shape.standIns as FilterQuery<T>, paging.limit, paging.offset > 0 ? OFFSET_STAND_IN : 0);
      const slots = built.map((statement) => slotsOf(statement.params));
      if (slots.every((s) => s !== null)) {
        compiled = built.map((statement, i) => ({ sql: statement.sql, slots: slots[i]! }));
        if (compiledStatements.size >= MAX_COMPILED) compiledStatements.delete(compiledStatements.keys().next().value!);
        compiledStatements.set(key, compiled);
        for (const k of shape.rawKeys) RawQueryFragment.remove(k);
      }
    }
    if (compiled) return compiled.map(({ sql, slots }) => ({ sql, params: slots.map((slot) => (slot === 'offset' ? paging.offset : shape.values[slot])) }));
  }
  return build(req.where, paging.limit, paging.offset);
}

/** Each binding's slot, or null if one is not a stand-in (MikroORM converted a value: not cacheable). */
function slotsOf(bindings: readonly unknown[]): Slot[] | null {
  const slots: Slot[] = [];
  for (const b of bindings) {
    const m = typeof b === 'string' ? STAND_IN.exec(b) : null;
    if (m) slots.push(Number(m[1]));
    else if (b === OFFSET_STAND_IN) slots.push('offset');
    else return null;
  }
  return slots;
}

/** The page's statements through MikroORM's query builder. */
function buildPage<T extends object>(ctx: Context, req: PageRequest<T>): PageStatements {
  const logColumns = req.log ? (Object.entries(req.log.columns) as [ReadLogColumn, (a: string) => string][]).map(([c, sql]) => `${sql(ALIAS)} as ${READ_LOG_COLUMN(c)}`) : [];
  const { qb } = rowQuery(ctx, req, [...(req.searched ? [`count(*) over () as ${quote(TOTAL)}`] : []), ...logColumns]);
  qb.orderBy(req.paging.orderBy).offset(req.paging.offset);
  // the count is the page's own query without its columns, order and limit: the same scope, and
  // the where is translated once (a raw() fragment in it can be used only once)
  const query = literalLimit(qb.getKnexQuery(), req.paging.limit);
  const unpaged = query.clone().clearSelect().clearOrder().clear('limit').clear('offset');
  const count = req.keptTotal ? unpaged.from({ [ALIAS]: req.keptTotal }).sum({ count: `${ALIAS}.n` }) : unpaged.count({ count: '*' });
  if (!req.searched) query.select(count.clone().as(TOTAL));
  return { page: statementOf(query), count: statementOf(count) };
}

/** What makes two page requests the same statement: everything but the where's values and the page's offset (its size is in the text). */
function pageKey<T extends object>(req: PageRequest<T>, whereText: string): string {
  const name = typeof req.entity === 'string' ? req.entity : (req.entity as { name: string }).name;
  const computed = Object.entries(req.computed ?? {})
    .filter(([field]) => req.selection.has(field))
    .map(([field, sql]) => `${field}=${sql(ALIAS)}`);
  const log = req.log ? Object.entries(req.log.columns).map(([c, sql]) => `${c}=${sql(ALIAS)}`) : null;
  return JSON.stringify([name, selectionKey(req.selection), computed, !!req.searched, req.keptTotal ?? null, log, req.paging.orderBy, req.paging.limit, req.paging.offset > 0, whereText]);
}

const selectionKey = (selection: Selection): string => [...selection].map(([k, sub]) => (sub.size ? `${k}{${selectionKey(sub)}}` : k)).join(',');

/**
 * A where (MikroORM FilterQuery) as its shape, its values and a copy with stand-ins for them. A
 * value is a string, number or boolean (null is part of the shape: it is `is null` in SQL); an
 * array's length is part of the shape. Anything else (a Date, an entity, a raw() fragment with
 * parameters, a query builder) makes the where uncacheable: null.
 */
function whereShape(where: unknown): { text: string; values: unknown[]; standIns: unknown; rawKeys: string[] } | null {
  const values: unknown[] = [];
  const rawKeys: string[] = [];
  const walk = (v: unknown): { text: string; standIn: unknown } | null => {
    if (v === null) return { text: 'N', standIn: null };
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      values.push(v);
      return { text: `?${typeof v}`, standIn: standIn(values.length - 1) };
    }
    if (Array.isArray(v)) {
      const items = v.map(walk);
      if (items.some((i) => i === null)) return null;
      return { text: `[${items.map((i) => i!.text).join(',')}]`, standIn: items.map((i) => i!.standIn) };
    }
    if (typeof v !== 'object' || (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)) return null;
    const parts: string[] = [];
    const copy: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      let keyText = k;
      if (RawQueryFragment.isKnownFragment(k)) {
        const fragment = RawQueryFragment.getKnownFragment(k, false);
        if (!fragment || fragment.params.length) return null;
        rawKeys.push(k);
        keyText = `raw(${fragment.sql})`;
      }
      const w = walk(child);
      if (!w) return null;
      parts.push(`${JSON.stringify(keyText)}:${w.text}`);
      copy[k] = w.standIn;
    }
    return { text: `{${parts.join(',')}}`, standIn: copy };
  };
  const shaped = walk(where);
  return shaped ? { text: shaped.text, values, standIns: shaped.standIn, rawKeys } : null;
}

const meta = <T extends object>(ctx: Context, req: RowRequest<T>) => ctx.em.getMetadata().get<T>(typeof req.entity === 'string' ? req.entity : (req.entity as { name: string }).name) as EntityMetadata;

/**
 * The page as a CTE, its access log as a data-modifying CTE over it, one statement. The rows come
 * back in the page's order: a CTE scan returns its rows as the CTE produced them (ORDER BY … LIMIT).
 */
async function runLogged(ctx: Context, entity: EntityMetadata, page: Statement, log: StatementReadLog) {
  const insert = ctx.audit.readLogInsert('page', log);
  // the INSERT's parameters numbered after the page's
  const logged = toNative(insert.sql, insert.params);
  const loggedSql = logged.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + page.params.length}`);
  const rows = await nativeRows<Record<string, unknown>>(ctx.em, `with page as materialized (${page.sql}), logged as (${loggedSql}) select * from page`, [...page.params, ...logged.values]).catch(
    (e: unknown) => {
      ctx.audit.readLogFailed(e);
      throw e;
    },
  );
  // the __log_ columns stay on the rows (as __total does): no GraphQL field can be named "__…",
  // and deleting keys would turn every row into a slow dictionary-mode object
  return rows.map((r) => revive(ctx, entity, r));
}

/** The column carrying a page's total (tests/api/statement-counts-lists.test.ts finds the page's statement by it). */
export const TOTAL = '__total';

/** Every row in scope (short, unpaged lists such as municipalities), in `orderBy` order. */
export async function readAll<T extends object, R extends object = T>(ctx: Context, req: RowRequest<T> & { orderBy: Record<string, 'asc' | 'desc'>[] }): Promise<R[]> {
  const { qb, run } = rowQuery(ctx, req);
  qb.orderBy(req.orderBy);
  return (await run()) as R[];
}

/** One row (a detail read) or null. */
export async function readOne<T extends object, R extends object = T>(ctx: Context, req: RowRequest<T>): Promise<R | null> {
  const [statement] = compiledOnce('one', req, { limit: 1, offset: 0, orderBy: [] }, (where, limit) => {
    const { qb } = rowQuery(ctx, { ...req, where });
    return [statementOf(literalLimit(qb.getKnexQuery(), limit))];
  });
  const [row] = await nativeRows<Record<string, unknown>>(ctx.em, statement.sql, statement.params);
  return row ? (revive(ctx, meta(ctx, req), row) as R) : null;
}

/**
 * A relation of a GraphQL root that is either a plain row (its nested JSON, from readPage/readOne)
 * or an entity (a Reference, loaded through MikroORM's batching dataloader): mutations return
 * entities, reads return rows, and the FieldResolver serves both.
 */
export function related<T extends object>(value: T | { load(): Promise<T | null | undefined> } | null | undefined): T | null | Promise<T | null> {
  if (!value) return null;
  if (typeof (value as { load?: unknown }).load === 'function' && typeof (value as { unwrap?: unknown }).unwrap === 'function') {
    return (value as { load(): Promise<T | null | undefined> }).load().then((v) => v ?? null);
  }
  return value as T;
}
