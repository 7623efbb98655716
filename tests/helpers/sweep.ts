// The leak sweep's machinery: unique marker strings, callers over real HTTP (cookie, bearer or
// none), and read operations generated from the schema, so a new Query field is swept without
// anyone editing the test (tests/api/leak-sweep.test.ts).
import { randomBytes, randomInt } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

// ---------------------------------------------------------------------------------------------
// Markers

export interface Marker {
  /** what the marker stands for, e.g. "room1.patient.name" */
  label: string;
  /** who it is about: decides who may see it (see the test's policy) */
  group: string;
  value: string;
}

export interface Found {
  label: string;
  group: string;
}

const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';

/**
 * Unique strings planted in the world. Free-text fields carry `MKR-<run>-<group>.<field>`;
 * fields with a format (フリガナ, phone, 被保険者番号, postal code, birth date) carry a random
 * value of that format, registered here. A text holding the `MKR-<run>-` prefix with an unknown
 * tail (e.g. cut short by a summary) is still reported.
 */
export class Markers {
  readonly run = randomBytes(4).toString('hex');
  readonly all: Marker[] = [];
  private readonly prefix = `MKR-${this.run}-`;

  text(group: string, field: string): string {
    const value = `${this.prefix}${group}.${field}`;
    // one marker must not be the start of another, or a sighting of the longer one counts both
    if (this.all.some((m) => m.value.startsWith(value) || value.startsWith(m.value))) throw new Error(`marker clashes: ${value}`);
    this.all.push({ label: `${group}.${field}`, group, value });
    return value;
  }

  /** a value whose format is fixed by the field's validator */
  add(group: string, field: string, value: string): string {
    if (this.all.some((m) => m.value === value)) throw new Error(`marker value not unique: ${value}`);
    this.all.push({ label: `${group}.${field}`, group, value });
    return value;
  }

  kana(group: string, field: string) {
    return this.add(group, field, Array.from({ length: 10 }, () => KATAKANA[randomInt(KATAKANA.length)]).join(''));
  }
  digits(group: string, field: string, n: number) {
    return this.add(group, field, Array.from({ length: n }, (_, i) => (i === 0 ? 1 + randomInt(9) : randomInt(10))).join(''));
  }
  phone(group: string, field: string) {
    return this.add(group, field, `0${randomInt(10, 100)}-${randomInt(100, 1000)}-${randomInt(1000, 10000)}`);
  }
  postalCode(group: string, field: string) {
    return this.add(group, field, `${randomInt(100, 1000)}-${randomInt(1000, 10000)}`);
  }

  /** Every marker in a text (duplicates removed). */
  find(text: string): Found[] {
    const found = new Map<string, Found>();
    for (const m of this.all) if (text.includes(m.value)) found.set(m.label, { label: m.label, group: m.group });
    // the prefix with a tail no registered marker explains (a truncated or transformed marker)
    for (const [s] of text.matchAll(new RegExp(`${this.prefix}[A-Za-z0-9_.]*`, 'g'))) {
      if (this.all.some((m) => s.startsWith(m.value))) continue; // a whole marker (perhaps followed by ".png")
      const cut = this.all.find((m) => m.value.startsWith(s));
      found.set(s, cut ? { label: `${cut.label} (cut short)`, group: cut.group } : { label: `unknown ${s}`, group: '?' });
    }
    return [...found.values()];
  }
}

// ---------------------------------------------------------------------------------------------
// Callers

export interface HttpAnswer {
  status: number;
  /** everything the caller received as text: body, and for files the headers too */
  text: string;
  json?: { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
}

export class Caller {
  constructor(
    readonly name: string,
    readonly baseUrl: string,
    readonly auth: { cookie?: string | null; bearer?: string } = {},
    /** the user the caller acts as (for the audit trail checks); null when anonymous */
    readonly userId: string | null = null,
  ) {}

  private headers(): Record<string, string> {
    return {
      ...(this.auth.cookie ? { cookie: this.auth.cookie } : {}),
      ...(this.auth.bearer ? { authorization: `Bearer ${this.auth.bearer}` } : {}),
    };
  }

  async gql(query: string, variables: Record<string, unknown> = {}): Promise<HttpAnswer> {
    const res = await fetch(`${this.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...this.headers() }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let json: HttpAnswer['json'];
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // JSON escapes (\uXXXX) would hide a marker from a plain search: search the decoded form too
    return { status: res.status, text: json ? `${text}\n${JSON.stringify(json)}` : text, json };
  }

  async file(path: string): Promise<HttpAnswer> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: this.headers() });
    const body = Buffer.from(await res.arrayBuffer());
    const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
    let decodedHeaders = headers;
    try {
      decodedHeaders = decodeURIComponent(headers);
    } catch {
      /* keep as is */
    }
    return { status: res.status, text: `${headers}\n${decodedHeaders}\n${body.toString('utf8')}\n${body.toString('latin1')}\n${body.toString('base64')}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Operations generated from the schema

/** A selection: a field (or `... on Type`) and what is selected below it (null for a leaf). */
export interface Sel {
  name: string;
  children: Sel[] | null;
}

export interface Operation {
  field: string;
  /** e.g. room(id: room2) */
  label: string;
  /** `query Sweep($id: ID!) { room(id: $id)` — the selection goes after it */
  head: string;
  variables: Record<string, unknown>;
  /** name of the argument that pages the list (PageInput), if any */
  pageArg: string | null;
  selection: Sel[];
  /** what a list or detail page shows (one level), where that differs from the deep selection */
  shallow: Operation | null;
}

/** ids of the world by kind: room, patient, application, user, office, municipality, post… */
export type WorldIds = Record<string, { id: string; label: string }[]>;

const MAX_OBJECT_DEPTH = 4;

const render = (sel: Sel[]): string => `{ ${sel.map((s) => (s.children ? `${s.name} ${render(s.children)}` : s.name)).join(' ')} }`;

/** The query text; a field returning a scalar or enum (or a list of them) takes no selection. */
export const queryOf = (op: Operation, sel: Sel[] = op.selection) => `${op.head}${sel.length ? ` ${render(sel)}` : ''} }`;

/** Leaves of a type, nested through objects, lists and pages down to `max` object levels. */
export function selectionOf(type: GraphQLNamedType, skipped: Set<string>, max = MAX_OBJECT_DEPTH, depth = 1): Sel[] {
  if (isLeafType(type)) return [];
  const typename: Sel = { name: '__typename', children: null };
  if (isUnionType(type)) return [typename, ...type.getTypes().map((t) => ({ name: `... on ${t.name}`, children: selectionOf(t, skipped, max, depth) }))];
  if (!isObjectType(type) && !isInterfaceType(type)) return [typename];
  const sel: Sel[] = [typename];
  for (const f of Object.values(type.getFields())) {
    // a nested field with a required argument cannot be filled generically: listed, and the test
    // fails until it is handled (a silent skip would leave it unswept)
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) {
      skipped.add(`${type.name}.${f.name}`);
      continue;
    }
    const t = getNamedType(f.type);
    if (isLeafType(t)) sel.push({ name: f.name, children: null });
    else if (depth < max) sel.push({ name: f.name, children: selectionOf(t, skipped, max, depth + 1) });
  }
  return sel;
}

/**
 * The selection without the fields at these answer paths (list indices and the root field
 * dropped): an error in a nested field nulls its parents up to the root, which would hide
 * whatever else the answer held, so the sweep asks again without it.
 */
export function prune(sel: Sel[], paths: (string | number)[][]): Sel[] {
  const drop = (nodes: Sel[], path: string[]): Sel[] =>
    path.length === 0
      ? nodes
      : nodes.flatMap((n) => {
          if (n.name !== path[0]) return [n];
          if (path.length === 1) return [];
          return [{ ...n, children: n.children ? drop(n.children, path.slice(1)) : null }];
        });
  return paths.reduce(
    (acc, p) =>
      drop(
        acc,
        p.slice(1).filter((x): x is string => typeof x === 'string'),
      ),
    sel,
  );
}

/** Argument names that hold a user's id. */
const PEOPLE = new Set(['actor', 'author', 'applicant', 'owner', 'member', 'reader', 'uploader', 'uploadedBy', 'withdrawnBy']);

/** Which kind of id an argument or input field takes, from its name (and the field's type for `id`). */
function kindOf(argName: string, returnType: string): string {
  if (argName === 'id' || argName === 'ids') {
    const t = returnType.replace(/Page$/, '');
    return t.charAt(0).toLowerCase() + t.slice(1);
  }
  const base = argName.replace(/Ids?$/, '');
  return PEOPLE.has(base) ? 'user' : base;
}

function idsFor(ids: WorldIds, kind: string): { id: string; label: string }[] {
  if (ids[kind]) return ids[kind];
  // explainingOfficeId → office, formAttachmentId → attachment: the longest kind the name ends with
  const tail = Object.keys(ids)
    .filter((k) => kind.toLowerCase().endsWith(k.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  // an unknown kind is tried with every id of the world
  return tail ? ids[tail] : Object.values(ids).flat();
}

/** Required text arguments with a format of their own, by name: a value of that format (others get ""). */
const STRING_SAMPLES: Record<string, () => string> = {
  /** YYYY-MM: this month in Japan, when the world's posts were written (activityOffices) */
  month: () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 7),
};

const isPageInput = (t: GraphQLInputType) => {
  const n = getNamedType(t);
  return isInputObjectType(n) && 'perPage' in n.getFields() && 'page' in n.getFields();
};

/** Values for a required input of the given type (ids: each of the world's that fits). */
function sampleValues(type: GraphQLInputType, name: string, returnType: string, ids: WorldIds): { value: unknown; label: string }[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const el = getNamedType(inner);
    if (el.name === 'ID') return [{ value: idsFor(ids, kindOf(name, returnType)).map((x) => x.id), label: `all ${kindOf(name, returnType)} ids` }];
    return sampleValues(inner.ofType as GraphQLInputType, name, returnType, ids).map((v) => ({ value: [v.value], label: `[${v.label}]` }));
  }
  const named = getNamedType(inner);
  if (named.name === 'ID') return idsFor(ids, kindOf(name, returnType)).map((x) => ({ value: x.id, label: x.label }));
  if (isEnumType(named)) return named.getValues().map((v) => ({ value: v.value, label: v.name }));
  if (named.name === 'Int' || named.name === 'Float') return [{ value: 1, label: '1' }];
  if (named.name === 'Boolean') return [true, false].map((b) => ({ value: b, label: String(b) }));
  if (named.name === 'String') {
    const sample = STRING_SAMPLES[name]?.() ?? '';
    return [{ value: sample, label: JSON.stringify(sample) }];
  }
  if (isInputObjectType(named)) {
    // required fields only, each with its first sample
    const obj: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      if (!isNonNullType(f.type) || f.defaultValue !== undefined) continue;
      obj[f.name] = sampleValues(f.type, f.name, returnType, ids)[0]?.value;
    }
    return [{ value: obj, label: JSON.stringify(obj) }];
  }
  return [{ value: null, label: 'null' }];
}

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((a) => list.map((x) => [...a, x])), [[]]);
}

/**
 * Every read operation of the schema: each Query field with its required arguments filled from
 * the world's ids (each id that fits), once without optional arguments (whole lists, paged), and
 * once per id-typed filter field of an optional input (each id that fits; a list filter with all).
 * Each comes deep (every leaf down to four object levels) and, where that differs, shallow (the
 * leaves a list or detail page shows), since a read must be logged however little it asks for.
 */
export function generateOperations(schema: GraphQLSchema, ids: WorldIds, skipFields: Set<string>): { operations: Operation[]; skippedNested: Set<string> } {
  const skippedNested = new Set<string>();
  const operations: Operation[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (skipFields.has(field.name)) continue;
    const returnType = getNamedType(field.type);
    const deep = selectionOf(returnType, skippedNested);
    const pageLike = isObjectType(returnType) && 'items' in returnType.getFields();
    const shallow = selectionOf(returnType, new Set(), pageLike ? 2 : 1);
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const optional = field.args.filter((a) => !required.includes(a));
    const pageArg = optional.find((a) => isPageInput(a.type))?.name ?? null;
    const build = (values: Map<GraphQLArgument, { value: unknown; label: string }>) => {
      const used = [...values.keys()];
      const decl = used.map((a) => `$${a.name}: ${String(a.type)}`);
      if (pageArg) decl.push(`$${pageArg}: ${String(field.args.find((a) => a.name === pageArg)!.type)}`);
      const args = [...used.map((a) => a.name), ...(pageArg ? [pageArg] : [])].map((n) => `${n}: $${n}`);
      const variables: Record<string, unknown> = {};
      for (const [a, v] of values) variables[a.name] = v.value;
      const op = {
        field: field.name,
        label: `${field.name}(${[...values].map(([a, v]) => `${a.name}: ${v.label}`).join(', ')})`,
        head: `query Sweep${decl.length ? `(${decl.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}`,
        variables,
        pageArg,
      };
      operations.push({
        ...op,
        selection: deep,
        shallow: render(shallow) !== render(deep) ? { ...op, label: `${op.label} shallow`, selection: shallow, shallow: null } : null,
      });
    };
    const requiredChoices = required.map((a) => sampleValues(a.type, a.name, returnType.name, ids).map((v) => [a, v] as const));
    for (const combo of cartesian(requiredChoices)) {
      build(new Map(combo));
      // filters: one id-typed field at a time
      for (const a of optional) {
        const t = getNamedType(a.type);
        if (!isInputObjectType(t) || isPageInput(a.type)) continue;
        for (const f of Object.values(t.getFields())) {
          if (getNamedType(f.type).name !== 'ID') continue;
          const kind = kindOf(f.name, returnType.name);
          const choices = isListType(isNonNullType(f.type) ? f.type.ofType : f.type)
            ? [{ value: { [f.name]: idsFor(ids, kind).map((x) => x.id) }, label: `{${f.name}: all ${kind} ids}` }]
            : idsFor(ids, kind).map((x) => ({ value: { [f.name]: x.id }, label: `{${f.name}: ${x.label}}` }));
          for (const c of choices) build(new Map([...combo, [a, c]]));
        }
      }
    }
  }
  return { operations, skippedNested };
}

/** The items/total of a paged answer, if the field returns a page. */
export function pageOf(answer: HttpAnswer, field: string): { items: number; total: number } | null {
  const v = answer.json?.data?.[field] as { items?: unknown[]; total?: number } | undefined;
  return v && Array.isArray(v.items) && typeof v.total === 'number' ? { items: v.items.length, total: v.total } : null;
}
