// The one way the panel talks to the API: same-origin /graphql, the session cookie, and the
// panel's language as Accept-Language (the server localizes its error messages by it).
import { i18nProvider } from '../i18n/i18nProvider';
import { apiError, apiErrorFrom, type GraphQLErrorLike } from './errors';

export const GRAPHQL_URL = '/graphql';

/** fetch with the panel's locale; used by Apollo (data provider) and by graphqlRequest. */
export const localeFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('Accept-Language', i18nProvider.getLocale());
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
};

/** A single GraphQL operation outside the data provider (sign-in steps, session checks). */
export async function graphqlRequest<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await localeFetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw apiError('ra.notification.http_error', 0, { code: 'NETWORK_ERROR', fields: [] });
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLErrorLike[] } | null;
  if (body?.errors?.length) throw apiErrorFrom(body.errors);
  if (!response.ok || !body?.data) throw apiError('ra.notification.http_error', response.status, { code: 'HTTP_ERROR', fields: [] });
  return body.data;
}
