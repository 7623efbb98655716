// The room workflows on the application state machine: creation (様式6 + 様式5), join requests,
// and the end of a room. Checks at submission, effects when the city completes (or declines).
import { randomUUID } from 'node:crypto';
import type { Context, Viewer } from '../context.js';
import { assertValid, type FieldError } from '../common/errors.js';
import { isValidDate, todayInTokyo } from '../common/dates.js';
import { blankToNull } from '../common/validation.js';
import { parseJapaneseDate } from '../common/wareki.js';
import { Office } from '../offices/office.entity.js';
import { User } from '../users/user.entity.js';
import { Role, UserStatus } from '../users/user.enums.js';
import { Patient } from '../patients/patient.entity.js';
import { Consent } from '../patients/consent.entity.js';
import { ConsentSigner } from '../patients/patient.enums.js';
import type { ConsentInput, PatientInput } from '../patients/patient.inputs.js';
import { Application, Attachment } from '../applications/application.entity.js';
import { ApplicationState, ApplicationType } from '../applications/application.enums.js';
import type { ApplicationInput, RequestedMemberInput } from '../applications/application.inputs.js';
import { Room, RoomMember } from './room.entity.js';
import { ClosingReason, RoomPermission, RoomStatus } from './room.enums.js';
import { liveOn, readableRoom } from './room.access.js';
import { memberChecks, titleChecks } from './room.service.js';
import type { RoomSetupInput } from './room.inputs.js';

export interface RoomCreationPayload {
  patient: Omit<PatientInput, 'birthDate'> & { birthDate: string };
  consent: ConsentInput;
  members: RequestedMemberInput[];
  note: string | null;
}
export interface RoomJoinPayload {
  roomId: string;
  userId: string;
  permission: RoomPermission;
  note: string | null;
}
export interface RoomEndPayload {
  roomId: string;
  postId: string;
  reason: ClosingReason;
}

async function activeOfficeUsers(ctx: Context, municipalityId: string, ids: string[]): Promise<Map<string, User>> {
  const users = await ctx.em.find(User, { id: { $in: ids }, municipality: municipalityId, role: Role.OFFICE, status: UserStatus.ACTIVE }, { populate: ['office'] });
  return new Map(users.map((u) => [u.id, u]));
}

async function roomCreation(ctx: Context, municipalityId: string, input: NonNullable<ApplicationInput['roomCreation']>, errors: FieldError[]) {
  const p = 'roomCreation.';
  const birthDate = parseJapaneseDate(input.patient.birthDate);
  if (!birthDate) errors.push({ field: `${p}patient.birthDate`, code: 'WAREKI_DATE' });
  else if (birthDate > todayInTokyo()) errors.push({ field: `${p}patient.birthDate`, code: 'DATE_IN_FUTURE' });
  const c = input.consent;
  if (!isValidDate(c.consentDate)) errors.push({ field: `${p}consent.consentDate`, code: 'DATE' });
  else if (c.consentDate > todayInTokyo()) errors.push({ field: `${p}consent.consentDate`, code: 'DATE_IN_FUTURE' });
  if (c.signer === ConsentSigner.PROXY) {
    if (!blankToNull(c.proxyName)) errors.push({ field: `${p}consent.proxyName`, code: 'REQUIRED' });
    if (!blankToNull(c.proxyRelationship)) errors.push({ field: `${p}consent.proxyRelationship`, code: 'REQUIRED' });
  }
  const officeIds = [...new Set([c.explainingOfficeId, ...c.coveredOfficeIds])];
  const offices = await ctx.em.count(Office, { id: { $in: officeIds }, municipality: municipalityId });
  if (offices !== officeIds.length) errors.push({ field: `${p}consent.coveredOfficeIds`, code: 'NOT_IN_SCOPE' });
  const users = await activeOfficeUsers(
    ctx,
    municipalityId,
    input.members.map((m) => m.userId),
  );
  input.members.forEach((m, i) => {
    const u = users.get(m.userId);
    if (!u) errors.push({ field: `${p}members.${i}.userId`, code: 'USER_NOT_ACTIVE' });
    else if (!c.coveredOfficeIds.includes(u.office!.id)) errors.push({ field: `${p}members.${i}.userId`, code: 'NOT_COVERED' });
  });
  const payload: RoomCreationPayload = {
    patient: {
      ...input.patient,
      name: input.patient.name.trim(),
      nameKana: input.patient.nameKana.trim(),
      birthDate: birthDate ?? '',
      postalCode: blankToNull(input.patient.postalCode),
      phone: blankToNull(input.patient.phone),
      insuredNumber: blankToNull(input.patient.insuredNumber),
    },
    consent: {
      ...c,
      proxyName: c.signer === ConsentSigner.PROXY ? blankToNull(c.proxyName) : null,
      proxyRelationship: c.signer === ConsentSigner.PROXY ? blankToNull(c.proxyRelationship) : null,
      coveredOfficeIds: [...new Set(c.coveredOfficeIds)],
    },
    members: input.members,
    note: blankToNull(input.note),
  };
  // the patient's reference, the id their Patient row gets when the room is created
  return { payload, summary: `部屋作成: ${payload.patient.name}（${payload.patient.nameKana}）`, patientId: randomUUID() };
}

async function roomJoin(ctx: Context, viewer: Viewer, municipalityId: string, input: NonNullable<ApplicationInput['roomJoin']>, errors: FieldError[]) {
  const p = 'roomJoin.';
  // only someone who is in the room may ask for a colleague to join it
  const { room } = await readableRoom(ctx.em, viewer, input.roomId);
  if (room.status !== RoomStatus.ACTIVE) errors.push({ field: `${p}roomId`, code: 'INVALID_VALUE' });
  const user = (await activeOfficeUsers(ctx, municipalityId, [input.userId])).get(input.userId);
  if (!user) errors.push({ field: `${p}userId`, code: 'USER_NOT_ACTIVE' });
  else if (await ctx.em.count(RoomMember, { room, user, ...liveOn() })) errors.push({ field: `${p}userId`, code: 'ALREADY_MEMBER' });
  const payload: RoomJoinPayload = { roomId: room.id, userId: input.userId, permission: input.permission, note: blankToNull(input.note) };
  return { payload, summary: `参加依頼: ${user?.name ?? ''}（${user?.office?.getEntity().name ?? ''}）→ ${room.name}`, patientId: room.patient.id };
}

/** Checks a room form; throws BAD_USER_INPUT naming every bad field. */
export async function checkRoomPayload(ctx: Context, type: ApplicationType, input: ApplicationInput, municipalityId: string) {
  const errors: FieldError[] = [];
  let checked: { payload: RoomCreationPayload | RoomJoinPayload; summary: string; patientId: string } | null = null;
  if (type === ApplicationType.ROOM_CREATION) {
    if (!input.roomCreation) errors.push({ field: 'roomCreation', code: 'REQUIRED' });
    else checked = await roomCreation(ctx, municipalityId, input.roomCreation, errors);
  } else if (type === ApplicationType.ROOM_JOIN) {
    if (!input.roomJoin) errors.push({ field: 'roomJoin', code: 'REQUIRED' });
    else checked = await roomJoin(ctx, ctx.viewer!, municipalityId, input.roomJoin, errors);
  } else {
    errors.push({ field: 'type', code: 'INVALID_VALUE' }); // closing requests are posted in the room
  }
  assertValid(errors);
  return checked!;
}

const audit = (ctx: Context, action: string, room: Room, detail: Record<string, unknown>) =>
  ctx.audit.record({ action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id, detail });

/**
 * ⑫–⑮ in one action: patient, consent, room, members with their permissions and the care-report
 * titles; the scanned forms stay with the application.
 */
async function createRoom(ctx: Context, app: Application, setup: RoomSetupInput | undefined): Promise<void> {
  if (!setup) assertValid([{ field: 'setup', code: 'REQUIRED' }]);
  const p = app.payload as unknown as RoomCreationPayload;
  const em = ctx.em;
  await memberChecks(ctx, app.municipality.id, p.consent, setup!.members, 'setup.members.');
  const titles = titleChecks(setup!.careReportTitles, 'setup.careReportTitles');
  // the reference the form's reads were logged with becomes the patient's id
  const patient = em.create(Patient, { ...p.patient, municipality: app.municipality, ...(app.patientId ? { id: app.patientId } : {}) });
  const form = await em.findOne(Attachment, { application: app }, { orderBy: { createdAt: 'asc' }, fields: ['id'] });
  const consent = em.create(Consent, {
    patient,
    municipality: app.municipality,
    consentDate: p.consent.consentDate,
    signer: p.consent.signer,
    proxyName: p.consent.proxyName ?? null,
    proxyRelationship: p.consent.proxyRelationship ?? null,
    explainingOffice: p.consent.explainingOfficeId,
    explainingPersonName: p.consent.explainingPersonName,
    coveredOfficeIds: p.consent.coveredOfficeIds,
    formAttachmentId: form?.id ?? null,
  });
  const room = em.create(Room, { municipality: app.municipality, patient, consent, name: setup!.name.trim(), careReportTitles: titles });
  const today = todayInTokyo();
  for (const m of setup!.members) em.create(RoomMember, { room, user: m.userId, permission: m.permission, fromDate: m.fromDate ?? today, untilDate: m.untilDate ?? null });
  audit(ctx, 'room.create', room, { applicationId: app.id, members: setup!.members.length, titles });
  app.payload = { ...app.payload, roomId: room.id };
}

async function addJoiner(ctx: Context, app: Application): Promise<void> {
  const p = app.payload as unknown as RoomJoinPayload;
  const room = await ctx.em.findOneOrFail(Room, { id: p.roomId });
  if (room.status === RoomStatus.CLOSED) assertValid([{ field: 'roomJoin.roomId', code: 'INVALID_VALUE' }]);
  const consent = await room.consent.loadOrFail();
  await memberChecks(ctx, room.municipality.id, consent, [{ userId: p.userId, permission: p.permission }], 'roomJoin.members.');
  if (await ctx.em.count(RoomMember, { room, user: p.userId, ...liveOn() })) assertValid([{ field: 'roomJoin.userId', code: 'ALREADY_MEMBER' }]);
  ctx.em.create(RoomMember, { room, user: p.userId, permission: p.permission, fromDate: todayInTokyo() });
  audit(ctx, 'room.member_add', room, { userId: p.userId, permission: p.permission, applicationId: app.id });
}

/** What a room application's new state does to the room. */
export async function roomEffects(ctx: Context, app: Application, setup?: RoomSetupInput): Promise<void> {
  if (app.type === ApplicationType.ROOM_CREATION && app.state === ApplicationState.COMPLETED) return createRoom(ctx, app, setup);
  if (app.type === ApplicationType.ROOM_JOIN && app.state === ApplicationState.COMPLETED) return addJoiner(ctx, app);
  if (app.type === ApplicationType.ROOM_END) {
    const p = app.payload as unknown as RoomEndPayload;
    const room = await ctx.em.findOneOrFail(Room, { id: p.roomId });
    if (app.state === ApplicationState.COMPLETED) {
      room.status = RoomStatus.CLOSED;
      room.closedAt = new Date();
      room.closedReason = p.reason;
      audit(ctx, 'room.close', room, { applicationId: app.id, reason: p.reason });
    } else if (app.state === ApplicationState.REJECTED || app.state === ApplicationState.WITHDRAWN) {
      room.status = RoomStatus.ACTIVE;
      audit(ctx, 'room.reopen', room, { applicationId: app.id });
    }
  }
}
