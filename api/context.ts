// The per-request context: a forked EntityManager, the caller, and the audit writer.
import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { Locale } from './common/messages.js';
import type { Session } from './auth/session.entity.js';
import type { Role } from './users/user.enums.js';
import type { User } from './users/user.entity.js';
import type { SecretBox } from './auth/secret-box.js';
import { Audit } from './audit/audit.js';
import type { RateLimits } from './http/rate-limits.js';

/** A fully signed-in caller (both factors, password not pending). */
export interface Viewer {
  id: string;
  loginId: string;
  role: Role;
  municipalityId: string | null;
  officeId: string | null;
  officeAdmin: boolean;
}

export interface Context {
  em: EntityManager;
  config: Config;
  secrets: SecretBox;
  req: Request;
  res: Response;
  ip: string | null;
  locale: Locale;
  /** any live session, whatever its stage */
  session: Session | null;
  /** why a presented cookie was not accepted (expired, revoked...), for the error reason */
  sessionProblem: 'SESSION_EXPIRED' | 'INVALID_TOKEN' | null;
  /** set only for stage SIGNED_IN, or for a valid API token */
  viewer: Viewer | null;
  /** the caller came with an API token (read-only) rather than a browser session */
  viaToken: boolean;
  audit: Audit;
  /** rate limits shared by every API process (sign-in, public page) */
  limits: RateLimits;
}

/** The caller as every policy sees it, from the account. */
export const viewerOf = (u: User): Viewer => ({
  id: u.id,
  loginId: u.loginId,
  role: u.role,
  municipalityId: u.municipality?.id ?? null,
  officeId: u.office?.id ?? null,
  officeAdmin: u.officeAdmin,
});

/**
 * A session served from memory (auth/session-cache.ts) becomes an entity only if the request
 * asks for it (sign-out, password change): most requests need only the viewer.
 *
 * The getter sits on the context's own prototype, not on the context: Apollo hands each operation
 * a copy of the context (`Object.assign(Object.create(proto), ctx)`), and a getter on the context
 * itself would be called by that copy, building the Session and User entities on every request
 * (4.5 % of the API's CPU on the users list). tests/api/context.test.ts.
 */
export function sessionOnDemand(ctx: Context, make: () => Session): void {
  const settle = (target: Context, value: Session | null) => Object.defineProperty(target, 'session', { value, writable: true, enumerable: true, configurable: true });
  const proto = Object.create(Object.getPrototypeOf(ctx), {
    session: {
      configurable: true,
      get(this: Context) {
        const session = make();
        settle(this, session);
        return session;
      },
      set(this: Context, value: Session | null) {
        settle(this, value);
      },
    },
  });
  delete (ctx as Partial<Context>).session;
  Object.setPrototypeOf(ctx, proto);
}

export function buildContext(parts: Omit<Context, 'audit'>): Context {
  const ctx = parts as Context;
  ctx.audit = new Audit(parts.em, () => ctx.viewer, parts.ip);
  return ctx;
}
