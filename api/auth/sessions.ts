// Session lifecycle: create, resolve from the cookie (idle and absolute expiry), revoke.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies, serialize as serializeCookie, type CookieSerializeOptions } from 'cookie';
import proxyaddr from 'proxy-addr';
import type { EntityData, EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { Session, SessionStage } from './session.entity.js';
import { User } from '../users/user.entity.js';
import { UserStatus } from '../users/user.enums.js';
import { hashToken, newToken } from './tokens.js';
import { minutes, hours, todayInTokyo } from '../common/dates.js';
import type { AuthCache } from './session-cache.js';
import { viewerOf, type Viewer } from '../context.js';

export const cookieName = (config: Config) => (config.secureCookies ? '__Host-sid' : 'sid');

/** Touching lastSeenAt on every request would write on every read; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/** The session cookie's attributes: not readable by scripts, never sent cross-site, HTTPS-only in production. */
const sessionCookie = (config: Config): CookieSerializeOptions => ({ httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' });

/** A Set-Cookie header added to the answer (as Express's res.cookie writes it: Max-Age in seconds and Expires). */
function setCookie(res: ServerResponse, name: string, value: string, options: CookieSerializeOptions): void {
  res.appendHeader('Set-Cookie', serializeCookie(name, value, options));
}

/** The session token the request's cookie carries, if any (every route reads it this way). */
export function sessionToken(config: Config, req: IncomingMessage): string | undefined {
  return req.headers.cookie ? parseCookies(req.headers.cookie)[cookieName(config)] : undefined;
}

export async function createSession(em: EntityManager, config: Config, user: User, stage: SessionStage, http: { req: IncomingMessage; res: ServerResponse; ip: string | null }): Promise<Session> {
  const token = newToken();
  const now = new Date();
  const lifetime = hours(config.session.absoluteHours);
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    user,
    stage,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + lifetime),
    ip: http.ip,
    userAgent: http.req.headers['user-agent']?.slice(0, 300) ?? null,
  });
  em.persist(session);
  setCookie(http.res, cookieName(config), token, { ...sessionCookie(config), maxAge: Math.floor(lifetime / 1000), expires: new Date(now.getTime() + lifetime) });
  return session;
}

export function clearSessionCookie(config: Config, res: ServerResponse): void {
  setCookie(res, cookieName(config), '', { ...sessionCookie(config), expires: new Date(0) });
}

/** An account that may hold a session at all (active, not past its stop date). */
export function accountUsable(user: Pick<User, 'status' | 'stopDate'>, now = new Date()): boolean {
  if (user.status !== UserStatus.ACTIVE) return false;
  if (user.stopDate && user.stopDate < todayInTokyo(now)) return false;
  return true;
}

export interface ResolvedSession {
  session: Session | null;
  problem: 'SESSION_EXPIRED' | null;
}

/** A signed-in session from memory: the viewer at once, the entity only when asked for (sessionOf). */
export interface SessionFromCache {
  session: null;
  problem: null;
  cached: CachedSession;
}

/**
 * A signed-in session as this process keeps it (api/auth/session-cache.ts): the ORM's own
 * snapshot of the session and its user, turned back into managed entities on each request, so
 * every caller sees exactly what a lookup would have returned.
 */
export interface CachedSession {
  kind: 'session';
  userId: string;
  expiresAt: number;
  lastSeenAt: number;
  account: Pick<User, 'status' | 'stopDate'>;
  /** frozen: shared by every request of this session */
  viewer: Readonly<Viewer>;
  session: EntityData<Session>;
  user: EntityData<User>;
}

/** A valid API token's owner, as this process keeps it (see CachedSession). */
export interface CachedToken {
  kind: 'token';
  userId: string;
  expiresAt: number;
  lastUsedAt: number;
  account: Pick<User, 'status' | 'stopDate' | 'role'>;
  viewer: Viewer;
}

export type AuthCacheEntry = CachedSession | CachedToken;
export type SessionCache = AuthCache<AuthCacheEntry>;

/**
 * Served from memory only while the request needs nothing the database would decide: not past
 * the absolute end, not past the stop date, and within a touch interval of the last "last seen"
 * this process knows of (so idle expiry and the once-a-minute touch work exactly as without a cache).
 */
function usableFromCache(config: Config, cached: CachedSession, now: Date): boolean {
  const t = now.getTime();
  if (t >= cached.expiresAt) return false;
  if (t - cached.lastSeenAt > Math.min(TOUCH_EVERY_MS, minutes(config.session.idleMinutes))) return false;
  return accountUsable(cached.account, now);
}

/** The session entity (and its user), managed by this request's EntityManager, as a lookup would have returned it. */
export function sessionOf(em: EntityManager, resolved: ResolvedSession | SessionFromCache): Session | null {
  if (!('cached' in resolved)) return resolved.session;
  const merge = { convertCustomTypes: true, refresh: true, validate: false } as const;
  em.merge(User, { ...resolved.cached.user }, merge);
  return em.merge(Session, { ...resolved.cached.session }, merge);
}

function toCached(em: EntityManager, session: Session): CachedSession {
  const user = session.user.getEntity();
  const uow = em.getUnitOfWork();
  return {
    kind: 'session',
    userId: user.id,
    expiresAt: session.expiresAt.getTime(),
    lastSeenAt: session.lastSeenAt.getTime(),
    account: { status: user.status, stopDate: user.stopDate },
    viewer: Object.freeze(viewerOf(user)),
    session: { ...uow.getOriginalEntityData(session)!, lastSeenAt: session.lastSeenAt },
    user: { ...uow.getOriginalEntityData(user)! },
  };
}

/** The session of a cookie; with a cache, possibly from memory (then take the entity with sessionOf). */
export async function resolveSession(em: EntityManager, config: Config, token: string | undefined): Promise<ResolvedSession>;
export async function resolveSession(em: EntityManager, config: Config, token: string | undefined, cache: SessionCache): Promise<ResolvedSession | SessionFromCache>;
export async function resolveSession(em: EntityManager, config: Config, token: string | undefined, cache?: SessionCache): Promise<ResolvedSession | SessionFromCache> {
  if (!token) return { session: null, problem: null };
  const tokenHash = hashToken(token);
  const key = `s:${tokenHash}`;
  const cached = await cache?.get(key);
  if (cached?.kind === 'session') {
    if (usableFromCache(config, cached, new Date())) return { session: null, problem: null, cached };
    cache!.delete(key);
  }
  const ticket = (await cache?.ticket()) ?? null;
  const session = await em.findOne(Session, { tokenHash }, { populate: ['user'] });
  if (!session || session.revokedAt) return { session: null, problem: session ? 'SESSION_EXPIRED' : null };
  const now = new Date();
  const user = session.user.getEntity();
  let reason: string | null = null;
  if (now >= session.expiresAt) reason = 'absolute_timeout';
  else if (now.getTime() - session.lastSeenAt.getTime() > minutes(config.session.idleMinutes)) reason = 'idle_timeout';
  else if (!accountUsable(user, now)) reason = 'account_unusable';
  if (reason) {
    await em.nativeUpdate(Session, { id: session.id, revokedAt: null }, { revokedAt: now, revokedReason: reason });
    return { session: null, problem: 'SESSION_EXPIRED' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: now });
    session.lastSeenAt = now;
  }
  // only sessions that reach data are worth keeping; the sign-in steps change the row as they go
  if (cache && session.stage === SessionStage.SIGNED_IN) cache.set(key, toCached(em, session), ticket);
  return { session, problem: null };
}

export async function revokeSessions(em: EntityManager, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
  return em.nativeUpdate(Session, { user: userId, revokedAt: null, ...(exceptSessionId ? { id: { $ne: exceptSessionId } } : {}) }, { revokedAt: new Date(), revokedReason: reason });
}

/** TRUST_PROXY compiled once per configuration (proxy-addr, as Express compiles its 'trust proxy'). */
const trusted = new WeakMap<Config, (address: string, hop: number) => boolean>();

/**
 * The caller's address, for the audit trail and the rate limits: X-Forwarded-For is believed only
 * from the proxies TRUST_PROXY lists (none by default), hop by hop from the socket's address.
 */
export function clientIp(req: IncomingMessage, config: Config): string | null {
  let trust = trusted.get(config);
  if (!trust) {
    trust = proxyaddr.compile(config.trustProxy);
    trusted.set(config, trust);
  }
  return (proxyaddr(req, trust) ?? null)?.slice(0, 64) ?? null;
}
