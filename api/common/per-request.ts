import type { Context } from '../context.js';

const caches = new WeakMap<Context, Map<string, unknown>>();

/** One instance per request (e.g. a DataLoader that batches a field across a list). */
export function perRequest<T>(ctx: Context, key: string, make: () => T): T {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}
