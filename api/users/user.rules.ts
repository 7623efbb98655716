import { isCityOrVendor, isSignedIn, isVendor } from '../authz/rules.js';

// Rows are scoped in UserService (userScope); VENDOR issues and stops IDs, CITY keeps roster data.
export const userRules = {
  Query: {
    users: isSignedIn,
    user: isSignedIn,
  },
  Mutation: {
    createUser: isVendor,
    updateUser: isCityOrVendor,
    stopUser: isVendor,
    reactivateUser: isVendor,
    unlockUser: isCityOrVendor,
    resetUserCredentials: isVendor,
  },
  User: { '*': isSignedIn },
  UserPage: { '*': isSignedIn },
};
