import { and } from 'graphql-shield';
import { isCityOrVendor, isSignedInBySession } from '../authz/rules.js';

// Tokens are managed from a signed-in session, never with a token.
export const apiTokenRules = {
  Query: { apiTokens: and(isCityOrVendor, isSignedInBySession) },
  Mutation: {
    createApiToken: and(isCityOrVendor, isSignedInBySession),
    revokeApiToken: and(isCityOrVendor, isSignedInBySession),
  },
  ApiToken: { '*': isCityOrVendor },
  CreatedApiToken: { '*': isCityOrVendor },
};
