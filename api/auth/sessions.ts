// Session lifecycle: create, resolve from the cookie (idle and absolute expiry), revoke.
import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { Session, SessionStage } from './session.entity.js';
import { User } from '../users/user.entity.js';
import { UserStatus } from '../users/user.enums.js';
import { hashToken, newToken } from './tokens.js';
import { minutes, hours, todayInTokyo } from '../common/dates.js';

export const cookieName = (config: Config) => (config.secureCookies ? '__Host-sid' : 'sid');

/** Touching lastSeenAt on every request would write on every read; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(em: EntityManager, config: Config, user: User, stage: SessionStage, req: Request, res: Response): Promise<Session> {
  const token = newToken();
  const now = new Date();
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    user,
    stage,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + hours(config.session.absoluteHours)),
    ip: clientIp(req),
    userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
  });
  em.persist(session);
  res.cookie(cookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: hours(config.session.absoluteHours),
  });
  return session;
}

export function clearSessionCookie(config: Config, res: Response): void {
  res.clearCookie(cookieName(config), { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' });
}

/** An account that may hold a session at all (active, not past its stop date). */
export function accountUsable(user: User, now = new Date()): boolean {
  if (user.status !== UserStatus.ACTIVE) return false;
  if (user.stopDate && user.stopDate < todayInTokyo(now)) return false;
  return true;
}

export interface ResolvedSession {
  session: Session | null;
  problem: 'SESSION_EXPIRED' | null;
}

export async function resolveSession(em: EntityManager, config: Config, token: string | undefined): Promise<ResolvedSession> {
  if (!token) return { session: null, problem: null };
  const session = await em.findOne(Session, { tokenHash: hashToken(token) }, { populate: ['user'] });
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
  return { session, problem: null };
}

export async function revokeSessions(em: EntityManager, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
  return em.nativeUpdate(
    Session,
    { user: userId, revokedAt: null, ...(exceptSessionId ? { id: { $ne: exceptSessionId } } : {}) },
    { revokedAt: new Date(), revokedReason: reason },
  );
}

export function clientIp(req: Request): string | null {
  return (req.ip ?? req.socket.remoteAddress ?? null)?.slice(0, 64) ?? null;
}
