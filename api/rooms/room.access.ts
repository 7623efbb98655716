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
import { ClosingReason, RoomPermission, RoomStatus } from './room.enums.js';

/** Memberships that give access today: from ≤ today ≤ until (Japan time). */
export function liveOn(today = todayInTokyo()) {
  return { fromDate: { $lte: today }, $or: [{ untilDate: null }, { untilDate: { $gte: today } }] } satisfies FilterQuery<RoomMember>;
}

/** liveOn in SQL, for reads of plain rows: `?` for today, twice (liveSqlParams). */
export const liveSql = (m: string) => `${m}.from_date <= ? and (${m}.until_date is null or ${m}.until_date >= ?)`;
export const liveSqlParams = (today = todayInTokyo()) => [today, today];

/** Rooms the viewer may see: CITY its municipality's; OFFICE those it is a live member of; VENDOR none. */
export async function roomScope(em: EntityManager, viewer: Viewer): Promise<FilterQuery<Room>> {
  if (roomPolicy.readsWholeMunicipality(viewer)) return { municipality: viewer.municipalityId };
  if (!roomPolicy.readsAsMember(viewer)) return { id: null };
  const rows = await em
    .getConnection()
    .execute<{ roomId: string }[]>(`select m.room_id as "roomId" from room_member m where m.user_id = ? and ${liveSql('m')}`, [viewer.id, ...liveSqlParams()], 'all', em.getTransactionContext());
  return { id: { $in: rows.map((m) => m.roomId) } };
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
  if (!byRoom) {
    byRoom = new Map();
    answers.set(em, byRoom);
  }
  const key = `${viewer.id}|${roomId}`;
  let answer = byRoom.get(key);
  if (!answer) {
    answer = findReadableRoom(em, viewer, roomId);
    byRoom.set(key, answer);
  }
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
 * A room as reads show it: Room's fields as a plain row, its patient, consent and municipality as
 * ids shaped like the entity's references (so the room's field resolvers and audit rows read
 * `room.patient.id` from either). Reads build these from rows; mutations still return entities.
 */
export type RoomView = Pick<Room, 'id' | 'name' | 'status' | 'careReportTitles' | 'closedAt' | 'closedReason' | 'createdAt' | 'updatedAt' | 'version'> & {
  patient: { id: string };
  consent: { id: string };
  municipality: { id: string };
};

/** The room columns of a read, aliased for roomView (timestamps as ISO text via to_json). */
const roomColumns = (r: string) =>
  `${r}.id, ${r}.name, ${r}.status, ${r}.care_report_titles as "careReportTitles", to_json(${r}.closed_at) as "closedAt", ${r}.closed_reason as "closedReason",
   to_json(${r}.created_at) as "createdAt", to_json(${r}.updated_at) as "updatedAt", ${r}.version,
   ${r}.patient_id as "patientId", ${r}.consent_id as "consentId", ${r}.municipality_id as "municipalityId"`;

interface RoomRow {
  id: string;
  name: string;
  status: RoomStatus;
  careReportTitles: string[];
  closedAt: string | null;
  closedReason: ClosingReason | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  patientId: string;
  consentId: string;
  municipalityId: string;
}

const roomView = (r: RoomRow): RoomView => ({
  id: r.id,
  name: r.name,
  status: r.status,
  careReportTitles: r.careReportTitles,
  closedReason: r.closedReason,
  version: r.version,
  closedAt: r.closedAt ? new Date(r.closedAt) : null,
  createdAt: new Date(r.createdAt),
  updatedAt: new Date(r.updatedAt),
  patient: { id: r.patientId },
  consent: { id: r.consentId },
  municipality: { id: r.municipalityId },
});

export interface RoomReadAccess {
  room: RoomView;
  /** null for the city, which reads every room of its municipality but is not a member */
  membership: { permission: RoomPermission } | null;
}

const readAnswers = new WeakMap<EntityManager, Map<string, Promise<RoomReadAccess>>>();

/**
 * readableRoom for reads: the same decisions (roomPolicy) in one statement of plain columns, no
 * entity. NOT_FOUND unless the viewer may see the room; one answer per request as above.
 */
export function roomToRead(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomReadAccess> {
  const byRoom = readAnswers.get(em) ?? new Map<string, Promise<RoomReadAccess>>();
  readAnswers.set(em, byRoom);
  const key = `${viewer.id}|${roomId}`;
  const answer = byRoom.get(key) ?? findRoomToRead(em, viewer, roomId);
  byRoom.set(key, answer);
  return answer;
}

async function findRoomToRead(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomReadAccess> {
  const run = (sql: string, params: unknown[]) => em.getConnection().execute<(RoomRow & { permission: RoomPermission | null })[]>(sql, params, 'all', em.getTransactionContext());
  let rows: Awaited<ReturnType<typeof run>>;
  if (roomPolicy.readsWholeMunicipality(viewer)) {
    rows = await run(`select ${roomColumns('r')}, null as permission from room r where r.id = ? and r.municipality_id = ?`, [roomId, viewer.municipalityId]);
  } else if (roomPolicy.readsAsMember(viewer)) {
    rows = await run(
      `select ${roomColumns('r')}, m.permission from room_member m join room r on r.id = m.room_id
        where m.room_id = ? and m.user_id = ? and ${liveSql('m')} limit 1`,
      [roomId, viewer.id, ...liveSqlParams()],
    );
  } else throw notFound();
  const [row] = rows;
  if (!row) throw notFound();
  return { room: roomView(row), membership: row.permission ? { permission: row.permission } : null };
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
