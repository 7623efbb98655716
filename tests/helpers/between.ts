// A concurrent change, run just before the API sends a given statement: on the pg driver, which
// every statement goes through (MikroORM's and api/db/rows.ts's alike), as another request would.
import pg from 'pg';
import { vi } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';

export function changeBefore(em: EntityManager, marker: RegExp, change: string, params: unknown[]) {
  const query = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(async function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
    if (text && marker.test(text)) {
      spy.mockRestore();
      await em.fork().getConnection().execute(change, params);
    }
    return (query as (...a: unknown[]) => unknown).call(this, config, ...rest);
  } as never);
  return spy;
}
