// At start-up the database may not be up yet (server boot order, a PostgreSQL restart, a fail-over):
// retry the first connection with backoff instead of exiting, but fail at once on errors that
// waiting cannot fix (wrong password, no such database).
import pg from 'pg';

/** Errors of "nobody answers (yet)": worth waiting for. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P03', // cannot_connect_now: starting up or shutting down
  '57P01', // admin_shutdown
  '53300', // too_many_connections
]);

export class DatabaseUnreachable extends Error {}

const where = (url: string) => {
  const u = new URL(url);
  return `${u.hostname || 'localhost'}:${u.port || 5432}/${u.pathname.replace(/^\//, '')}`;
};

function transient(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  if (code && TRANSIENT_CODES.has(code)) return true;
  // pg's own "Connection terminated unexpectedly" / connect timeout carry no code
  return !code && /terminated|timeout/i.test(e instanceof Error ? e.message : '');
}

/**
 * Resolves once PostgreSQL at `url` accepts a connection; retries transient failures with
 * exponential backoff (0.5 s doubling up to 5 s) for at most `waitSeconds`.
 */
export async function waitForDatabase(url: string, waitSeconds: number, log: (m: string) => void = console.log): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  let delay = 500;
  let logged = false;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client.on('error', () => {}); // a late socket error must not crash the process while waiting
    try {
      await client.connect();
      await client.end();
      if (logged) log(`PostgreSQL at ${where(url)} is reachable.`);
      return;
    } catch (e) {
      await client.end().catch(() => {});
      const reason = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      if (!transient(e)) throw new DatabaseUnreachable(`Cannot connect to PostgreSQL at ${where(url)}: ${e instanceof Error ? e.message : reason}`);
      if (Date.now() + delay > deadline) {
        throw new DatabaseUnreachable(`PostgreSQL at ${where(url)} was not reachable within DATABASE_WAIT_SECONDS=${waitSeconds} (${reason}).`);
      }
      if (!logged) log(`PostgreSQL at ${where(url)} is not reachable (${reason}); retrying for up to ${waitSeconds} s ...`);
      logged = true;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
}
