// What the panel may show a viewer: every area's PanelAbilities gathered into one list of
// "resource.action" strings (Query.abilities), and the record-level answers (User.allowedActions,
// Office.allowedActions). The panel holds no copy of the rules: it asks these.
import type { Viewer } from '../context.js';
import { allowedOn, type PanelAbilities, type RecordActions } from './policy.js';
import { applicationAbilities } from '../applications/application.policy.js';
import { auditAbilities } from '../audit/audit.policy.js';
import { municipalityAbilities } from '../municipalities/municipality.policy.js';
import { officeAbilities } from '../offices/office.policy.js';
import { reportAbilities } from '../reports/report.policy.js';
import { apiTokenAbilities } from '../tokens/api-token.policy.js';
import { accountOf, userAbilities, userPolicy } from '../users/user.policy.js';
import { roomAbilities } from '../rooms/room.policy.js';
import { notificationAbilities } from '../mail/notification.policy.js';
import { consentAbilities } from '../consents/consent.policy.js';
import { fhirAbilities } from '../fhir/fhir.policy.js';
import type { User } from '../users/user.entity.js';

const areas: PanelAbilities[] = [
  municipalityAbilities,
  officeAbilities,
  userAbilities,
  applicationAbilities,
  roomAbilities,
  consentAbilities,
  notificationAbilities,
  auditAbilities,
  reportAbilities,
  apiTokenAbilities,
  fhirAbilities,
];

/** Every "resource.action" with its decision; one resource belongs to one area. */
const decisions = new Map<string, (v: Viewer) => boolean>();
for (const area of areas) {
  for (const [resource, actions] of Object.entries(area)) {
    for (const [action, decide] of Object.entries(actions)) {
      const key = `${resource}.${action}`;
      if (decisions.has(key)) throw new Error(`panel ability ${key} defined twice`);
      decisions.set(key, decide);
    }
  }
}

/** Every ability the panel knows of (for tests and the README). */
export const allAbilities = (): string[] => [...decisions.keys()].sort();

/** The viewer's abilities: "users.create", "offices.export", "rooms.request", ... */
export function abilitiesOf(viewer: Viewer): string[] {
  return allAbilities().filter((key) => decisions.get(key)!(viewer));
}

/** User.allowedActions: the panel's actions on one account, from userPolicy's record decisions. */
export const userRecordActions: RecordActions<User> = {
  show: () => true, // the record was read through userPolicy.scope()
  edit: (v, u) => userPolicy.edit(v, accountOf(u)),
  unlock: (v, u) => userPolicy.unlock(v, accountOf(u)),
  delete: (v, u) => userPolicy.stop(v, accountOf(u)),
  reactivate: (v, u) => userPolicy.reactivate(v, accountOf(u)),
  reset_credentials: (v, u) => userPolicy.resetCredentials(v, accountOf(u)),
  activation_codes: (v, u) => userPolicy.printActivationCode(v, accountOf(u)),
};

export const userAllowedActions = (viewer: Viewer, user: User): string[] => allowedOn(userRecordActions, viewer, user);
