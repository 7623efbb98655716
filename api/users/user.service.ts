// Accounts: scoped reads; VENDOR issues and stops IDs, CITY keeps the roster data of its municipality.
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { AreaService, exactFilters } from '../common/area-service.js';
import { assertValid, forbidden, notFound, type FieldError } from '../common/errors.js';
import { checkVersion, flushOrExplain } from '../common/entity-errors.js';
import { findOptions } from '../common/list.js';
import { containsPattern, pick } from '../common/search.js';
import { blankToNull, passwordPolicy } from '../common/validation.js';
import { todayInTokyo } from '../common/dates.js';
import { changedFields } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import { revokeSessions } from '../auth/sessions.js';
import { RecoveryCode } from '../auth/recovery-code.entity.js';
import { endMembershipsOnStop } from '../rooms/memberships.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { OfficeKind, OfficeStatus } from '../offices/office.enums.js';
import { User } from './user.entity.js';
import { JobType, Role, UserStatus } from './user.enums.js';
import type { NewAccountInput, UserInput, UserListArgs } from './user.inputs.js';

/** Which accounts the viewer may see: VENDOR all, CITY its municipality's, office admin the office roster, staff themselves. */
export function userScope(viewer: Viewer): FilterQuery<User> {
  switch (viewer.role) {
    case Role.VENDOR:
      return {};
    case Role.CITY:
      return { municipality: viewer.municipalityId };
    case Role.OFFICE:
      return viewer.officeAdmin ? { office: viewer.officeId } : { id: viewer.id };
  }
}

const sortColumns = { nameKana: 'nameKana', name: 'name', loginId: 'loginId', jobType: 'jobType', role: 'role', status: 'status', lastSignInAt: 'lastSignInAt', createdAt: 'createdAt' };
export const rosterFields = ['name', 'nameKana', 'jobType', 'jobTypeOther', 'careManagerNumber', 'ictLinkage', 'email', 'officeAdmin'] as const;

/** Rules that depend on the role and the office kind. */
export function rosterChecks(input: UserInput, role: Role, officeKind: OfficeKind | null, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (input.jobType === JobType.CARE_MANAGER && !input.careManagerNumber) errors.push({ field: `${prefix}careManagerNumber`, code: 'REQUIRED' });
  if (input.jobType === JobType.OTHER && !input.jobTypeOther) errors.push({ field: `${prefix}jobTypeOther`, code: 'REQUIRED' });
  if (input.ictLinkage && officeKind !== OfficeKind.SERVICE && officeKind !== OfficeKind.CARE_MANAGEMENT) errors.push({ field: `${prefix}ictLinkage`, code: 'NOT_ALLOWED_FOR_KIND' });
  if (input.officeAdmin && role !== Role.OFFICE) errors.push({ field: `${prefix}officeAdmin`, code: 'NOT_ALLOWED_FOR_ROLE' });
  return errors;
}

export function normalizeRoster(input: UserInput): UserInput {
  return {
    ...input,
    name: input.name.trim(),
    nameKana: input.nameKana.trim(),
    jobTypeOther: input.jobType === JobType.OTHER ? blankToNull(input.jobTypeOther) : null,
    careManagerNumber: blankToNull(input.careManagerNumber),
    email: blankToNull(input.email)?.toLowerCase() ?? null,
  } as UserInput;
}

export class UserService extends AreaService {
  async list({ filter, sort, page }: UserListArgs): Promise<{ items: User[]; total: number }> {
    const where: FilterQuery<User>[] = [
      userScope(this.viewer),
      ...exactFilters<User>(filter as never, { officeId: 'office', municipalityId: 'municipality', role: 'role', jobType: 'jobType', status: 'status', officeAdmin: 'officeAdmin' }),
    ];
    if (filter?.q?.trim()) {
      const like = containsPattern(filter.q);
      // the same expression as the trigram index app_user_search_trgm, so the index serves it
      where.push({ [raw((a) => `(${a}.name || ' ' || ${a}.name_kana || ' ' || ${a}.login_id)`)]: { $ilike: like } });
    }
    // the office comes in the same query: every screen that lists users shows it
    const [items, total] = await this.em.findAndCount(User, { $and: where }, { ...findOptions(page, sort, sortColumns), populate: ['office'] });
    return { items, total };
  }

  async get(id: string): Promise<User> {
    const user = await this.em.findOne(User, { $and: [{ id }, userScope(this.viewer)] });
    if (!user) throw notFound();
    return user;
  }

  /** VENDOR issues an account (ID発行). Owner fields come from the chosen office, never from free input. */
  async create(account: NewAccountInput, input: UserInput): Promise<User> {
    const data = normalizeRoster(input);
    const errors: FieldError[] = [];
    let office: Office | null = null;
    let municipality: Municipality | null = null;
    if (account.role === Role.OFFICE) {
      if (account.municipalityId) errors.push({ field: 'municipalityId', code: 'NOT_ALLOWED_FOR_ROLE' });
      office = account.officeId ? await this.em.findOne(Office, { id: account.officeId }) : null;
      if (!account.officeId) errors.push({ field: 'officeId', code: 'REQUIRED' });
      else if (!office) errors.push({ field: 'officeId', code: 'NOT_IN_SCOPE' });
      else if (office.status !== OfficeStatus.ACTIVE) errors.push({ field: 'officeId', code: 'OFFICE_INACTIVE' });
    } else {
      if (account.officeId) errors.push({ field: 'officeId', code: 'NOT_ALLOWED_FOR_ROLE' });
      if (account.role === Role.CITY) {
        municipality = account.municipalityId ? await this.em.findOne(Municipality, { id: account.municipalityId }) : null;
        if (!account.municipalityId) errors.push({ field: 'municipalityId', code: 'REQUIRED' });
        else if (!municipality) errors.push({ field: 'municipalityId', code: 'NOT_IN_SCOPE' });
      } else if (account.municipalityId) errors.push({ field: 'municipalityId', code: 'NOT_ALLOWED_FOR_ROLE' });
    }
    if (!passwordPolicy(account.initialPassword)) errors.push({ field: 'initialPassword', code: 'PASSWORD_POLICY' });
    if (await this.em.count(User, { loginId: account.loginId })) errors.push({ field: 'loginId', code: 'TAKEN' });
    errors.push(...rosterChecks(data, account.role, office?.kind ?? null));
    assertValid(errors);

    const user = this.em.create(User, {
      ...data,
      loginId: account.loginId,
      role: account.role,
      office,
      municipality: office ? office.municipality.id : (municipality?.id ?? null),
      status: UserStatus.ACTIVE,
      passwordHash: await hashPassword(account.initialPassword),
      mustChangePassword: true,
    });
    this.ctx.audit.record({
      action: 'user.create',
      target: { type: 'User', id: user.id },
      municipalityId: user.municipality?.id ?? null,
      officeId: office?.id ?? null,
      detail: { loginId: user.loginId, role: user.role },
    });
    await flushOrExplain(this.em, { field: 'loginId', code: 'TAKEN' });
    return user;
  }

  /** Roster data only: role, office and municipality are not editable here. */
  async update(id: string, version: number, input: UserInput): Promise<User> {
    const user = await this.writable(id);
    await checkVersion(this.em, user, version);
    const data = normalizeRoster(input);
    const office = user.office ? await user.office.load() : null;
    assertValid(rosterChecks(data, user.role, office?.kind ?? null));
    const before = pick(user, rosterFields);
    this.em.assign(user, pick(data, rosterFields));
    const changed = changedFields(before, pick(user, rosterFields));
    this.audit('user.update', user, { changed });
    await flushOrExplain(this.em, { field: 'email', code: 'TAKEN' });
    return user;
  }

  /** ID停止 now: "delete" in the panel. The record and its history stay. */
  async stop(id: string, version: number): Promise<User> {
    const user = await this.writable(id);
    if (user.id === this.viewer.id) throw forbidden(); // nobody locks themselves out
    await checkVersion(this.em, user, version);
    if (user.status === UserStatus.STOPPED) return user;
    user.status = UserStatus.STOPPED;
    user.stopDate = todayInTokyo();
    const revoked = await revokeSessions(this.em, user.id, 'stopped');
    await endMembershipsOnStop(this.em, [user.id], user.stopDate);
    this.audit('user.stop', user, { stopDate: user.stopDate, revokedSessions: revoked });
    await this.em.flush();
    return user;
  }

  async reactivate(id: string, version: number): Promise<User> {
    const user = await this.writable(id);
    await checkVersion(this.em, user, version);
    if (user.office && (await user.office.loadOrFail()).status !== OfficeStatus.ACTIVE) assertValid([{ field: 'office', code: 'OFFICE_INACTIVE' }]);
    user.status = UserStatus.ACTIVE;
    user.stopDate = null;
    this.audit('user.reactivate', user);
    await this.em.flush();
    return user;
  }

  /** Lifts the temporary lockout after failed sign-ins. */
  async unlock(id: string): Promise<User> {
    const user = await this.writable(id);
    await this.em.nativeUpdate(User, { id: user.id }, { lockedUntil: null, failedSignIns: 0, firstFailedSignInAt: null });
    this.audit('user.unlock', user);
    await this.em.flush();
    return user;
  }

  /**
   * Lost password or phone: a new issued password, TOTP and recovery codes cleared (the user
   * enrolls again), every session ended.
   */
  async resetCredentials(id: string, initialPassword: string): Promise<User> {
    const user = await this.writable(id);
    if (user.id === this.viewer.id) throw forbidden();
    assertValid(passwordPolicy(initialPassword) ? [] : [{ field: 'initialPassword', code: 'PASSWORD_POLICY' }]);
    user.passwordHash = await hashPassword(initialPassword);
    user.mustChangePassword = true;
    user.totpSecret = null;
    user.totpEnabledAt = null;
    user.totpLastTimeStep = null;
    await this.em.nativeUpdate(RecoveryCode, { user, usedAt: null }, { usedAt: new Date() });
    const revoked = await revokeSessions(this.em, user.id, 'credentials_reset');
    this.audit('user.reset_credentials', user, { revokedSessions: revoked });
    await this.em.flush();
    return user;
  }

  /** A user the viewer may change: VENDOR any; CITY those of its municipality (not VENDOR accounts). */
  private async writable(id: string): Promise<User> {
    const user = await this.get(id);
    const v = this.viewer;
    if (v.role === Role.VENDOR) return user;
    if (v.role === Role.CITY && user.role !== Role.VENDOR && user.municipality?.id === v.municipalityId) return user;
    throw forbidden();
  }

  private audit(action: string, user: User, detail?: Record<string, unknown>): void {
    this.ctx.audit.record({ action, target: { type: 'User', id: user.id }, municipalityId: user.municipality?.id ?? null, officeId: user.office?.id ?? null, detail: detail ?? null });
  }
}
