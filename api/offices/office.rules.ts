import { policyRule } from '../authz/policy.js';
import { isSignedIn } from '../authz/rules.js';
import { officePolicy } from './office.policy.js';

// Who may call at all; which rows and which record: officePolicy.scope() in OfficeService.
const readsDirectory = policyRule('offices.readDirectory', officePolicy.readDirectory);

export const officeRules = {
  Query: {
    offices: isSignedIn,
    office: isSignedIn,
    officeDirectory: readsDirectory,
  },
  Mutation: {
    createOffice: policyRule('offices.create', officePolicy.create),
    updateOffice: policyRule('offices.update', officePolicy.update),
    deactivateOffice: policyRule('offices.deactivate', officePolicy.deactivate),
    reactivateOffice: policyRule('offices.reactivate', officePolicy.reactivate),
  },
  Office: { '*': isSignedIn },
  OfficePage: { '*': isSignedIn },
  OfficeSummary: { '*': readsDirectory },
};
