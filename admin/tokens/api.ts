// API tokens (tokens.graphql) as custom data-provider methods.
import { request } from '../graphql/client';
import { ApiTokensDocument, CreateApiTokenDocument, RevokeApiTokenDocument, type ApiTokenInput } from '../graphql/generated/graphql';

export const tokenMethods = {
  apiTokens: () => request(ApiTokensDocument).then((d) => d.apiTokens),
  /** The answer holds the secret: shown once, never stored by the panel. */
  createApiToken: (input: ApiTokenInput) => request(CreateApiTokenDocument, { input }).then((d) => d.createApiToken),
  revokeApiToken: (id: string) => request(RevokeApiTokenDocument, { id }).then((d) => d.revokeApiToken),
};
