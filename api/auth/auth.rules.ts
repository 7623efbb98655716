import { isAnyone, isAwaitingEnrollment, isAwaitingTotp, hasBothFactors, hasSession, isSignedIn } from '../authz/rules.js';

export const authRules = {
  Query: {
    authStatus: isAnyone,
    me: isSignedIn,
  },
  Mutation: {
    login: isAnyone,
    activateAccount: isAnyone,
    verifyTotp: isAwaitingTotp,
    useRecoveryCode: isAwaitingTotp,
    beginTotpEnrollment: isAwaitingEnrollment,
    confirmTotpEnrollment: isAwaitingEnrollment,
    changePassword: hasBothFactors,
    logout: hasSession,
  },
  AuthStatus: { '*': isAnyone },
  TotpEnrollment: { '*': isAwaitingEnrollment },
  TotpEnrollmentResult: { '*': isAnyone },
};
