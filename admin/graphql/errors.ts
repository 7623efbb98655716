// GraphQL errors arrive with HTTP 200 and a code in extensions.code. They become one HttpError
// shape for react-admin: `status` for its defaults, `body.code`/`body.reason` for checkError, and
// `body.errors` (field → message) so that forms show the server's validation on their inputs.
import { HttpError } from 'react-admin';

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; reason?: string; fields?: ApiFieldError[] };
}

export interface ApiErrorBody {
  code: string;
  reason?: string;
  fields: ApiFieldError[];
  /** react-admin's server-side validation shape: nested by form path, plus root.serverError */
  errors?: Record<string, unknown>;
}

const statusOf: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  INVALID_CREDENTIALS: 400,
  INVALID_TOTP: 400,
  INVALID_RECOVERY_CODE: 400,
  WRONG_PASSWORD: 400,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
};

/** An HttpError whose body is an ApiErrorBody (HttpError cannot be subclassed: it resets its prototype). */
export type ApiError = HttpError & { body: ApiErrorBody };

export const apiError = (message: string, status: number, body: ApiErrorBody): ApiError => new HttpError(message, status, body) as ApiError;

export const isApiError = (error: unknown): error is ApiError =>
  error instanceof HttpError && typeof (error.body as ApiErrorBody | null)?.code === 'string' && Array.isArray((error.body as ApiErrorBody).fields);

/** Maps an API field path to the form's path (e.g. createUser's `loginId` → `account.loginId`). */
export type FieldPathMapper = (field: string) => string;

function nest(errors: Record<string, unknown>, path: string, message: string): void {
  const keys = path.split('.');
  let node = errors;
  keys.slice(0, -1).forEach((k) => {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1];
  if (node[last] === undefined) node[last] = message;
}

export function apiErrorFrom(errors: GraphQLErrorLike[], mapField: FieldPathMapper = (f) => f): ApiError {
  const first = errors[0] ?? { message: '' };
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const fields = errors.flatMap((e) => e.extensions?.fields ?? []);
  const body: ApiErrorBody = { code, reason: first.extensions?.reason, fields };
  // for forms: each field's message on its input; the general message in the notification
  if (fields.length > 0) {
    const formErrors: Record<string, unknown> = { root: { serverError: first.message } };
    for (const f of fields) nest(formErrors, mapField(f.field), f.message);
    body.errors = formErrors;
  }
  // for everything else (buttons, dialogs): the field messages in the text itself
  const details = [...new Set(fields.map((f) => f.message))].join(' ');
  const message = details ? `${first.message} ${details}` : first.message;
  return apiError(message || code, statusOf[code] ?? 500, body);
}

interface ApolloLikeError {
  graphQLErrors?: GraphQLErrorLike[];
  networkError?: { statusCode?: number; message?: string; result?: { errors?: GraphQLErrorLike[] } } | null;
  message?: string;
}

/**
 * Whatever the transport threw (ra-data-graphql's HttpError around an ApolloError, a network
 * failure, an ApiError already) → ApiError, or the original error if it carries no GraphQL errors.
 */
export function toApiError(error: unknown, mapField?: FieldPathMapper): unknown {
  if (isApiError(error)) return error;
  const candidates: unknown[] = [error, (error as { body?: unknown })?.body];
  for (const c of candidates) {
    const apollo = c as ApolloLikeError | undefined;
    const gqlErrors = apollo?.graphQLErrors?.length ? apollo.graphQLErrors : apollo?.networkError?.result?.errors;
    if (gqlErrors?.length) return apiErrorFrom(gqlErrors, mapField);
  }
  const network = (error as { body?: ApolloLikeError })?.body?.networkError ?? (error as ApolloLikeError)?.networkError;
  if (network) return apiError('ra.notification.http_error', network.statusCode ?? 0, { code: 'NETWORK_ERROR', fields: [] });
  return error;
}

export const errorCode = (error: unknown): string | undefined => (error as { body?: { code?: string } })?.body?.code;
export const errorReason = (error: unknown): string | undefined => (error as { body?: { reason?: string } })?.body?.reason;
