// The form's fields: checked (beyond the input decorators), normalized, and summarized. Checks that
// need the database (duplicates, who may be stopped) run here too, so the city sees problems at
// review time rather than at the vendor's completion.
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertValid, type FieldError } from '../common/errors.js';
import { isValidDate, todayInTokyo } from '../common/dates.js';
import { normalizeOffice, officeChecks } from '../offices/office.service.js';
import { normalizeRoster, rosterChecks } from '../users/user.service.js';
import { Office } from '../offices/office.entity.js';
import type { OfficeKind } from '../offices/office.enums.js';
import { User } from '../users/user.entity.js';
import { Role, UserStatus } from '../users/user.enums.js';
import { ApplicationState, ApplicationType } from './application.enums.js';
import { Application } from './application.entity.js';
import { LockMode } from '@mikro-orm/core';
import type { ApplicationInput, IdStopInput, OfficeRegistrationInput, StaffInput } from './application.inputs.js';

export type StaffRow = StaffInput;
export interface RegistrationPayload {
  office: ReturnType<typeof normalizeOffice>;
  officePledgedOn: string;
  staff: StaffRow[];
}
export interface StaffAdditionPayload {
  staff: StaffRow[];
}
export interface IdStopPayload {
  userIds: string[];
  /** null: the day the vendor completes the stop */
  stopDate: string | null;
  /** who they are, as on 様式3 (kept so the record reads well after the fact) */
  users: { id: string; name: string; nameKana: string; loginId: string }[];
}

export interface CheckedPayload {
  payload: RegistrationPayload | StaffAdditionPayload | IdStopPayload;
  summary: string;
}

const activeStates = [UserStatus.ACTIVE, UserStatus.PENDING, UserStatus.LOCKED];

function pledgeDate(value: string, field: string, errors: FieldError[]): void {
  if (!isValidDate(value)) errors.push({ field, code: 'DATE' });
}

async function checkStaff(em: EntityManager, staff: StaffInput[], officeKind: OfficeKind, officeId: string | null, prefix: string, errors: FieldError[]): Promise<StaffRow[]> {
  const rows = staff.map((s) => ({ ...normalizeRoster(s), pledgedOn: s.pledgedOn }) as StaffRow);
  for (const [i, s] of rows.entries()) {
    const p = `${prefix}staff.${i}.`;
    errors.push(...rosterChecks(s, Role.OFFICE, officeKind, p));
    pledgeDate(s.pledgedOn, `${p}pledgedOn`, errors);
    // the same person already has an active account: by 介護支援専門員番号, or by name in this office
    if (s.careManagerNumber && (await em.count(User, { careManagerNumber: s.careManagerNumber, status: { $in: activeStates } })))
      errors.push({ field: `${p}careManagerNumber`, code: 'ALREADY_REGISTERED' });
    if (officeId && (await em.count(User, { office: officeId, name: s.name, nameKana: s.nameKana, status: { $in: activeStates } }))) errors.push({ field: `${p}name`, code: 'ALREADY_REGISTERED' });
    const twin = rows.findIndex((o) => o.name === s.name && o.nameKana === s.nameKana);
    if (twin !== i) errors.push({ field: `${p}name`, code: 'ALREADY_REGISTERED' });
  }
  return rows;
}

async function registration(em: EntityManager, input: OfficeRegistrationInput, prefix: string, errors: FieldError[]): Promise<CheckedPayload> {
  const office = normalizeOffice(input.office);
  errors.push(...officeChecks(office).map((e) => ({ ...e, field: `${prefix}office.${e.field}` })));
  if (office.officeNumber && (await em.count(Office, { officeNumber: office.officeNumber }))) errors.push({ field: `${prefix}office.officeNumber`, code: 'TAKEN' });
  pledgeDate(input.officePledgedOn, `${prefix}officePledgedOn`, errors);
  const staff = await checkStaff(em, input.staff, office.kind, null, prefix, errors);
  return { payload: { office, officePledgedOn: input.officePledgedOn, staff }, summary: `${office.name}（職員 ${staff.length}名）` };
}

/** Applications of the office still in progress (not final), of this type. */
async function pending(em: EntityManager, office: Office, type: ApplicationType, exceptId: string | null) {
  return em.find(Application, { office, type, state: { $in: [ApplicationState.SUBMITTED, ApplicationState.RETURNED, ApplicationState.FORWARDED] }, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
}

async function staffAddition(em: EntityManager, input: { staff: StaffInput[] }, office: Office, prefix: string, errors: FieldError[], exceptId: string | null): Promise<CheckedPayload> {
  const staff = await checkStaff(em, input.staff, office.kind, office.id, prefix, errors);
  // the same person in another staff addition still in progress
  const inProgress = (await pending(em, office, ApplicationType.STAFF_ADDITION, exceptId)).flatMap((a) => (a.payload as unknown as StaffAdditionPayload).staff);
  staff.forEach((s, i) => {
    if (inProgress.some((o) => o.name === s.name && o.nameKana === s.nameKana)) errors.push({ field: `${prefix}staff.${i}.name`, code: 'ALREADY_REQUESTED' });
  });
  return { payload: { staff }, summary: `${office.name}: ${staff.map((s) => s.name).join('、')}`.slice(0, 500) };
}

async function idStop(em: EntityManager, input: IdStopInput, office: Office, prefix: string, errors: FieldError[], exceptId: string | null): Promise<CheckedPayload> {
  const ids = [...new Set(input.userIds)];
  const inProgress = new Set((await pending(em, office, ApplicationType.ID_STOP, exceptId)).flatMap((a) => (a.payload as unknown as IdStopPayload).userIds));
  if (ids.some((id) => inProgress.has(id))) errors.push({ field: `${prefix}userIds`, code: 'ALREADY_REQUESTED' });
  const users = await em.find(User, { id: { $in: ids }, office });
  if (users.length !== ids.length) errors.push({ field: `${prefix}userIds`, code: 'NOT_IN_SCOPE' });
  if (users.some((u) => u.status === UserStatus.STOPPED)) errors.push({ field: `${prefix}userIds`, code: 'ALREADY_STOPPED' });
  const stopDate = input.stopDate?.trim() || null;
  if (stopDate && !isValidDate(stopDate)) errors.push({ field: `${prefix}stopDate`, code: 'DATE' });
  else if (stopDate && stopDate < todayInTokyo()) errors.push({ field: `${prefix}stopDate`, code: 'DATE_IN_PAST' });
  return {
    payload: { userIds: ids, stopDate, users: users.map((u) => ({ id: u.id, name: u.name, nameKana: u.nameKana, loginId: u.loginId })) },
    summary: `${office.name}: ${users.map((u) => u.name).join('、')}（停止日 ${stopDate ?? '即日'}）`.slice(0, 500),
  };
}

/**
 * Checks the part of the form that matches `type`; throws BAD_USER_INPUT naming every bad field.
 * `office` is the office concerned (staff addition, ID stop). Field paths start with `prefix`.
 */
export async function checkPayload(em: EntityManager, type: ApplicationType, input: ApplicationInput, office: Office | null, prefix = '', exceptId: string | null = null): Promise<CheckedPayload> {
  const errors: FieldError[] = [];
  // one office's forms are checked one at a time, so that two identical submissions cannot both pass
  if (office) await em.findOneOrFail(Office, { id: office.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  let checked: CheckedPayload | null = null;
  if (type === ApplicationType.OFFICE_REGISTRATION) {
    if (!input.officeRegistration) errors.push({ field: `${prefix}officeRegistration`, code: 'REQUIRED' });
    else checked = await registration(em, input.officeRegistration, `${prefix}officeRegistration.`, errors);
  } else if (type === ApplicationType.STAFF_ADDITION) {
    if (!input.staffAddition) errors.push({ field: `${prefix}staffAddition`, code: 'REQUIRED' });
    else checked = await staffAddition(em, input.staffAddition, office!, `${prefix}staffAddition.`, errors, exceptId);
  } else {
    if (!input.idStop) errors.push({ field: `${prefix}idStop`, code: 'REQUIRED' });
    else checked = await idStop(em, input.idStop, office!, `${prefix}idStop.`, errors, exceptId);
  }
  assertValid(errors);
  return checked!;
}

/** For the public page, whose arguments are not nested under ApplicationInput. */
export function checkRegistration(em: EntityManager, input: OfficeRegistrationInput, prefix: string): Promise<CheckedPayload> {
  const errors: FieldError[] = [];
  return registration(em, input, prefix, errors).then((checked) => {
    assertValid(errors);
    return checked;
  });
}
