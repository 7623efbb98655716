// The per-request context: a forked EntityManager, the caller, and the audit writer.
import type { IncomingMessage, ServerResponse } from 'node:http';
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
  /** Node's own request and response: /graphql is served without Express (api/http/graphql-route.ts) */
  req: IncomingMessage;
  res: ServerResponse;
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

/** The session of a request, shared by the context and Apollo's copy of it. */
interface SessionBox {
  /** undefined until read, when it is built by `make` */
  value: Session | null | undefined;
  make: (() => Session) | null;
}

/**
 * One request's context. Every context has this one prototype: Apollo hands each operation a copy
 * (`Object.assign(Object.create(proto), ctx)`); a prototype made per request (as this used to be)
 * gives every context its own hidden class, which V8 reads on its slow path (no gain the benchmark
 * could show, but one class is also the plainer code). The session sits in a box that the copy shares, so that a session
 * served from memory (auth/session-cache.ts) becomes an entity only if a resolver asks for it
 * (sign-out, password change), and a resolver's sign-in or sign-out is seen through either object.
 * tests/api/context.test.ts.
 */
class RequestContext implements Context {
  em: EntityManager;
  config: Config;
  secrets: SecretBox;
  req: IncomingMessage;
  res: ServerResponse;
  ip: string | null;
  locale: Locale;
  sessionProblem: Context['sessionProblem'];
  viewer: Viewer | null;
  viaToken: boolean;
  limits: RateLimits;
  audit: Audit;
  private readonly sessionBox: SessionBox;

  constructor(parts: Omit<Context, 'audit'>, makeSession: (() => Session) | null) {
    this.em = parts.em;
    this.config = parts.config;
    this.secrets = parts.secrets;
    this.req = parts.req;
    this.res = parts.res;
    this.ip = parts.ip;
    this.locale = parts.locale;
    this.sessionProblem = parts.sessionProblem;
    this.viewer = parts.viewer;
    this.viaToken = parts.viaToken;
    this.limits = parts.limits;
    this.sessionBox = { value: makeSession ? undefined : parts.session, make: makeSession };
    this.audit = new Audit(parts.em, () => this.viewer, parts.ip);
  }

  get session(): Session | null {
    const box = this.sessionBox;
    if (box.value === undefined) box.value = box.make ? box.make() : null;
    return box.value;
  }

  set session(value: Session | null) {
    this.sessionBox.value = value;
  }
}

/**
 * The context of a request. `makeSession` builds the session entity from one served from memory,
 * if and when a resolver reads `session`; without it, `parts.session` is the session.
 */
export function buildContext(parts: Omit<Context, 'audit'>, makeSession: (() => Session) | null = null): Context {
  return new RequestContext(parts, makeSession);
}
