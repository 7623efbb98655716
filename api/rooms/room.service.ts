// Rooms: the city's management (members, titles, consent) and everyone's scoped reads, each read
// of patient data written to the audit trail with the patient it concerns.
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { sqlArray, sqlRows } from '../db/rows.js';
import { AreaService, exactFilters } from '../common/area-service.js';
import { AppError, assertValid, notFound, type FieldError } from '../common/errors.js';
import { checkVersion } from '../common/entity-errors.js';
import { findOptions, SortOrder } from '../common/list.js';
import { containsPattern } from '../common/search.js';
import { isValidDate, todayInTokyo } from '../common/dates.js';
import { perRequest } from '../common/per-request.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Consent } from '../patients/consent.entity.js';
import { User } from '../users/user.entity.js';
import { Role, UserStatus } from '../users/user.enums.js';
import { people, readPeople, type PersonSummary } from '../users/person.js';
import type { JobType } from '../users/user.enums.js';
import { Room, RoomMember } from './room.entity.js';
import { RoomPermission, RoomStatus } from './room.enums.js';
import { liveSql, liveSqlParams, READ_LOG_OF_ROOM, readableRoom, roomScope, roomToRead, roomToReadWith, type RoomView } from './room.access.js';
import { readPage, rowAlways, rowNeeds, type Selection } from '../common/read-rows.js';
import { consentJson, consentsById, consentView, patientsById, type ConsentView, type PatientView } from '../patients/patient.reads.js';
import { holdsMemberships, roomPolicy } from './room.policy.js';
import { authorize } from '../authz/policy.js';
import { type DirectoryArgs, type MemberChangeInput, type MemberInput, type RoomListArgs, RoomSortField } from './room.inputs.js';

// what every listed room's read-log row names, and what `writable` decides on (room.policy.ts)
rowAlways(Room, ['patient', 'municipality']);
rowNeeds(Room, { writable: ['status', 'consent'] });

const yesterday = () => todayInTokyo(new Date(Date.now() - 86_400_000));

/** Unread posts per room for the viewer (posts by others without a read receipt), batched. */
export const unreadCounts = (ctx: Context) =>
  perRequest(
    ctx,
    'unreadCounts',
    () =>
      new DataLoader<string, number>(async (roomIds) => {
        const rows = await sqlRows<{ room_id: string; n: number }>(
          ctx.em,
          `select p.room_id, count(*)::int as n from post p
          where p.room_id = any(?::uuid[]) and p.author_id <> ?
            and not exists (select 1 from post_read r where r.post_id = p.id and r.user_id = ?)
          group by p.room_id`,
          [sqlArray(roomIds), ctx.viewer!.id, ctx.viewer!.id],
        );
        const byRoom = new Map(rows.map((r) => [r.room_id, r.n]));
        return roomIds.map((id) => byRoom.get(id) ?? 0);
      }),
  );

/**
 * A membership as the API shows it: RoomMember's fields with its room and user as ids. Room pages
 * read members as plain rows, not entities: a page of 25 rooms has ~180 of them, and hydrating
 * them through the ORM cost 5 ms (bench/README.md). Mutations still return the entities, which
 * have the same shape.
 */
export type MemberView = Pick<RoomMember, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'permission' | 'fromDate' | 'untilDate' | 'endedReason'> & {
  room: { id: string };
  user: { id: string };
  /** read with the membership (a room page's members): RoomMember.person answers without a loader */
  person?: PersonSummary;
};

/**
 * A room page's members with their people, as one JSON array per room built by PostgreSQL in the
 * page's own statement (readPage's `computed`): no second round trip, and RoomMember.person
 * answers from the row instead of a DataLoader promise per member (~175 on a page of 25 rooms).
 */
const memberFields: Record<string, string> = {
  id: 'm.id',
  permission: 'm.permission',
  fromDate: 'm.from_date',
  untilDate: 'm.until_date',
  endedReason: 'm.ended_reason',
  version: 'm.version',
  createdAt: 'm.created_at',
  updatedAt: 'm.updated_at',
};
const personFields: Record<string, string> = { id: 'u.id', name: 'u.name', nameKana: 'u.name_kana', jobType: 'u.job_type', officeId: 'o.id', officeName: 'o.name' };
/** RoomMember's computed fields and the columns they read */
const memberNeeds: Record<string, string[]> = { live: ['fromDate', 'untilDate'] };

/**
 * The members of the room aliased `room` with their people, as one JSON array built by PostgreSQL,
 * holding only what `selection` (the request's `members { … }`) asks for: the JSON is parsed by
 * the API and the rows are read by PostgreSQL per listed room, so every key costs on every member.
 */
const membersJson = (selection?: Selection) => (room: string) => {
  const wanted = new Set(selection ? [...selection.keys()].flatMap((f) => [f, ...(memberNeeds[f] ?? [])]) : Object.keys(memberFields));
  const person = selection ? selection.get('person') : new Map(Object.keys(personFields).map((f) => [f, new Map()]));
  const pairs = [
    ...Object.entries(memberFields)
      .filter(([field]) => wanted.has(field) || field === 'id')
      .map(([field, sql]) => `'${field}', ${sql}`),
    `'userId', m.user_id`,
    ...(person
      ? [
          `'person', json_build_object(${Object.entries(personFields)
            .filter(([f]) => person.has(f) || f === 'id')
            .map(([f, sql]) => `'${f}', ${sql}`)
            .join(', ')})`,
        ]
      : []),
  ];
  return `(select coalesce(json_agg(json_build_object(${pairs.join(', ')}) order by m.from_date, m.id), '[]'::json)
    from room_member m join app_user u on u.id = m.user_id left join office o on o.id = u.office_id
   where m.room_id = ${room}.id)`;
};

/** A member as membersJson builds it: only the selected keys (and id, userId) are there. */
type MemberJson = Omit<MemberView, 'room' | 'user' | 'createdAt' | 'updatedAt'> & { userId: string; createdAt?: string; updatedAt?: string; person?: PersonSummary };

/** Typed as MemberView for the resolvers, though it carries only what was selected (GraphQL reads nothing else). */
const memberView = (roomId: string, m: MemberJson): MemberView => {
  const view = {
    id: m.id,
    version: m.version,
    permission: m.permission,
    fromDate: m.fromDate,
    untilDate: m.untilDate,
    endedReason: m.endedReason,
    room: { id: roomId },
    user: { id: m.userId },
    person: m.person,
  } as MemberView;
  // only when selected (membersJson reads what the request asks for); assigned, not spread: a
  // page of rooms makes one of these per member
  if (m.createdAt) view.createdAt = new Date(m.createdAt);
  if (m.updatedAt) view.updatedAt = new Date(m.updatedAt);
  return view;
};

const membersByRoom = (ctx: Context) =>
  perRequest(
    ctx,
    'membersByRoom',
    () =>
      new DataLoader<string, MemberView[]>(async (roomIds) => {
        type Row = Omit<MemberView, 'room' | 'user' | 'createdAt' | 'updatedAt'> & { roomId: string; userId: string; createdAt: string; updatedAt: string } & Record<
            `person_${keyof PersonSummary}`,
            string | null
          >;
        const rows = await sqlRows<Row>(
          ctx.em,
          // to_json: ISO 8601 text for the timestamps; dates stay 'YYYY-MM-DD' text as in the entity.
          // The person columns come along so that RoomMember.person needs no second round trip.
          `select m.id, m.room_id as "roomId", m.user_id as "userId", m.permission, m.from_date as "fromDate", m.until_date as "untilDate",
                m.ended_reason as "endedReason", m.version, to_json(m.created_at) as "createdAt", to_json(m.updated_at) as "updatedAt",
                u.id as person_id, u.name as person_name, u.name_kana as "person_nameKana", u.job_type as "person_jobType",
                o.id as "person_officeId", o.name as "person_officeName"
           from room_member m join app_user u on u.id = m.user_id left join office o on o.id = u.office_id
          where m.room_id = any(?::uuid[]) order by m.from_date, m.id`,
          [sqlArray(roomIds)],
        );
        const byRoom = new Map<string, MemberView[]>();
        const persons = people(ctx);
        for (const r of rows) {
          const view: MemberView = {
            id: r.id,
            version: r.version,
            permission: r.permission,
            fromDate: r.fromDate,
            untilDate: r.untilDate,
            endedReason: r.endedReason,
            room: { id: r.roomId },
            user: { id: r.userId },
            createdAt: new Date(r.createdAt),
            updatedAt: new Date(r.updatedAt),
          };
          const list = byRoom.get(r.roomId);
          if (list) list.push(view);
          else byRoom.set(r.roomId, [view]);
          persons.prime(r.userId, {
            id: r.person_id!,
            name: r.person_name!,
            nameKana: r.person_nameKana!,
            jobType: r.person_jobType as JobType,
            officeId: r.person_officeId,
            officeName: r.person_officeName,
          });
        }
        return roomIds.map((id) => byRoom.get(id) ?? []);
      }),
  );

/** Reads this request's statements already logged (`action|roomId`): their field resolvers do not log them again. */
const readsLoggedInStatement = (ctx: Context) => perRequest(ctx, 'readsLoggedInStatement', () => new Set<string>());

/** Checks the people to put in a room: active OFFICE users of its municipality, from covered offices. */
export async function memberChecks(ctx: Context, municipalityId: string, consent: Pick<Consent, 'coveredOfficeIds'>, members: MemberInput[], prefix: string): Promise<Map<string, User>> {
  const errors: FieldError[] = [];
  const users = await ctx.em.find(User, { id: { $in: members.map((m) => m.userId) } });
  const byId = new Map(users.map((u) => [u.id, u]));
  members.forEach((m, i) => {
    const u = byId.get(m.userId);
    const p = `${prefix}${i}.`;
    if (!u || u.role !== Role.OFFICE || u.municipality?.id !== municipalityId || u.status !== UserStatus.ACTIVE) errors.push({ field: `${p}userId`, code: 'USER_NOT_ACTIVE' });
    else if (!consent.coveredOfficeIds.includes(u.office!.id)) errors.push({ field: `${p}userId`, code: 'NOT_COVERED' });
    if (members.findIndex((o) => o.userId === m.userId) !== i) errors.push({ field: `${p}userId`, code: 'ALREADY_MEMBER' });
    if (m.fromDate && !isValidDate(m.fromDate)) errors.push({ field: `${p}fromDate`, code: 'DATE' });
    if (m.untilDate && !isValidDate(m.untilDate)) errors.push({ field: `${p}untilDate`, code: 'DATE' });
  });
  assertValid(errors);
  return byId;
}

export function titleChecks(titles: string[], field: string): string[] {
  const cleaned = [...new Set(titles.map((t) => t.trim()).filter(Boolean))];
  if (cleaned.length === 0) assertValid([{ field, code: 'REQUIRED' }]);
  return cleaned;
}

export class RoomService extends AreaService {
  /**
   * One statement for the page and its total, plain rows of the selected columns
   * (api/common/read-rows.ts); the scope is roomScope's, as for every other read of rooms.
   */
  async list({ filter, sort, page }: RoomListArgs, selection: Selection = new Map()): Promise<{ items: RoomView[]; total: number }> {
    const where: FilterQuery<Room>[] = [await roomScope(this.em, this.viewer), ...exactFilters<Room>(filter as never, { status: 'status' })];
    if (filter?.q?.trim()) where.push({ name: { $ilike: containsPattern(filter.q) } });
    // the patient and the consent are read (and logged) by their own field resolvers: only their ids here
    const idsOnly: Selection = new Map([...selection, ...[...selection.keys()].filter((k) => k === 'patient' || k === 'consent').map((k) => [k, new Map()] as const)]);
    const { items, total } = await readPage<Room, RoomView>(this.ctx, {
      entity: Room,
      where: { $and: where },
      paging: findOptions(page, sort ?? { field: RoomSortField.updatedAt, order: SortOrder.DESC }, Object.values(RoomSortField)),
      selection: idsOnly,
      computed: { members: membersJson(selection.get('members')) },
      searched: !!filter?.q?.trim(),
      // a whole municipality's rooms (CITY's), by status at most: their total from the counts the
      // writes keep (RoomCount), a few rows however many rooms the municipality has
      keptTotal: roomPolicy.readsWholeMunicipality(this.viewer) && !filter?.q?.trim() && !filter?.ids ? 'room_count' : undefined,
      // a room is named after its patient: the list is a read of each listed room's patient,
      // logged by the page's own statement (an empty page still leaves its trace)
      log: {
        action: 'room.list',
        targetType: 'Room',
        columns: READ_LOG_OF_ROOM,
        empty: { detail: { roomIds: [] } },
      },
    });
    for (const room of items as (RoomView & { members?: MemberJson[] | MemberView[] })[]) {
      if (room.members) room.members = (room.members as MemberJson[]).map((m) => memberView(room.id, m));
    }
    return { items, total };
  }

  /**
   * A room's detail in one statement: the access check (roomToRead's), and when selected its
   * members with their people and its consent, with the access-log rows of the room (and of its
   * consent) written by the same statement. The consent's field resolver then finds it read and
   * logged; the posts of the room page reuse the access answer.
   */
  async get(id: string, selection: Selection = new Map()): Promise<RoomView> {
    const withMembers = selection.has('members');
    const withConsent = selection.has('consent');
    const logged = ['room.read', ...(withConsent ? ['consent.read'] : [])];
    const { room, extra } = await roomToReadWith(
      this.em,
      this.viewer,
      id,
      { ...(withMembers ? { members: membersJson(selection.get('members')) } : {}), ...(withConsent ? { consent: consentJson } : {}) },
      (source) => logged.map((action) => this.ctx.audit.readLogInsert(source, { action, targetType: 'Room' })),
    ).catch((e: unknown) => {
      if (!(e instanceof AppError)) this.ctx.audit.readLogFailed(e); // no room without its log: the answer is withheld
      throw e;
    });
    const view = room as RoomView & { members?: MemberView[] };
    if (withMembers) view.members = (extra.members as MemberJson[]).map((m) => memberView(room.id, m));
    if (withConsent) {
      consentsById(this.ctx).prime(room.consent.id, consentView(extra.consent as Parameters<typeof consentView>[0]));
      readsLoggedInStatement(this.ctx).add(`consent.read|${room.id}`);
    }
    return view;
  }

  async patient(room: RoomView): Promise<PatientView> {
    await roomToRead(this.em, this.viewer, room.id);
    await this.auditRead('patient.read', room);
    return patientsById(this.ctx).load(room.patient.id);
  }

  async consent(room: RoomView): Promise<ConsentView> {
    await roomToRead(this.em, this.viewer, room.id);
    if (!readsLoggedInStatement(this.ctx).has(`consent.read|${room.id}`)) await this.auditRead('consent.read', room);
    return consentsById(this.ctx).load(room.consent.id);
  }

  /** The room's members (ended ones included): read with a room page, else one query for all the rooms of a request. */
  members(room: RoomView & { members?: MemberView[] }): MemberView[] | Promise<MemberView[]> {
    return room.members ?? membersByRoom(this.ctx).load(room.id);
  }

  /** The viewer's live membership of this room (one query, plain rows, for all the rooms of a request). */
  async myMembership(room: RoomView): Promise<{ permission: RoomPermission } | null> {
    if (!holdsMemberships(this.viewer)) return null;
    const mine = await perRequest(this.ctx, 'myMemberships', async () => {
      const rows = await sqlRows<{ roomId: string; permission: RoomPermission }>(this.em, `select m.room_id as "roomId", m.permission from room_member m where m.user_id = ? and ${liveSql('m')}`, [
        this.viewer.id,
        ...liveSqlParams(),
      ]);
      return new Map(rows.map((r) => [r.roomId, { permission: r.permission }]));
    });
    return mine.get(room.id) ?? null;
  }

  async addMember(roomId: string, input: MemberInput): Promise<RoomMember> {
    const room = await this.cityRoom(roomId);
    const consent = await room.consent.loadOrFail();
    await memberChecks(this.ctx, room.municipality.id, consent, [input], 'member.');
    const existing = await this.em.findOne(RoomMember, { room, user: input.userId, $or: [{ untilDate: null }, { untilDate: { $gte: todayInTokyo() } }] });
    if (existing) assertValid([{ field: 'member.0.userId', code: 'ALREADY_MEMBER' }]);
    const member = this.em.create(RoomMember, { room, user: input.userId, permission: input.permission, fromDate: input.fromDate ?? todayInTokyo(), untilDate: input.untilDate ?? null });
    this.auditChange('room.member_add', room, { userId: input.userId, permission: input.permission, fromDate: member.fromDate, untilDate: member.untilDate });
    await this.em.flush();
    return member;
  }

  async changeMember(memberId: string, version: number, input: MemberChangeInput): Promise<RoomMember> {
    const member = await this.cityMember(memberId);
    await checkVersion(this.em, member, version);
    if (input.untilDate && !isValidDate(input.untilDate)) assertValid([{ field: 'untilDate', code: 'DATE' }]);
    member.permission = input.permission;
    member.untilDate = input.untilDate ?? null;
    this.auditChange('room.member_change', member.room.getEntity(), { memberId, permission: input.permission, untilDate: member.untilDate });
    await this.em.flush();
    return member;
  }

  /** Removes a member now: access ends at once (the last day was yesterday); the row stays. */
  async removeMember(memberId: string, version: number): Promise<RoomMember> {
    const member = await this.cityMember(memberId);
    await checkVersion(this.em, member, version);
    member.untilDate = yesterday();
    member.endedReason = 'removed';
    this.auditChange('room.member_remove', member.room.getEntity(), { memberId, userId: member.user.id });
    await this.em.flush();
    return member;
  }

  async setTitles(roomId: string, version: number, titles: string[]): Promise<Room> {
    const room = await this.cityRoom(roomId);
    await checkVersion(this.em, room, version);
    room.careReportTitles = titleChecks(titles, 'careReportTitles');
    this.auditChange('room.titles', room, { titles: room.careReportTitles });
    await this.em.flush();
    return room;
  }

  async setDefaultTitles(titles: string[]): Promise<Municipality> {
    const m = await this.em.findOneOrFail(Municipality, { id: this.viewer.municipalityId! });
    m.defaultCareReportTitles = titleChecks(titles, 'titles');
    this.ctx.audit.record({ action: 'municipality.default_titles', target: { type: 'Municipality', id: m.id }, detail: { titles: m.defaultCareReportTitles } });
    await this.em.flush();
    return m;
  }

  /** The consent covers more offices (a newly signed 様式5). */
  async coverOffices(roomId: string, officeIds: string[]): Promise<Consent> {
    const room = await this.cityRoom(roomId);
    const consent = await room.consent.loadOrFail();
    const offices = await this.em.count('Office', { id: { $in: officeIds }, municipality: room.municipality.id });
    if (offices !== new Set(officeIds).size) assertValid([{ field: 'officeIds', code: 'NOT_IN_SCOPE' }]);
    consent.coveredOfficeIds = [...new Set([...consent.coveredOfficeIds, ...officeIds])];
    this.auditChange('consent.cover', room, { officeIds });
    await this.em.flush();
    return consent;
  }

  /** 同意の撤回: sharing ends at once; the room turns read-only; the record stays. */
  async withdrawConsent(roomId: string, note: string | null): Promise<Consent> {
    const { room, membership } = await readableRoom(this.em, this.viewer, roomId);
    authorize(roomPolicy.withdrawConsent(this.viewer, { membership }));
    const consent = await room.consent.loadOrFail();
    if (!consent.withdrawnAt) {
      consent.withdrawnAt = new Date();
      consent.withdrawnBy = this.viewer.id;
      consent.withdrawalNote = note?.trim() || null;
      this.auditChange('consent.withdraw', room, {});
      await this.em.flush();
    }
    return consent;
  }

  /** Active users of the municipality to pick from: name, office and job type only. */
  async directory({ filter, page }: DirectoryArgs) {
    const where: FilterQuery<User>[] = [{ municipality: this.viewer.municipalityId, role: Role.OFFICE, status: UserStatus.ACTIVE }];
    if (filter?.officeId) where.push({ office: filter.officeId });
    if (filter?.jobType) where.push({ jobType: filter.jobType });
    if (filter?.q?.trim()) where.push({ $or: [{ name: { $ilike: containsPattern(filter.q) } }, { nameKana: { $ilike: containsPattern(filter.q) } }] });
    return readPeople(this.ctx, { $and: where }, findOptions(page, undefined, ['nameKana']));
  }

  /** Counts only: what VENDOR (and the city, for its municipality) may know of rooms. */
  async counts(): Promise<{ municipalityId: string; status: RoomStatus; count: number }[]> {
    authorize(roomPolicy.counts(this.viewer));
    const all = roomPolicy.countsEveryMunicipality(this.viewer);
    const rows = await this.em
      .getConnection()
      .execute<{ municipality_id: string; status: RoomStatus; n: number }[]>(
        `select municipality_id, status, count(*)::int as n from room ${all ? '' : 'where municipality_id = ?'} group by municipality_id, status order by municipality_id, status`,
        all ? [] : [this.viewer.municipalityId],
      );
    return rows.map((r) => ({ municipalityId: r.municipality_id, status: r.status, count: r.n }));
  }

  private async cityRoom(roomId: string): Promise<Room> {
    authorize(roomPolicy.manage(this.viewer));
    const room = await this.em.findOne(Room, { id: roomId, municipality: this.viewer.municipalityId });
    if (!room) throw notFound();
    if (room.status === RoomStatus.CLOSED) assertValid([{ field: 'room', code: 'INVALID_VALUE' }]);
    return room;
  }

  private async cityMember(memberId: string): Promise<RoomMember> {
    authorize(roomPolicy.manage(this.viewer));
    const member = await this.em.findOne(RoomMember, { id: memberId, room: { municipality: this.viewer.municipalityId } }, { populate: ['room'] });
    if (!member) throw notFound();
    return member;
  }

  private auditRead(action: string, room: RoomView) {
    return this.ctx.audit.logRead({ action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id });
  }

  private auditChange(action: string, room: Room, detail: Record<string, unknown>) {
    this.ctx.audit.record({ action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id, detail });
  }
}
