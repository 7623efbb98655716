// Which rooms the viewer may see and write in, by room.policy.ts: the queries behind it (lists,
// details, nested fields, posts and attachments all come through here).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { sqlRows } from '../db/rows.js';
import { READ_LOG_COLUMN, type ReadLogColumn } from '../audit/audit.js';
import { AppError, forbidden, notFound } from '../common/errors.js';
import type { RecordDecision } from '../authz/policy.js';
import { todayInTokyo } from '../common/dates.js';
import { roomPolicy, type RoomAccessRecord } from './room.policy.js';
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
  const rows = await sqlRows<{ roomId: string }>(em, `select m.room_id as "roomId" from room_member m where m.user_id = ? and ${liveSql('m')}`, [viewer.id, ...liveSqlParams()]);
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
  return knownRoomAccess(em, viewer, roomId) ?? keepAnswer(em, viewer, roomId, findRoomToRead(em, viewer, roomId));
}

/** This request's answer for the room, for its other reads of it. */
function keepAnswer<T extends RoomReadAccess>(em: EntityManager, viewer: Viewer, roomId: string, answer: Promise<T>): Promise<T> {
  const byRoom = readAnswers.get(em) ?? new Map<string, Promise<RoomReadAccess>>();
  readAnswers.set(em, byRoom);
  byRoom.set(`${viewer.id}|${roomId}`, answer);
  return answer;
}

/**
 * The row of one room the viewer may see, by roomPolicy (none if it may not; null: it sees no room
 * at all): the room's columns and the viewer's live permission, and with `consent` whether the
 * consent was withdrawn. Reads, writes and the writes' guards (accessUnchanged) all select it here.
 */
export function accessSql(viewer: Viewer, roomId: string, consent = false, columns: readonly string[] = []): { sql: string; params: unknown[] } | null {
  const first = columns.map((c) => `${c}, `).join('');
  const withdrawn = consent ? `, (select c.withdrawn_at is not null from consent c where c.id = r.consent_id) as "consentWithdrawn"` : '';
  if (roomPolicy.readsWholeMunicipality(viewer))
    return { sql: `select ${first}${roomColumns('r')}, null::text as permission${withdrawn} from room r where r.id = ? and r.municipality_id = ?`, params: [roomId, viewer.municipalityId] };
  if (roomPolicy.readsAsMember(viewer))
    return {
      sql: `select ${first}${roomColumns('r')}, m.permission${withdrawn} from room_member m join room r on r.id = m.room_id
             where m.room_id = ? and m.user_id = ? and ${liveSql('m')} limit 1`,
      params: [roomId, viewer.id, ...liveSqlParams()],
    };
  return null;
}

async function findRoomToRead(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomReadAccess> {
  const q = accessSql(viewer, roomId);
  if (!q) throw notFound();
  const [row] = await sqlRows<RoomRow & { permission: RoomPermission | null }>(em, q.sql, q.params);
  if (!row) throw notFound();
  return accessOf(row);
}

/** roomToRead's answer from an access row (accessSql). */
const accessOf = (row: RoomRow & { permission: RoomPermission | null }): RoomReadAccess => ({ room: roomView(row), membership: row.permission ? { permission: row.permission } : null });

/** What a room's access-log row names (audit READ_LOG_COLUMN): the room, its patient, its municipality (SQL over the room's alias). */
export const READ_LOG_OF_ROOM: Record<ReadLogColumn, (room: string) => string> = {
  targetId: (r) => `${r}.id`,
  roomId: (r) => `${r}.id`,
  patientId: (r) => `${r}.patient_id`,
  municipalityId: (r) => `${r}.municipality_id`,
};

/**
 * The access check of roomToRead as SQL for another statement to build on (a CTE): the room's row
 * if the viewer may see it, with `extra` columns (SQL over the room's alias, by name) and what its
 * access-log rows name (audit READ_LOG_COLUMN: the room, its patient, its municipality). Null if
 * the viewer sees no room at all.
 */
export function roomAccessSource(viewer: Viewer, roomId: string, extra: Record<string, (room: string) => string> = {}): { sql: string; params: unknown[] } | null {
  return accessSql(viewer, roomId, false, [
    ...Object.entries(extra).map(([name, sql]) => `${sql('r')} as "${name}"`),
    ...(Object.entries(READ_LOG_OF_ROOM) as [ReadLogColumn, (r: string) => string][]).map(([c, sql]) => `${sql('r')} as ${READ_LOG_COLUMN(c)}`),
  ]);
}

/** The answer of roomToRead if this request already asked (or is asking) for it. */
export function knownRoomAccess(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomReadAccess> | undefined {
  return readAnswers.get(em)?.get(`${viewer.id}|${roomId}`);
}

/**
 * roomToRead with more of the room in the same statement (a detail read's members, consent: SQL
 * over the room's alias, by name) and the read's access-log rows (data-modifying CTEs over the
 * row, `logs(source)`): one round trip for the check, the data and the log. NOT_FOUND as
 * roomToRead, and nothing logged then; the answer serves the rest of the request as roomToRead's.
 */
export async function roomToReadWith(
  em: EntityManager,
  viewer: Viewer,
  roomId: string,
  extra: Record<string, (room: string) => string>,
  logs: (source: string) => { sql: string; params: unknown[] }[],
): Promise<RoomReadAccess & { extra: Record<string, unknown> }> {
  const q = roomAccessSource(viewer, roomId, extra);
  if (!q) throw notFound();
  const access = q.sql;
  const inserts = logs('detail');
  const read = sqlRows<RoomRow & { permission: RoomPermission | null } & Record<string, unknown>>(
    em,
    `with detail as materialized (${access})${inserts.map((l, i) => `, logged_${i} as (${l.sql})`).join('')} select * from detail`,
    [...q.params, ...inserts.flatMap((l) => l.params)],
  ).then(([row]) => {
    if (!row) throw notFound();
    return { ...accessOf(row), row };
  });
  // the answer for the request's other reads of this room (a room page's posts, resolved alongside)
  // is this statement's, registered before it runs so that they wait for it instead of asking again
  if (!knownRoomAccess(em, viewer, roomId)) keepAnswer(em, viewer, roomId, read);
  const { row, ...answer } = await read;
  return { ...answer, extra: Object.fromEntries(Object.keys(extra).map((name) => [name, row[name]])) };
}

/**
 * A roomPolicy decision that reads only the membership, as SQL over an access row `a` (accessSql),
 * for a write that decides in its own statement (markPostsRead): the permissions (and "none") for
 * which the policy itself answers yes for this viewer, so the SQL cannot drift from room.policy.ts.
 */
export function membershipDecisionSql(viewer: Viewer, decision: RecordDecision<Pick<RoomAccessRecord, 'membership'>>, a: string): { sql: string; params: unknown[] } {
  const permissions = Object.values(RoomPermission).filter((permission) => decision(viewer, { membership: { permission } }));
  const parts = [...(permissions.length ? [`${a}.permission in (${permissions.map(() => '?').join(', ')})`] : []), ...(decision(viewer, { membership: null }) ? [`${a}.permission is null`] : [])];
  return { sql: parts.length ? `(${parts.join(' or ')})` : 'false', params: permissions };
}

/**
 * May the viewer add to this room now? A live member with a posting permission, in a room that
 * is not closed, whose consent stands.
 */
export async function writableRoom(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomAccess> {
  const access = await readableRoom(em, viewer, roomId);
  const consent = await em.findOneOrFail(Consent, { id: access.room.consent.id });
  assertWritable(viewer, { ...access, consentWithdrawn: !!consent.withdrawnAt });
  return access;
}

/** roomPolicy.write, or the error that says why not, in the order the panel explains it. */
function assertWritable(viewer: Viewer, record: RoomAccessRecord): void {
  if (roomPolicy.write(viewer, record)) return;
  if (!roomPolicy.write(viewer, { ...record, room: { status: RoomStatus.ACTIVE }, consentWithdrawn: false })) throw forbidden();
  if (record.room.status === RoomStatus.CLOSED) throw new AppError('ROOM_READ_ONLY', { reason: 'CLOSED' });
  throw new AppError('ROOM_READ_ONLY', { reason: 'CONSENT_WITHDRAWN' });
}

export interface RoomWriteAccess extends RoomReadAccess {
  consentWithdrawn: boolean;
}

/**
 * writableRoom without entities, for writes that are one statement (createPost): the same
 * decision and errors from one statement of plain columns. The write then carries
 * accessUnchanged(…) in its WHERE, since no transaction holds what was read.
 */
export async function roomToWrite(em: EntityManager, viewer: Viewer, roomId: string): Promise<RoomWriteAccess> {
  const q = accessSql(viewer, roomId, true);
  if (!q) throw notFound();
  const [row] = await sqlRows<RoomRow & { permission: RoomPermission | null; consentWithdrawn: boolean }>(em, q.sql, q.params);
  if (!row) throw notFound();
  const access = { ...accessOf(row), consentWithdrawn: row.consentWithdrawn };
  assertWritable(viewer, access);
  return access;
}

/**
 * SQL that is true while what a decision read still holds: the viewer still sees the room with the
 * same live permission (or none), and, when the decision read them, the same room status and
 * consent. A write statement outside a transaction puts it in its WHERE: false (a membership
 * ended, the room closed, the consent withdrawn in between) writes nothing, and the caller
 * answers CONFLICT, as for any concurrent change.
 */
export function accessUnchanged(viewer: Viewer, roomId: string, decided: { membership: { permission: RoomPermission } | null; room?: { status: RoomStatus }; consentWithdrawn?: boolean }) {
  const q = accessSql(viewer, roomId, decided.consentWithdrawn !== undefined);
  if (!q) return { sql: 'false', params: [] as unknown[] };
  const checks = ['a.permission is not distinct from ?'];
  const params: unknown[] = [...q.params, decided.membership?.permission ?? null];
  if (decided.room) {
    checks.push('a.status = ?');
    params.push(decided.room.status);
  }
  if (decided.consentWithdrawn !== undefined) {
    checks.push('a."consentWithdrawn" = ?');
    params.push(decided.consentWithdrawn);
  }
  return { sql: `exists (select 1 from (${q.sql}) a where ${checks.join(' and ')})`, params };
}
