// The per-request context: what Apollo does with it must not cost a request its fixed price.
import { describe, expect, it } from 'vitest';
import { buildContext, type Context } from '../../api/context.js';
import type { Session } from '../../api/auth/session.entity.js';

/** What @apollo/server 5 does with the context value before each operation (ApolloServer.js, cloneObject). */
const apolloCopy = <T extends object>(o: T): T => Object.assign(Object.create(Object.getPrototypeOf(o)), o);

const parts = (session: Session | null = null): Omit<Context, 'audit'> =>
  ({ em: {}, viewer: { id: 'u' }, session, sessionProblem: null, viaToken: false, ip: null, locale: 'ja' }) as unknown as Omit<Context, 'audit'>;

describe('a session served from memory', () => {
  it('becomes an entity only when a resolver asks for it, not when Apollo copies the context', () => {
    let made = 0;
    const session = { stage: 'SIGNED_IN' } as unknown as Session;
    const ctx = buildContext(parts(), () => {
      made += 1;
      return session;
    });
    const copy = apolloCopy(ctx);
    expect(made).toBe(0);
    expect(copy.viewer).toEqual({ id: 'u' });
    expect(copy.session).toBe(session);
    expect(copy.session).toBe(session);
    expect(ctx.session).toBe(session);
    expect(made).toBe(1);
  });

  it('can be replaced or cleared by a resolver (sign-in step, sign-out), seen through the context and its copy', () => {
    const ctx = buildContext(parts(), () => ({ stage: 'SIGNED_IN' }) as unknown as Session);
    const copy = apolloCopy(ctx);
    copy.session = null;
    expect(copy.session).toBeNull();
    expect(ctx.session).toBeNull();
    const next = { stage: 'TOTP_REQUIRED' } as unknown as Session;
    copy.session = next;
    expect(copy.session).toBe(next);
    expect(ctx.session).toBe(next);
  });

  it('is the session given when none is served from memory', () => {
    const session = { stage: 'PASSWORD_CHANGE' } as unknown as Session;
    expect(apolloCopy(buildContext(parts(session))).session).toBe(session);
    expect(apolloCopy(buildContext(parts(null))).session).toBeNull();
  });
});

describe('every context', () => {
  // a prototype per request gives each context its own hidden class: every read of a context
  // property in the API then takes V8's megamorphic path
  it('has the same prototype, with or without a session from memory, and so has Apollo’s copy', () => {
    const a = buildContext(parts(), () => ({}) as Session);
    const b = buildContext(parts(), () => ({}) as Session);
    const c = buildContext(parts());
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(c));
    expect(Object.getPrototypeOf(apolloCopy(a))).toBe(Object.getPrototypeOf(c));
    expect(Object.keys(a)).toEqual(Object.keys(c));
  });
});
