import { isCityOrVendor, isSignedIn, isVendor } from '../authz/rules.js';

// Rows are scoped in OfficeService (officeScope): these rules decide who may call at all.
export const officeRules = {
  Query: {
    offices: isSignedIn,
    office: isSignedIn,
  },
  Mutation: {
    createOffice: isCityOrVendor,
    updateOffice: isCityOrVendor,
    deactivateOffice: isVendor,
    reactivateOffice: isVendor,
  },
  Office: { '*': isSignedIn },
  OfficePage: { '*': isSignedIn },
};
