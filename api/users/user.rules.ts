import { isSignedIn } from '../authz/rules.js';
import { policyRule } from '../authz/policy.js';
import { userPolicy } from './user.policy.js';

const printsCodes = policyRule('user.printActivationCodes', userPolicy.mayPrintActivationCodes);

// Who may call at all (userPolicy); the record checks (which account) run in UserService.
export const userRules = {
  Query: {
    users: isSignedIn,
    user: isSignedIn,
  },
  Mutation: {
    createUser: policyRule('user.create', userPolicy.create),
    updateUser: policyRule('user.edit', userPolicy.mayEdit),
    stopUser: policyRule('user.stop', userPolicy.mayStop),
    reactivateUser: policyRule('user.reactivate', userPolicy.mayReactivate),
    unlockUser: policyRule('user.unlock', userPolicy.mayUnlock),
    resetUserCredentials: policyRule('user.resetCredentials', userPolicy.mayResetCredentials),
    issueActivationCodes: printsCodes,
  },
  ActivationCodeEntry: { '*': printsCodes },
  User: { '*': isSignedIn },
  UserPage: { '*': isSignedIn },
};
