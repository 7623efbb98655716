import { isAnyone, isSignedIn } from '../authz/rules.js';
import { policyRule } from '../authz/policy.js';
import { municipalityPolicy } from './municipality.policy.js';

// Rows are scoped by municipalityPolicy.scope in the service.
export const municipalityRules = {
  Query: {
    municipalities: isSignedIn,
    municipality: isSignedIn,
    publicMunicipalities: isAnyone, // the public registration page: code, name, prefecture only
  },
  Mutation: {
    createMunicipality: policyRule('municipality.create', municipalityPolicy.create),
    updateMunicipality: policyRule('municipality.update', municipalityPolicy.update),
  },
  Municipality: { '*': isSignedIn },
  PublicMunicipality: { '*': isAnyone },
};
