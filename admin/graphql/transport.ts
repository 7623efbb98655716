// How the panel reaches the API: same-origin /graphql, the session cookie, and the panel's
// language as Accept-Language (the server localizes its error messages by it).
import { i18nProvider } from '../i18n/i18nProvider';
import { apiError, apiErrorFrom, type GraphQLErrorLike } from './errors';
import type { TypedDocumentString } from './generated/graphql';

export const GRAPHQL_URL = '/graphql';

/** fetch with the panel's locale; used by Apollo (graphql/client.ts) and by graphqlRequest. */
export const localeFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('Accept-Language', i18nProvider.getLocale());
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
};

/**
 * One generated operation with plain fetch, for the pages that run before there is a session
 * and so before the data provider is loaded: the sign-in steps (auth/authApi.ts), account
 * activation and the public application form. Apollo Client and graphql-js are a third of the
 * panel's code and stay out of the sign-in page's first load; everything past sign-in goes
 * through the data provider (dataProvider.ts).
 */
export async function graphqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [undefined?] : [TVariables]
): Promise<TResult> {
  let response: Response;
  try {
    response = await localeFetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw apiError('ra.notification.http_error', 0, { code: 'NETWORK_ERROR', fields: [] });
  }
  const body = (await response.json().catch(() => null)) as { data?: TResult; errors?: GraphQLErrorLike[] } | null;
  if (body?.errors?.length) throw apiErrorFrom(body.errors);
  if (!response.ok || !body?.data) throw apiError('ra.notification.http_error', response.status, { code: 'HTTP_ERROR', fields: [] });
  return body.data;
}
