import { and } from 'graphql-shield';
import { policyRule } from '../authz/policy.js';
import { isSignedInBySession } from '../authz/rules.js';
import { apiTokenPolicy } from './api-token.policy.js';

// Tokens are managed from a signed-in session, never with a token.
const managesTokens = policyRule('apiTokens.manage', apiTokenPolicy.manage);
const managesBySession = and(managesTokens, isSignedInBySession);

export const apiTokenRules = {
  Query: { apiTokens: managesBySession },
  Mutation: {
    createApiToken: managesBySession,
    revokeApiToken: managesBySession,
  },
  ApiToken: { '*': managesTokens },
  CreatedApiToken: { '*': managesTokens },
};
