// Query abuse limits, checked before anything executes. Depth and aliases are GraphQL Armor's
// validation rules (@escape.tech/graphql-armor-max-depth, -max-aliases); the cost estimate, the
// text that no column can hold and the nesting of variables are ours, because Armor has no
// equivalent: its cost-limit plugin prices each field with fixed weights (objectCost, scalarCost,
// depthCostFactor) and cannot read `page.perPage`, so a 1000-row page would cost the same as a
// 1-row one; and it does not look at variables at all.
import {
  BREAK,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { AuditOutcome } from '../audit/audit-event.entity.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 15, maxCost: 50_000 };

const limitError = (what: string, value: number, max: number) =>
  new GraphQLError(`Query ${what} ${value} exceeds the limit of ${max}.`, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

/**
 * Armor's refusal, reported as a validation error with a `queryLimit` mark: Apollo gives every
 * validation error the code GRAPHQL_VALIDATION_FAILED, and formatError (common/errors.ts) turns
 * the marked ones back into QUERY_TOO_COMPLEX. Armor's own message ("Query depth limit of 10
 * exceeded, found 12.") is kept, without its misleading "Syntax Error: " prefix.
 */
const reportLimit = (limit: 'depth' | 'aliases') => (context: ValidationContext | null, error: GraphQLError) => {
  const refusal = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { queryLimit: limit } });
  // as validation rules there is always a context; without one, refuse by throwing
  if (!context) throw refusal;
  context.reportError(refusal);
};

/** Depth and alias limits as validation rules (ApolloServer's `validationRules`), from GraphQL Armor. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    // introspection counts too: the classic attack is a deeply nested __schema query
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: false, exposeLimits: true, propagateOnRejection: false, onReject: [reportLimit('depth')] }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, propagateOnRejection: false, onReject: [reportLimit('aliases')] }),
  ];
}

/** The page size a list field asks for (page.perPage), or 1 for a single object. */
function multiplier(field: FieldNode, variables: Record<string, unknown>): number {
  const page = field.arguments?.find((a) => a.name.value === 'page')?.value;
  if (!page) return field.arguments?.some((a) => a.name.value === 'roomId' || a.name.value === 'filter') ? 25 : 1;
  if (page.kind === Kind.VARIABLE) return Number((variables[page.name.value] as { perPage?: number } | undefined)?.perPage ?? 25);
  if (page.kind === Kind.OBJECT) {
    const perPage = page.fields.find((f) => f.name.value === 'perPage')?.value;
    if (perPage?.kind === Kind.INT) return Number(perPage.value);
    if (perPage?.kind === Kind.VARIABLE) return Number(variables[perPage.name.value] ?? 25);
  }
  return 25;
}

/**
 * Estimated cost of an operation: each field 1, times the page size for a list's children
 * (fragments expanded, cycles cut). Depth and aliases are GraphQL Armor's (queryLimitRules), which
 * run first, as validation: a query reaching this is at most maxDepth deep.
 */
export function operationCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const cost = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    let total = 0;
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) total += 1 + (sel.selectionSet ? multiplier(sel, variables) : 1) * cost(sel.selectionSet, seen);
      else if (sel.kind === Kind.INLINE_FRAGMENT) total += cost(sel.selectionSet, seen);
      else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) total += cost(fragments.get(sel.name.value)?.selectionSet, new Set([...seen, sel.name.value]));
    }
    return total;
  };
  return cost(operation.selectionSet, new Set());
}

/** Deeper than any input of the schema (the deepest is a few levels): a request nested past it is refused, not walked. */
export const MAX_VARIABLE_DEPTH = 64;

/** Text no column can hold: a NUL (PostgreSQL refuses it in text) or a lone UTF-16 surrogate (not Unicode; not valid JSON for jsonb). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const unstorableText = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);
/** The same text made storable, for the audit trail (U+FFFD for what cannot be kept). */
const storable = (s: string) => s.replaceAll('\u0000', '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');

type TextProblem = { kind: 'text'; path: string } | { kind: 'depth' };

/**
 * The first path at which the variables hold unstorable text, or `depth` when they nest past
 * MAX_VARIABLE_DEPTH. Iterative (an explicit stack), so a body of 10,000 nested arrays cannot
 * overflow the call stack; every node is visited at most once and the body is at most
 * GRAPHQL_BODY_LIMIT, so the work is bounded.
 */
export function variableTextProblem(value: unknown): TextProblem | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (unstorableText(v)) return { kind: 'text', path };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_VARIABLE_DEPTH) return { kind: 'depth' };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    // keys are text too (a JSON key with a NUL would reach the database in a jsonb column)
    for (const [k] of entries) if (unstorableText(k)) return { kind: 'text', path: path ? `${path}.${k}` : k };
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i][1], path: path ? `${path}.${entries[i][0]}` : entries[i][0], depth: depth + 1 });
  }
  return null;
}

/**
 * A string literal in the query text with unstorable text, however it was escaped (\u0000, \u{0}, \u{000000}…).
 * Remembered per document: Apollo keeps each parsed query text and hands the same document to
 * every request that sends it, so the walk is paid once per query text, not per request.
 */
const literalChecked = new WeakMap<DocumentNode, boolean>();
function literalTextProblem(document: DocumentNode): boolean {
  let found = literalChecked.get(document);
  if (found === undefined) {
    found = walkLiterals(document);
    literalChecked.set(document, found);
  }
  return found;
}

function walkLiterals(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (unstorableText(node.value)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

const badInput = (field: string) => new GraphQLError('Text that cannot be stored', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field, code: 'INVALID_VALUE' }], http: { status: 400 } } });

/** Sign-in mutations: a refused attempt is still an attempt on an account, audited like the others. */
const SIGN_IN_ACTIONS: Record<string, string> = { login: 'auth.login', activateAccount: 'auth.activate' };

interface AuditingContext {
  audit?: { record: (e: { action: string; outcome: AuditOutcome; actor: { loginId: string | null }; target: null; detail: Record<string, unknown> }) => unknown };
  em?: { flush: () => Promise<void> };
}

/** Audits each sign-in mutation of a request refused for its input, with the login ID as far as it can be stored. */
async function auditRefusedSignIns(operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown>, ctx: AuditingContext | undefined): Promise<void> {
  if (operation?.operation !== 'mutation' || !ctx?.audit || !ctx.em) return;
  let any = false;
  for (const sel of operation.selectionSet.selections) {
    const action = sel.kind === Kind.FIELD ? SIGN_IN_ACTIONS[sel.name.value] : undefined;
    if (!action || sel.kind !== Kind.FIELD) continue;
    const arg = sel.arguments?.find((a) => a.name.value === 'loginId')?.value;
    const raw = arg?.kind === Kind.STRING ? arg.value : arg?.kind === Kind.VARIABLE ? variables[arg.name.value] : null;
    const loginId = typeof raw === 'string' ? storable(raw).slice(0, 64) : null;
    ctx.audit.record({ action, outcome: AuditOutcome.FAILURE, actor: { loginId }, target: null, detail: { reason: 'invalid_input' } });
    any = true;
  }
  if (!any) return;
  try {
    await ctx.em.flush();
  } catch (e) {
    // the refusal stands; the database being away is logged like any failed write
    console.error('[audit] refused sign-in not recorded:', e instanceof Error ? e.message : e);
  }
}

/** Refuses operations past the page-aware cost (and text no database column can hold) before any resolver runs; depth and aliases: queryLimitRules. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          // variables first, before anything walks them (the cost estimate reads them); GraphQL has
          // not coerced them yet, so a refusal here costs nothing
          const problem = variableTextProblem(request.variables ?? {});
          if (problem?.kind === 'depth') throw new GraphQLError(`Variables nested deeper than ${MAX_VARIABLE_DEPTH} levels.`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          if (problem) {
            await auditRefusedSignIns(operation, (request.variables ?? {}) as Record<string, unknown>, contextValue as AuditingContext);
            throw badInput(problem.path);
          }
          if (!operation) return;
          const cost = operationCost(document, operation, (request.variables ?? {}) as Record<string, unknown>);
          if (cost > limits.maxCost) throw limitError('cost', cost, limits.maxCost);
          if (literalTextProblem(document)) {
            await auditRefusedSignIns(operation, (request.variables ?? {}) as Record<string, unknown>, contextValue as AuditingContext);
            throw badInput('query');
          }
        },
      };
    },
  };
}
