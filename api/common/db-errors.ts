// The database is away (restarting, failing over, unreachable): a clear, retryable answer (503)
// instead of an internal error.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: string; sqlState?: string; message?: string; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 6; depth++) {
    if ((e.code && UNAVAILABLE_CODES.has(e.code)) || (e.sqlState && UNAVAILABLE_CODES.has(e.sqlState))) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Client was closed|is not queryable|Connection is closed|Timeout acquiring a connection|socket hang up|write EPIPE|read ECONNRESET|Transaction query already complete/i.test(
        e.message,
      )
    )
      return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}
