// Which rooms the viewer may see and write in, by room.policy.ts: the queries behind it (lists,
// details, nested fields, posts and attachments all come through here).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { AppError, forbidden, notFound } from '../common/errors.js';
import { todayInTokyo } from '../common/dates.js';
import { roomPolicy } from './room.policy.js';
import { Consent } from '../patients/consent.entity.js';
import { Room, RoomMember } from './room.entity.js';
import { RoomStatus } from './room.enums.js';

/** Memberships that give access today: from ≤ today ≤ until (Japan time). */
export function liveOn(today = todayInTokyo()) {
  return { fromDate: { $lte: today }, $or: [{ untilDate: null }, { untilDate: { $gte: today } }] } satisfies FilterQuery<RoomMember>;
}

/** Rooms the viewer may see: CITY its municipality's; OFFICE those it is a live member of; VENDOR none. */
export async function roomScope(em: EntityManager, viewer: Viewer): Promise<FilterQuery<Room>> {
  if (roomPolicy.readsWholeMunicipality(viewer)) return { municipality: viewer.municipalityId };
  if (!roomPolicy.readsAsMember(viewer)) return { id: null };
  const rows = await em.find(RoomMember, { user: viewer.id, ...liveOn() }, { fields: ['room'] });
  return { id: { $in: rows.map((m) => m.room.id) } };
}

export interface RoomAccess {
  room: Room;
  /** null for the city, which reads every room of its municipality but is not a member */
  membership: RoomMember | null;
}

// One answer per unit of work: a room page asks for the room, its patient, its consent and its
// posts, and each of those checks access; the answer cannot change within one request's reads,
// and a mutation's transaction has its own entity manager, so its own answers.
const answers = new WeakMap<EntityManager, Map<string, Promise<RoomAccess>>>();

/** The room if the viewer may see it, else NOT_FOUND (a room one may not see does not "exist"). */
export function readableRoom(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomAccess> {
  let byRoom = answers.get(em);
  if (!byRoom) answers.set(em, (byRoom = new Map()));
  const key = `${viewer.id}|${roomId}`;
  let answer = byRoom.get(key);
  if (!answer) byRoom.set(key, (answer = findReadableRoom(em, viewer, roomId)));
  return answer;
}

async function findReadableRoom(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomAccess> {
  if (roomPolicy.readsWholeMunicipality(viewer)) {
    const room = await em.findOne(Room, { id: roomId, municipality: viewer.municipalityId });
    if (!room) throw notFound();
    return { room, membership: null };
  }
  if (!roomPolicy.readsAsMember(viewer)) throw notFound();
  const membership = await em.findOne(RoomMember, { room: roomId, user: viewer.id, ...liveOn() }, { populate: ['room'] });
  if (!membership) throw notFound();
  return { room: membership.room.getEntity(), membership };
}

/**
 * May the viewer add to this room now? A live member with a posting permission, in a room that
 * is not closed, whose consent stands.
 */
export async function writableRoom(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomAccess> {
  const access = await readableRoom(em, viewer, roomId);
  const consent = await em.findOneOrFail(Consent, { id: access.room.consent.id });
  const record = { ...access, consentWithdrawn: !!consent.withdrawnAt };
  if (!roomPolicy.write(viewer, record)) {
    // why not, in the order the panel explains it
    if (!roomPolicy.write(viewer, { ...record, room: { status: RoomStatus.ACTIVE }, consentWithdrawn: false })) throw forbidden();
    if (access.room.status === RoomStatus.CLOSED) throw new AppError('ROOM_READ_ONLY', { reason: 'CLOSED' });
    throw new AppError('ROOM_READ_ONLY', { reason: 'CONSENT_WITHDRAWN' });
  }
  return access;
}
