// The shape of every area's policy: who may do what to which record, one file per area
// (`api/<area>/<area>.policy.ts`, in the spirit of Outline's server/policies). One policy serves
// three callers, so a rule is written once:
//   - the shield rules (`<area>.rules.ts`): may this caller call the operation at all? → policyRule()
//   - the services: this record, now → authorize(); which rows → the policy's scope()
//   - the panel: the answers it shows buttons and menus by (Query.abilities, records' allowedActions),
//     never a copy of the rules of its own.
import { rule } from 'graphql-shield';
import type { Context, Viewer } from '../context.js';
import { forbidden } from '../common/errors.js';
import { notSignedIn } from './caller.js';
import { Role } from '../users/user.enums.js';

/** A decision about the viewer alone (no record): "may a CITY user issue accounts?". */
export type RoleDecision = (viewer: Viewer) => boolean;

/** A decision about one record: "may this viewer reset this account?". */
export type RecordDecision<R> = (viewer: Viewer, record: R) => boolean;

/**
 * The panel's view of an area: panel resource name → action → a decision without a record.
 * Every area's policy exports one; authz/abilities.ts gathers them into Query.abilities.
 */
export type PanelAbilities = Record<string, Record<string, RoleDecision>>;

/**
 * The panel's actions on one record (User.allowedActions, Office.allowedActions): action → decision.
 * The action names are those of the area's PanelAbilities, so the panel asks both the same way.
 */
export type RecordActions<R> = Record<string, RecordDecision<R>>;

/** The actions of `actions` this viewer may take on this record, for a record's allowedActions. */
export function allowedOn<R>(actions: RecordActions<R>, viewer: Viewer, record: R): string[] {
  return Object.entries(actions)
    .filter(([, decide]) => decide(viewer, record))
    .map(([action]) => action);
}

// graphql-shield caches a 'contextual' rule by its name for the request: two different decisions
// under one name would answer each other's questions. One rule object per name, and a name is
// never reused for another decision.
const byName = new Map<string, { decide: RoleDecision; rule: ReturnType<typeof makeRule> }>();
const made = new Set<unknown>();

const makeRule = (name: string, decide: RoleDecision) =>
  rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.viewer) return notSignedIn(ctx);
    return decide(ctx.viewer) ? true : forbidden();
  });

/**
 * A graphql-shield rule from a role decision. Cached per request ('contextual'): it reads the
 * caller only. Not signed in → UNAUTHENTICATED (with the reason), else FORBIDDEN.
 */
export function policyRule(name: string, decide: RoleDecision) {
  const earlier = byName.get(name);
  if (earlier) {
    if (earlier.decide !== decide) throw new Error(`policyRule '${name}' is already another decision (graphql-shield caches rules by name)`);
    return earlier.rule;
  }
  const r = makeRule(name, decide);
  byName.set(name, { decide, rule: r });
  made.add(r);
  return r;
}

/** Whether policyRule() made this rule: passing it proves a signed-in viewer (authz/rules.ts#ruleImplications). */
export const isPolicyRule = (r: unknown): boolean => made.has(r);

/** In a service: FORBIDDEN unless the policy allows it. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

/** The role helpers policies are written with. */
export const is = {
  vendor: (v: Viewer) => v.role === Role.VENDOR,
  city: (v: Viewer) => v.role === Role.CITY,
  office: (v: Viewer) => v.role === Role.OFFICE,
  officeAdmin: (v: Viewer) => v.role === Role.OFFICE && v.officeAdmin,
  /** any signed-in viewer */
  anyone: (_v: Viewer) => true,
} satisfies Record<string, RoleDecision>;

/** Any of these decisions: `anyOf(is.city, is.vendor)`. */
export const anyOf =
  (...decisions: RoleDecision[]): RoleDecision =>
  (v) =>
    decisions.some((d) => d(v));
