import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs `work` in one database transaction on this EntityManager: every query, native update,
 * flush and audit event inside commits together or not at all.
 */
export async function inTransaction<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  if (em.isInTransaction()) return work(); // already inside one: join it
  await em.begin();
  try {
    const result = await work();
    await em.commit(); // flushes pending changes, then commits
    return result;
  } catch (e) {
    // if the connection is gone the rollback fails too; the first error is the one to report
    await em.rollback().catch(() => undefined);
    throw e;
  }
}
