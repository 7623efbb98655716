// The per-request context: what Apollo does with it must not cost a request its fixed price.
import { describe, expect, it } from 'vitest';
import { sessionOnDemand, type Context } from '../../api/context.js';
import type { Session } from '../../api/auth/session.entity.js';

/** What @apollo/server 5 does with the context value before each operation (ApolloServer.js, cloneObject). */
const apolloCopy = <T extends object>(o: T): T => Object.assign(Object.create(Object.getPrototypeOf(o)), o);

describe('a session served from memory', () => {
  it('becomes an entity only when a resolver asks for it, not when Apollo copies the context', () => {
    let made = 0;
    const session = { stage: 'SIGNED_IN' } as unknown as Session;
    const ctx = { viewer: { id: 'u' }, session: null } as unknown as Context;
    sessionOnDemand(ctx, () => {
      made += 1;
      return session;
    });
    const copy = apolloCopy(ctx);
    expect(made).toBe(0);
    expect(copy.viewer).toEqual({ id: 'u' });
    expect(copy.session).toBe(session);
    expect(copy.session).toBe(session);
    expect(made).toBe(1);
  });

  it('can be replaced or cleared by a resolver (sign-in step, sign-out)', () => {
    const ctx = { session: null } as unknown as Context;
    sessionOnDemand(ctx, () => ({ stage: 'SIGNED_IN' }) as unknown as Session);
    const copy = apolloCopy(ctx);
    copy.session = null;
    expect(copy.session).toBeNull();
    const next = { stage: 'TOTP_REQUIRED' } as unknown as Session;
    copy.session = next;
    expect(copy.session).toBe(next);
  });
});
