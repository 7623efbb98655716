import { isSignedIn, isVendor } from '../authz/rules.js';

export const municipalityRules = {
  Query: {
    municipalities: isSignedIn,
    municipality: isSignedIn,
  },
  Mutation: {
    createMunicipality: isVendor,
    updateMunicipality: isVendor,
  },
  Municipality: { '*': isSignedIn },
};
