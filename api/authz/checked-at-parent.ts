// Which fields need not run their shield rule again: a measured optimization with a proof that it
// changes no answer. graphql-shield makes every field of every row async (a rule evaluation and a
// few promises each); a roster of ~1,300 rows × 9 fields spent 54 ms there against 5 ms in the
// database. For most row types the rule is the same caller-only rule that the field returning the
// rows has just passed: checking it again on each field of each row cannot give another answer.
import { isAbstractType, isObjectType, getNamedType, type GraphQLSchema } from 'graphql';

// graphql-shield exports no rule classes; it tells its rules apart by constructor name, and so do we
const kind = (rule: unknown) => (rule as { constructor?: { name?: string } } | null)?.constructor?.name ?? '';
const subRules = (rule: unknown): unknown[] => (rule as { getRules: () => unknown[] }).getRules();
const LOGIC = new Set(['RuleOr', 'RuleAnd', 'RuleChain', 'RuleRace', 'RuleNot']);

export type RuleTree = Record<string, Record<string, unknown>>;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The rule graphql-shield applies to a field: its own, else its type's '*', else the fallback. */
export function effectiveRule(tree: RuleTree, type: string, field: string, fallback: unknown): unknown {
  return tree[type]?.[field] ?? tree[type]?.['*'] ?? fallback;
}

/**
 * Depends on who calls and nothing else (not the parent row, not the arguments), so that
 * graphql-shield caches it for the request: a `rule` with cache 'contextual', or and/or/not/chain
 * of such rules. `allow` counts; `deny` never does (its fields stay refused everywhere).
 */
export function dependsOnCallerOnly(rule: unknown): boolean {
  if (kind(rule) === 'RuleFalse') return false;
  if (kind(rule) === 'RuleTrue') return true;
  if (LOGIC.has(kind(rule))) return subRules(rule).every((r) => dependsOnCallerOnly(r));
  return kind(rule) === 'Rule' && (rule as { cache?: unknown }).cache === 'contextual';
}

/**
 * Whether passing `p` means `r` passes for the same caller (sound for caller-only rules), by the
 * logic of and/or and by `known` facts between named rules (authz/rules.ts#ruleImplications).
 */
export function implies(p: unknown, r: unknown, known: ReadonlyMap<unknown, unknown[]> = new Map()): boolean {
  if (p === r) return true;
  if (kind(r) === 'RuleOr' && subRules(r).some((sub) => implies(p, sub, known))) return true;
  if (kind(p) === 'RuleAnd' && subRules(p).some((sub) => implies(sub, r, known))) return true;
  if (kind(p) === 'RuleOr' && subRules(p).every((sub) => implies(sub, r, known))) return true;
  return (known.get(p) ?? []).some((q) => implies(q, r, known));
}

/**
 * Object types whose fields can go unwrapped: every field of the type has the same caller-only
 * rule R, and every field anywhere in the schema that returns the type (directly, in a list, or
 * through an interface or union) has a rule that implies R. No object of the type reaches a
 * caller who has not passed R in this request, and R's answer is cached per request, so checking
 * it again per field would only cost time. Root types are never in the set.
 */
export function typesCheckedAtParent(schema: GraphQLSchema, tree: RuleTree, fallback: unknown, known: ReadonlyMap<unknown, unknown[]> = new Map()): Set<string> {
  const typeMap = schema.getTypeMap();
  const objectTypes = Object.values(typeMap).filter((t) => isObjectType(t) && !t.name.startsWith('__'));

  // each object type's single rule, if it has one
  const typeRule = new Map<string, unknown>();
  for (const t of objectTypes) {
    if (!isObjectType(t) || ROOT_TYPES.has(t.name)) continue;
    const rules = new Set(Object.keys(t.getFields()).map((f) => effectiveRule(tree, t.name, f, fallback)));
    const [only] = rules;
    if (rules.size === 1 && dependsOnCallerOnly(only)) typeRule.set(t.name, only);
  }

  // the rules of the fields that return each type
  const parentRules = new Map<string, unknown[]>();
  for (const t of objectTypes) {
    if (!isObjectType(t)) continue;
    for (const [name, field] of Object.entries(t.getFields())) {
      const returned = getNamedType(field.type);
      const concrete = isAbstractType(returned) ? schema.getPossibleTypes(returned) : isObjectType(returned) ? [returned] : [];
      for (const c of concrete) parentRules.set(c.name, [...(parentRules.get(c.name) ?? []), effectiveRule(tree, t.name, name, fallback)]);
    }
  }

  const result = new Set<string>();
  for (const [name, rule] of typeRule) {
    const parents = parentRules.get(name) ?? [];
    if (parents.length > 0 && parents.every((p) => implies(p, rule, known))) result.add(name);
  }
  return result;
}
