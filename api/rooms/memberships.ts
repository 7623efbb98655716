import type { EntityManager } from '@mikro-orm/postgresql';
import { RoomMember } from './room.entity.js';

/**
 * An ID stop ends the person's room memberships on the stop date (the paper process left stopped
 * users looking like members). The rows stay, with the reason.
 */
export function endMembershipsOnStop(em: EntityManager, userIds: string[], stopDate: string): Promise<number> {
  if (userIds.length === 0) return Promise.resolve(0);
  return em.nativeUpdate(RoomMember, { user: { $in: userIds }, $or: [{ untilDate: null }, { untilDate: { $gt: stopDate } }] }, { untilDate: stopDate, endedReason: 'id_stop' });
}
