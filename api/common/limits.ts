// Query abuse limits: depth, aliases and an estimated cost, checked before anything executes.
import { GraphQLError, Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 15, maxCost: 50_000 };

const limitError = (what: string, value: number, max: number) =>
  new GraphQLError(`Query ${what} ${value} exceeds the limit of ${max}.`, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

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

/** depth, aliases and cost of an operation (fragments expanded, cycles cut) */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measure = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): { depth: number; aliases: number; cost: number } => {
    let result = { depth, aliases: 0, cost: 0 };
    for (const sel of set?.selections ?? []) {
      let inner = { depth, aliases: 0, cost: 0 };
      if (sel.kind === Kind.FIELD) {
        const child = measure(sel.selectionSet, depth + 1, seen);
        const m = sel.selectionSet ? multiplier(sel, variables) : 1;
        inner = { depth: child.depth, aliases: child.aliases + (sel.alias ? 1 : 0), cost: 1 + m * child.cost };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(sel.selectionSet, depth, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
        inner = measure(fragments.get(sel.name.value)?.selectionSet, depth, new Set([...seen, sel.name.value]));
      }
      result = { depth: Math.max(result.depth, inner.depth), aliases: result.aliases + inner.aliases, cost: result.cost + inner.cost };
    }
    return result;
  };
  return measure(operation.selectionSet, 0, new Set());
}

/** The first path at which a value holds a NUL character (PostgreSQL cannot store one in text). */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = nulPath(v, `${path}.${i}`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = nulPath(v, path ? `${path}.${k}` : k);
      if (p) return p;
    }
  }
  return null;
}

/** Refuses operations past the limits (and text no database column can hold) before any resolver runs. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const m = measureOperation(document, operation, (request.variables ?? {}) as Record<string, unknown>);
          if (m.depth > limits.maxDepth) throw limitError('depth', m.depth, limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw limitError('aliases', m.aliases, limits.maxAliases);
          if (m.cost > limits.maxCost) throw limitError('cost', m.cost, limits.maxCost);
          const bad = nulPath(request.variables ?? {}, '') ?? (request.query?.includes('\\u0000') ? 'query' : null);
          if (bad) throw new GraphQLError('NUL character', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: bad, code: 'INVALID_VALUE' }], http: { status: 400 } } });
        },
      };
    },
  };
}
