// The panel's one Apollo Client (under the data provider, ra-data-graphql's too) and `request`,
// which runs one generated operation (admin/**/*.graphql → generated/) on it. The custom
// data-provider methods of each area (rooms/api.ts, reports/api.ts…) are built on `request`.
import { ApolloClient, HttpLink, InMemoryCache, from, gql } from '@apollo/client';
import { removeTypenameFromVariables } from '@apollo/client/link/remove-typename';
import type { OperationDefinitionNode } from 'graphql';
import type { TypedDocumentString } from './generated/graphql';
import { toApiError, type FieldPathMapper } from './errors';
import { GRAPHQL_URL, localeFetch } from './transport';

export const client = new ApolloClient({
  // results carry __typename (auth/access.ts reads it); a record sent back as an input must not
  link: from([removeTypenameFromVariables(), new HttpLink({ uri: GRAPHQL_URL, credentials: 'same-origin', fetch: localeFetch })]),
  cache: new InMemoryCache(),
});

/** One operation; the result is the response's `data`, an error an ApiError (graphql/errors.ts). */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables, mapField]: TVariables extends Record<string, never> ? [undefined?, FieldPathMapper?] : [TVariables, FieldPathMapper?]
): Promise<TResult> {
  const parsed = gql(document.toString());
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  try {
    // react-admin keeps its own cache: Apollo's would only hold stale copies (and patient data)
    const result =
      operation?.operation === 'mutation'
        ? await client.mutate({ mutation: parsed, variables: variables as Record<string, unknown>, fetchPolicy: 'no-cache' })
        : await client.query({ query: parsed, variables: variables as Record<string, unknown>, fetchPolicy: 'no-cache' });
    return result.data as TResult;
  } catch (error) {
    throw toApiError(error, mapField);
  }
}
