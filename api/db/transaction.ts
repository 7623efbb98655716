import type { EntityManager } from '@mikro-orm/postgresql';
import { Extensions, type MiddlewareFn } from 'type-graphql';

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

/**
 * Field extension that opts a mutation out of the default transaction (transactionPerMutation).
 * Only for steps that must commit a record of their own failure: see `@OwnTransactions`.
 */
export const OWN_TRANSACTIONS = 'ownTransactions';

/**
 * Opts one mutation out of the transaction every mutation runs in, with the reason written
 * beside it. The resolver then decides its transactions itself (usually `inTransaction` around
 * the change, and another around the failure record it must keep when it throws). Use it only
 * where a thrown error must not roll back what was written before it.
 */
export const OwnTransactions = (reason: string) => Extensions({ [OWN_TRANSACTIONS]: reason });

/**
 * Middleware on the Mutation fields (api/schema.ts, inside shield): every top-level Mutation field runs in one
 * transaction on the request's EntityManager, so a mutation's writes, audit events and notices
 * commit together or not at all without the resolver wrapping itself. Queries are untouched
 * (their access-log rows are written alongside, audit/read-log.plugin.ts). Field resolvers of
 * the returned object run after the commit, as they did when each resolver wrapped itself.
 */
export const transactionPerMutation: MiddlewareFn<{ em: EntityManager }> = ({ context, info }, next) => {
  if (info.parentType !== info.schema.getMutationType()) return next();
  if (info.parentType.getFields()[info.fieldName]?.extensions?.[OWN_TRANSACTIONS]) return next();
  return inTransaction(context.em, next);
};
