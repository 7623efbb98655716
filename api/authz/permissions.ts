// Every area's rules, assembled into one graphql-shield middleware. Deny by default: a field
// without a rule here is refused (and tests/api/shield-coverage.test.ts fails).
import { deny, shield, type IRules } from 'graphql-shield';
import { middleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { typesCheckedAtParent } from './checked-at-parent.js';
import { ruleImplications } from './rules.js';
import { AppError } from '../common/errors.js';
import { authRules } from '../auth/auth.rules.js';
import { municipalityRules } from '../municipalities/municipality.rules.js';
import { officeRules } from '../offices/office.rules.js';
import { userRules } from '../users/user.rules.js';
import { applicationRules } from '../applications/application.rules.js';
import { notificationRules } from '../mail/notification.rules.js';
import { roomRules } from '../rooms/room.rules.js';
import { apiTokenRules } from '../tokens/api-token.rules.js';
import { auditRules } from '../audit/audit.rules.js';
import { reportRules } from '../reports/report.rules.js';
import { consentRules } from '../consents/consent.rules.js';
import { abilityRules } from './abilities.resolver.js';
import { fhirRules } from '../fhir/fhir.rules.js';

const areas = [authRules, municipalityRules, officeRules, userRules, applicationRules, notificationRules, roomRules, consentRules, apiTokenRules, auditRules, reportRules, abilityRules, fhirRules];

/** Merges the per-area rule maps type by type. */
export function ruleTree(): Record<string, Record<string, unknown>> {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const area of areas) {
    for (const [type, fields] of Object.entries(area)) {
      for (const field of Object.keys(fields)) {
        if (tree[type]?.[field]) throw new Error(`rule for ${type}.${field} defined twice`);
      }
      tree[type] = { ...tree[type], ...fields };
    }
  }
  return tree;
}

/**
 * graphql-shield over the whole schema, minus the per-field wrappers of the types whose rule has
 * already passed at the field that returns them (see checked-at-parent.ts for why that is the same).
 */
export function permissions() {
  const tree = ruleTree();
  const shielded = shield(tree as IRules, {
    fallbackRule: deny,
    fallbackError: () => new AppError('FORBIDDEN'),
    allowExternalErrors: true,
    debug: false,
  });
  return middleware((schema) => {
    const perField = shielded.generate(schema) as IMiddlewareFieldMap;
    for (const type of typesCheckedAtParent(schema, tree, deny, ruleImplications)) delete perField[type];
    return perField;
  });
}
