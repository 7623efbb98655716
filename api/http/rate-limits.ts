// Rate limits that hold across API processes and under concurrency: every counter lives in
// PostgreSQL (table rate_limit, made by a migration) and is changed by one atomic upsert
// (rate-limiter-flexible's PostgreSQL store). A request takes its point before doing the work, so
// twenty requests at once cannot all see "under the limit" the way count-then-insert did.
import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { AppError } from '../common/errors.js';

export interface RateLimits {
  /** failed sign-ins (login, activateAccount) per client address, across accounts: spraying */
  signInByAddress: RateLimiterPostgres;
  /** failed sign-ins per login ID, known or not: guessing one account, from many addresses or at once */
  signInByAccount: RateLimiterPostgres;
  /** public application page: submissions per client address and hour */
  publicSubmissions: RateLimiterPostgres;
  /** public application page: anonymous file uploads per client address and hour */
  publicUploads: RateLimiterPostgres;
}

/** Files one public submission may carry: the upload budget is that many per allowed submission. */
export const PUBLIC_FILES_PER_SUBMISSION = 3;

const HOUR_SECONDS = 3600;

const perOrm = new WeakMap<MikroORM, RateLimits>();

/**
 * The limiters of this database connection, made once per ORM (server.ts, and any route that needs
 * them, share one set). The table exists already (migration), hence tableCreated: true.
 */
export function rateLimitsFor(orm: MikroORM, config: Config): RateLimits {
  const existing = perOrm.get(orm);
  if (existing) return existing;
  // MikroORM's knex: the counters use the application's own connection pool and role
  const knex = orm.em.getConnection().getKnex();
  const limiter = (keyPrefix: string, points: number, duration: number, clearExpired = false) =>
    new RateLimiterPostgres({ storeClient: knex, storeType: 'knex', tableName: 'rate_limit', tableCreated: true, keyPrefix, points, duration, clearExpiredByTimeout: clearExpired });
  const window = config.signInLimits.windowMinutes * 60;
  const limits: RateLimits = {
    // one of them sweeps rows expired over an hour ago from the shared table
    signInByAddress: limiter('signin-addr', config.signInLimits.perAddress, window, true),
    signInByAccount: limiter('signin-acct', config.signInLimits.perAccount, window),
    publicSubmissions: limiter('public-submit', config.publicSubmissionsPerHour, HOUR_SECONDS),
    publicUploads: limiter('public-upload', config.publicSubmissionsPerHour * PUBLIC_FILES_PER_SUBMISSION, HOUR_SECONDS),
  };
  perOrm.set(orm, limits);
  return limits;
}

const addressKey = (ip: string | null) => ip ?? 'unknown';
/** Typed login IDs are hashed: a password typed into the ID field must not sit in a table. */
const accountKey = (loginId: string) => createHash('sha256').update(loginId.normalize('NFC').trim().toLowerCase()).digest('hex');

export const tooManyRequests = (retryAfterSeconds: number) => new AppError('TOO_MANY_REQUESTS', { retryAfterSeconds, http: { headers: new Map([['retry-after', String(retryAfterSeconds)]]) } });

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Takes one point, or throws TOO_MANY_REQUESTS with the seconds until the window ends. */
async function take(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (e) {
    // the library rejects with a RateLimiterRes when the points are gone, with an Error when the store failed
    if (e instanceof RateLimiterRes) throw tooManyRequests(retryAfter(e));
    throw e;
  }
}

export interface SignInAttempt {
  /** The credentials were right: this attempt does not count, and the login ID's count starts over. */
  succeeded(): Promise<void>;
}

/**
 * Before any password hashing: one point per attempt from this address and for this login ID.
 * A failed attempt keeps its points; a successful one gives its address point back (only its own:
 * signing in to an account one owns must not wipe the address's failures).
 */
export async function beginSignIn(limits: RateLimits, ip: string | null, loginId: string): Promise<SignInAttempt> {
  const addr = addressKey(ip);
  const acct = accountKey(loginId);
  await take(limits.signInByAddress, addr);
  await take(limits.signInByAccount, acct);
  return {
    succeeded: async () => {
      await limits.signInByAddress.reward(addr, 1);
      await limits.signInByAccount.delete(acct);
    },
  };
}

export interface Reservation {
  /** Gives the point back (the request was refused for its content and changed nothing). */
  refund(): Promise<void>;
}

/** The public page: one submission from this address, or TOO_MANY_REQUESTS. */
export async function takePublicSubmission(limits: RateLimits, ip: string | null): Promise<Reservation> {
  const key = addressKey(ip);
  await take(limits.publicSubmissions, key);
  return { refund: async () => void (await limits.publicSubmissions.reward(key, 1)) };
}

/**
 * The public page's anonymous uploads (api/uploads/): counts one file from this address against
 * PUBLIC_SUBMISSIONS_PER_HOUR × PUBLIC_FILES_PER_SUBMISSION an hour, or says when the next may come.
 */
export async function countPublicUpload(limits: RateLimits, ip: string | null): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  try {
    await take(limits.publicUploads, addressKey(ip));
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (e) {
    if (e instanceof AppError && e.code === 'TOO_MANY_REQUESTS') return { allowed: false, retryAfterSeconds: Number(e.extensions.retryAfterSeconds) };
    throw e;
  }
}
