// The shield optimization of api/authz/checked-at-parent.ts: a row type's fields go unwrapped only
// when the field that returns the rows has passed a rule that implies the type's own, and that
// rule depends on the caller alone. These cases pin down when it must NOT apply.
import { describe, expect, it } from 'vitest';
import { buildSchema, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, deny, or, rule } from 'graphql-shield';
import { typesCheckedAtParent, dependsOnCallerOnly, implies } from '../../api/authz/checked-at-parent.js';
import { buildBareSchema } from '../../api/schema.js';
import { permissions } from '../../api/authz/permissions.js';
import { is, policyRule } from '../../api/authz/policy.js';
import { isOffice, isOfficeAdmin, isSignedIn, ruleImplications } from '../../api/authz/rules.js';

const isA = rule('isA', { cache: 'contextual' })(() => true);
const isB = rule('isB', { cache: 'contextual' })(() => true);
const isC = rule('isC', { cache: 'contextual' })(() => true);
const ownsRow = rule('ownsRow', { cache: 'strict' })(() => true); // depends on the parent row
const aOrB = or(isA, isB);

const schema = buildSchema(`
  type Query { row: Row  rows: [Row!]!  other: Other  mixed: Mixed  strict: Strict  weak: Weak  weak2: Weak  sum: Item  either: Wider  both: Wider  denied: Denied }
  type Row { id: ID!  name: String! }
  type Other { id: ID! }
  type Mixed { id: ID!  secret: String }
  type Strict { id: ID! }
  type Weak { id: ID! }
  type Wider { id: ID! }
  type Denied { id: ID! }
  type Hidden { id: ID! }
  union Item = Hidden | Other
`);

const tree = {
  Query: { row: isA, rows: isA, other: isA, mixed: isA, strict: ownsRow, weak: isA, weak2: allow, sum: isB, either: isA, both: and(isA, isC), denied: deny },
  Row: { '*': isA },
  Other: { '*': isA },
  Mixed: { id: isA, secret: isB },
  Strict: { '*': ownsRow },
  Weak: { '*': isA },
  Wider: { '*': aOrB },
  Denied: { '*': deny },
  Hidden: { '*': isA },
};

describe('typesCheckedAtParent', () => {
  const result = typesCheckedAtParent(schema, tree, deny);

  it('skips the per-field check of a type whose every parent passed the same caller-only rule', () => {
    expect(result.has('Row')).toBe(true);
  });

  it('skips it when the parents’ rules imply the type’s (A implies A or B; A and C implies A or B)', () => {
    expect(implies(isA, aOrB)).toBe(true);
    expect(implies(and(isA, isC), aOrB)).toBe(true);
    expect(result.has('Wider')).toBe(true);
  });

  it('keeps it when one parent has a weaker rule, the type mixes rules, the rule reads the row, or it is deny', () => {
    expect(result.has('Weak')).toBe(false); // Query.weak2 is only `allow`
    expect(result.has('Mixed')).toBe(false); // secret has its own rule
    expect(result.has('Strict')).toBe(false); // ownsRow depends on the parent
    expect(result.has('Denied')).toBe(false);
    expect(implies(or(isA, isC), aOrB)).toBe(false);
    expect(implies(isC, isA)).toBe(false);
  });

  it('follows unions: a member returned through a weaker field keeps its check', () => {
    // Other comes from Query.other (isA) but also from Query.sum (isB) through the union
    expect(result.has('Other')).toBe(false);
    expect(result.has('Hidden')).toBe(false);
  });

  it('uses the declared facts between named rules, and nothing else', () => {
    const known = new Map<unknown, unknown[]>([
      [isA, [isC]],
      [isB, [isC]],
    ]);
    expect(implies(isA, isC)).toBe(false);
    expect(implies(isA, isC, known)).toBe(true);
    expect(implies(aOrB, isC, known)).toBe(true); // whichever passed, isC follows
    expect(implies(or(isA, ownsRow), isC, known)).toBe(false);
    expect(implies(isC, isA, known)).toBe(false); // not the other way round
  });

  it('never touches the root types', () => {
    expect(result.has('Query')).toBe(false);
  });

  it('tells caller-only rules from the others', () => {
    expect(dependsOnCallerOnly(isA)).toBe(true);
    expect(dependsOnCallerOnly(aOrB)).toBe(true);
    expect(dependsOnCallerOnly(allow)).toBe(true);
    expect(dependsOnCallerOnly(deny)).toBe(false);
    expect(dependsOnCallerOnly(ownsRow)).toBe(false);
    expect(dependsOnCallerOnly(or(isA, ownsRow))).toBe(false);
  });
});

describe('the application schema', () => {
  it('wraps every root field and the types with field-level rules, and leaves report rows unwrapped', async () => {
    const bare = await buildBareSchema();
    const app = applyMiddleware(bare, permissions()); // as buildAppSchema does
    const resolverOf = (s: GraphQLSchema, type: string, field: string) => (s.getType(type) as GraphQLObjectType).getFields()[field].resolve;
    const wrapped = (type: string, field: string) => resolverOf(app, type, field) !== resolverOf(bare, type, field);
    expect(wrapped('Query', 'rosterReport')).toBe(true);
    expect(wrapped('Query', 'rooms')).toBe(true);
    expect(wrapped('AuthStatus', 'step')).toBe(true); // also returned by fields open to anyone
    expect(wrapped('User', 'name')).toBe(false); // every field returning User requires a role, which implies isSignedIn
    expect(wrapped('RosterRow', 'officeName')).toBe(false);
    expect(wrapped('PersonSummary', 'name')).toBe(false);
  });
});

describe('policy rules (authz/policy.ts)', () => {
  it('passing any policy rule proves a signed-in caller, and nothing more is assumed', () => {
    const rule = policyRule('test.cityOnly', is.city);
    expect(implies(rule, isSignedIn, ruleImplications)).toBe(true);
    expect(implies(isOfficeAdmin, isOffice, ruleImplications)).toBe(true);
    expect(implies(isOffice, isOfficeAdmin, ruleImplications)).toBe(false);
    expect(implies(isSignedIn, rule, ruleImplications)).toBe(false);
    expect(dependsOnCallerOnly(rule)).toBe(true);
  });

  it('one rule per name: graphql-shield caches by name, so a name never stands for two decisions', () => {
    const rule = policyRule('test.vendorOnly', is.vendor);
    expect(policyRule('test.vendorOnly', is.vendor)).toBe(rule);
    expect(() => policyRule('test.vendorOnly', is.city)).toThrow(/already another decision/);
  });
});
