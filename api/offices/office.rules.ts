import { or } from 'graphql-shield';
import { isCity, isCityOrVendor, isOffice, isSignedIn, isVendor } from '../authz/rules.js';

// Rows are scoped in OfficeService (officeScope): these rules decide who may call at all.
export const officeRules = {
  Query: {
    offices: isSignedIn,
    office: isSignedIn,
    officeDirectory: or(isCity, isOffice),
  },
  Mutation: {
    createOffice: isCityOrVendor,
    updateOffice: isCityOrVendor,
    deactivateOffice: isVendor,
    reactivateOffice: isVendor,
  },
  Office: { '*': isSignedIn },
  OfficePage: { '*': isSignedIn },
  OfficeSummary: { '*': or(isCity, isOffice) },
};
