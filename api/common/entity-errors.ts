import { LockMode, OptimisticLockError, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { AppError, conflict, type FieldError } from './errors.js';

/** The version the client last saw must still be current, or the edit is a CONFLICT. */
export async function checkVersion(em: EntityManager, entity: object, version: number): Promise<void> {
  try {
    await em.lock(entity, LockMode.OPTIMISTIC, version);
  } catch (e) {
    if (e instanceof OptimisticLockError) throw conflict();
    throw e;
  }
}

/** Flush, turning races that checks before it could not see into clear errors. */
export async function flushOrExplain(em: EntityManager, onUnique: FieldError): Promise<void> {
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof OptimisticLockError) throw conflict();
    if (e instanceof UniqueConstraintViolationException) throw new AppError('BAD_USER_INPUT', { fields: [onUnique] });
    throw e;
  }
}
