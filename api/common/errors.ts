// Errors with a stable code in extensions.code and a message in the caller's language.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { errorMessages, fieldMessages, type ErrorCode, type FieldCode, type Locale } from './messages.js';
import { currentLocale, inProduction } from './request-context.js';
import { isDatabaseUnavailable } from './db-errors.js';

export interface FieldError {
  field: string;
  code: FieldCode;
  message?: string;
}

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    extra: Record<string, unknown> = {},
  ) {
    super(errorMessages[code].ja, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' | 'SECOND_FACTOR_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED' = 'UNAUTHENTICATED') =>
  new AppError('UNAUTHENTICATED', { reason: code });
export const forbidden = () => new AppError('FORBIDDEN');
export const notFound = () => new AppError('NOT_FOUND');
export const conflict = () => new AppError('CONFLICT');
export const validationError = (fields: FieldError[]) => new AppError('BAD_USER_INPUT', { fields });

/** Throws BAD_USER_INPUT when any check failed; collects them all so a form can mark every field. */
export function assertValid(fields: FieldError[]): void {
  if (fields.length > 0) throw validationError(fields);
}

interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

/** class-validator errors (messages are our FieldCodes) → flat field list with dotted paths. */
function flattenValidationErrors(errors: ClassValidatorError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => ({
      field,
      code: (m in fieldMessages ? m : 'INVALID_VALUE') as FieldCode,
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

const knownCodes = new Set(Object.keys(errorMessages));

/**
 * Apollo formatError: localizes known errors, turns type-graphql's validation errors into our
 * shape, and masks everything unexpected to INTERNAL_SERVER_ERROR (no stack, no internals).
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown, locale: Locale = currentLocale()): GraphQLFormattedError {
  const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
  let code = String(ext.code ?? 'INTERNAL_SERVER_ERROR');
  const out: Record<string, unknown> = {};

  const validationErrors = ext.validationErrors as ClassValidatorError[] | undefined;
  if (validationErrors) {
    out.fields = flattenValidationErrors(validationErrors);
    code = 'BAD_USER_INPUT';
  } else if (ext.fields) {
    out.fields = ext.fields;
  }
  if (Array.isArray(out.fields)) {
    out.fields = (out.fields as FieldError[]).map((f) => ({ field: f.field, code: f.code, message: fieldMessages[f.code]?.[locale] ?? f.code }));
  }
  if (ext.reason) out.reason = ext.reason;
  // when a rate limit lets the caller try again
  if (typeof ext.retryAfterSeconds === 'number') out.retryAfterSeconds = ext.retryAfterSeconds;

  // the depth and alias limits (GraphQL Armor's validation rules, common/limits.ts) reach here as
  // validation errors marked with the limit they broke: they answer QUERY_TOO_COMPLEX like the cost limit
  if (code === 'GRAPHQL_VALIDATION_FAILED' && ext.queryLimit) code = 'QUERY_TOO_COMPLEX';
  // GraphQL's own parse/validation errors keep their (English, schema-level) detail: it names
  // the offending field without revealing anything beyond the public schema.
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_REQUEST') {
    // in production, no "Did you mean …?" hints that map out the schema
    const detail = inProduction() ? formatted.message.replace(/\s*Did you mean[^?]*\?/g, '') : formatted.message;
    return { message: `${errorMessages.GRAPHQL_VALIDATION_FAILED[locale]} ${detail}`, locations: formatted.locations, extensions: { code } };
  }
  if (code === 'QUERY_TOO_COMPLEX') return { message: `${errorMessages.QUERY_TOO_COMPLEX[locale]} ${formatted.message}`, extensions: { code } };
  if (code === 'BAD_USER_INPUT' && !out.fields) {
    // a variable of the wrong type: GraphQL's own message says which one
    return { message: `${errorMessages.BAD_USER_INPUT[locale]} ${formatted.message}`, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(original)) {
    return { message: errorMessages.SERVICE_UNAVAILABLE[locale], locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  // an id that is not even a UUID cannot name anything the caller may see; any other invalid
  // text (22P02 is also a jsonb or number the database could not read) is a bug, masked and logged below
  if (code === 'INTERNAL_SERVER_ERROR' && isMalformedUuid(original)) {
    return { message: errorMessages.NOT_FOUND[locale], locations: formatted.locations, path: formatted.path, extensions: { code: 'NOT_FOUND' } };
  }
  // a statement that ran past STATEMENT_TIMEOUT_MS (57014): the database cancelled it
  if (code === 'INTERNAL_SERVER_ERROR' && isQueryTimeout(original)) {
    logUnexpected(original);
    return { message: errorMessages.QUERY_TIMEOUT[locale], locations: formatted.locations, path: formatted.path, extensions: { code: 'QUERY_TIMEOUT' } };
  }
  if (!knownCodes.has(code) || (code === 'INTERNAL_SERVER_ERROR' && !(unwrap(original) instanceof AppError))) {
    if (!(unwrap(original) instanceof AppError)) logUnexpected(original);
    code = 'INTERNAL_SERVER_ERROR';
  }
  const message = errorMessages[code as ErrorCode][locale];
  return { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...out } };
}

/** PostgreSQL's own error (code, message) under MikroORM's and GraphQL's wrappers. */
function databaseError(error: unknown): { code?: string; message?: string } | null {
  for (let e = error as { code?: string; sqlState?: string; message?: string; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 6; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    if (typeof e.sqlState === 'string') return { code: e.sqlState, message: e.message };
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return null;
}

const isMalformedUuid = (error: unknown) => {
  const db = databaseError(error);
  return db?.code === '22P02' && /invalid input syntax for type uuid/.test(db.message ?? '');
};

export const isQueryTimeout = (error: unknown) => databaseError(error)?.code === '57014';

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? unwrap(error.originalError) : error;
}

function logUnexpected(error: unknown): void {
  const inner = unwrap(error);
  // Stack to the server log only; never to the client.
  if (process.env.NODE_ENV !== 'test' || process.env.LOG_ERRORS) console.error('[graphql] unexpected error:', inner);
}
