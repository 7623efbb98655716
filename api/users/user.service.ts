// Accounts: scoped reads; VENDOR issues and stops IDs, CITY keeps the roster data of its municipality
// and prints activation codes. The decisions are userPolicy's (user.policy.ts).
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { AreaService, exactFilters } from '../common/area-service.js';
import { assertValid, notFound, type FieldError } from '../common/errors.js';
import { checkVersion, flushOrExplain } from '../common/entity-errors.js';
import { findOptions } from '../common/list.js';
import { readOne, readPage, type Selection } from '../common/read-rows.js';
import { containsPattern, pick } from '../common/search.js';
import { blankToNull } from '../common/validation.js';
import { todayInTokyo } from '../common/dates.js';
import { changedFields } from '../audit/audit.js';
import { authorize } from '../authz/policy.js';
import { issueActivationCodes as newActivationCodes } from '../auth/activation.js';
import { ActivationCode } from '../auth/activation-code.entity.js';
import { revokeSessions } from '../auth/sessions.js';
import { RecoveryCode } from '../auth/recovery-code.entity.js';
import { endMembershipsOnStop } from '../rooms/memberships.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { OfficeKind, OfficeStatus } from '../offices/office.enums.js';
import { User } from './user.entity.js';
import { JobType, Role, UserStatus } from './user.enums.js';
import { type NewAccountInput, type UserInput, type UserListArgs, UserSortField } from './user.inputs.js';
import { accountOf, userPolicy } from './user.policy.js';
import { cityAccountCreated, cityAccountReset } from './account-mails.js';
import { enqueueMail } from '../mail/outbox.js';
import type { ActivationCodeEntry } from './user.types.js';

/** Which accounts the viewer may see (userPolicy.scope). */
export const userScope = (viewer: Viewer): FilterQuery<User> => userPolicy.scope(viewer);

/** unique and never null: orders the accounts alone, so its unique index serves VENDOR's whole list */
const uniqueSortFields = [UserSortField.loginId];
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
  async list({ filter, sort, page }: UserListArgs, selection: Selection): Promise<{ items: User[]; total: number }> {
    const where: FilterQuery<User>[] = [
      userScope(this.viewer),
      ...exactFilters<User>(filter as never, { officeId: 'office', municipalityId: 'municipality', role: 'role', jobType: 'jobType', status: 'status', officeAdmin: 'officeAdmin' }),
    ];
    if (filter?.q?.trim()) {
      const like = containsPattern(filter.q);
      // Across a municipality (or the country) the search is the trigram index app_user_search_trgm's
      // own expression, so the index serves it. Within one office (the filter's, or an office admin's
      // roster) it is the same text through concat_ws, which that index does not serve: PostgreSQL
      // then reads the office's own rows (a few hundred at most) and filters them, where a bitmap with
      // the trigram index would read every account of the table with that name (the benchmark's users
      // query, scale 1 → 5: SQL 0.76 → 1.84 ms with the index, 0.22 → 0.18 ms without).
      const oneOffice = !!filter.officeId || userPolicy.withinOneOffice(this.viewer);
      const text = oneOffice ? (a: string) => `concat_ws(' ', ${a}.name, ${a}.name_kana, ${a}.login_id)` : (a: string) => `(${a}.name || ' ' || ${a}.name_kana || ' ' || ${a}.login_id)`;
      where.push({ [raw(text)]: { $ilike: like } });
    }
    // plain rows, the office (when selected) as JSON in the same statement, the total with the page
    return readPage(this.ctx, { entity: User, where: { $and: where }, paging: findOptions(page, sort, Object.values(UserSortField), uniqueSortFields), selection, searched: !!filter?.q?.trim() });
  }

  /** The user query: one row in scope, the selected columns only. */
  async read(id: string, selection: Selection): Promise<User> {
    const user = await readOne(this.ctx, { entity: User, where: { $and: [{ id }, userScope(this.viewer)] }, selection });
    if (!user) throw notFound();
    return user;
  }

  /** The entity, for a change. */
  async get(id: string): Promise<User> {
    const user = await this.em.findOne(User, { $and: [{ id }, userScope(this.viewer)] });
    if (!user) throw notFound();
    return user;
  }

  /**
   * VENDOR issues an account (ID発行): login ID, role, office or municipality, roster data. No
   * secret: the account is PENDING until activated with a code that the city of its municipality
   * prints (issueActivationCodes). Owner fields come from the chosen office, never from free input.
   */
  async create(account: NewAccountInput, input: UserInput): Promise<User> {
    authorize(userPolicy.create(this.viewer));
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
        // a further CITY account needs a city that prints its code and hears of it; the first
        // one is the operator's bootstrap (README "Bootstrap")
        else if (!(await this.em.count(User, { municipality, role: Role.CITY, status: UserStatus.ACTIVE }))) errors.push({ field: 'municipalityId', code: 'CITY_BOOTSTRAP_REQUIRED' });
      } else if (account.municipalityId) errors.push({ field: 'municipalityId', code: 'NOT_ALLOWED_FOR_ROLE' });
    }
    if (await this.em.count(User, { loginId: account.loginId })) errors.push({ field: 'loginId', code: 'TAKEN' });
    errors.push(...rosterChecks(data, account.role, office?.kind ?? null));
    assertValid(errors);

    const user = this.em.create(User, {
      ...data,
      loginId: account.loginId,
      role: account.role,
      office,
      municipality: office ? office.municipality.id : (municipality?.id ?? null),
      status: UserStatus.PENDING,
      passwordHash: null,
      mustChangePassword: false,
    });
    this.ctx.audit.record({
      action: 'user.create',
      target: { type: 'User', id: user.id },
      municipalityId: user.municipality?.id ?? null,
      officeId: office?.id ?? null,
      detail: { loginId: user.loginId, role: user.role, status: user.status },
    });
    if (user.role === Role.CITY) await this.tellOtherCityUsers(user, cityAccountCreated);
    await flushOrExplain(this.em, { field: 'loginId', code: 'TAKEN' });
    return user;
  }

  /** Roster data only: role, office and municipality are not editable here. */
  async update(id: string, version: number, input: UserInput): Promise<User> {
    const user = await this.get(id);
    authorize(userPolicy.edit(this.viewer, accountOf(user)));
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
    const user = await this.get(id);
    authorize(userPolicy.stop(this.viewer, accountOf(user))); // nobody locks themselves out
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
    const user = await this.get(id);
    authorize(userPolicy.reactivate(this.viewer, accountOf(user)));
    await checkVersion(this.em, user, version);
    if (user.office && (await user.office.loadOrFail()).status !== OfficeStatus.ACTIVE) assertValid([{ field: 'office', code: 'OFFICE_INACTIVE' }]);
    await this.em.populate(user, ['passwordHash']);
    // an account stopped before it was activated (or after a reset) still waits for its code
    user.status = user.passwordHash ? UserStatus.ACTIVE : UserStatus.PENDING;
    user.stopDate = null;
    this.audit('user.reactivate', user, { status: user.status });
    await this.em.flush();
    return user;
  }

  /** Lifts the temporary lockout after failed sign-ins. */
  async unlock(id: string): Promise<User> {
    const user = await this.get(id);
    authorize(userPolicy.unlock(this.viewer, accountOf(user)));
    await this.em.nativeUpdate(User, { id: user.id }, { lockedUntil: null, failedSignIns: 0, firstFailedSignInAt: null });
    this.audit('user.unlock', user);
    await this.em.flush();
    return user;
  }

  /**
   * Lost password or phone (VENDOR): password, TOTP, recovery codes and unused activation codes
   * cleared, every session ended, the account PENDING again. VENDOR learns nothing that signs in:
   * the user comes back with a code the city of the account's municipality prints.
   */
  async resetCredentials(id: string): Promise<User> {
    const user = await this.get(id);
    authorize(userPolicy.resetCredentials(this.viewer, accountOf(user)));
    if (user.status === UserStatus.STOPPED) assertValid([{ field: 'id', code: 'ALREADY_STOPPED' }]);
    const now = new Date();
    user.passwordHash = null;
    user.mustChangePassword = false;
    user.totpSecret = null;
    user.totpEnabledAt = null;
    user.totpLastTimeStep = null;
    user.status = UserStatus.PENDING;
    user.failedSignIns = 0;
    user.firstFailedSignInAt = null;
    user.lockedUntil = null;
    await this.em.nativeUpdate(RecoveryCode, { user, usedAt: null }, { usedAt: now });
    await this.em.nativeUpdate(ActivationCode, { user, usedAt: null, revokedAt: null }, { revokedAt: now });
    const revoked = await revokeSessions(this.em, user.id, 'credentials_reset');
    this.audit('user.reset_credentials', user, { revokedSessions: revoked, status: user.status });
    if (user.role === Role.CITY) await this.tellOtherCityUsers(user, cityAccountReset);
    await this.em.flush();
    return user;
  }

  /**
   * The credentials letter for PENDING accounts: fresh one-time codes, shown once (earlier codes
   * stop working). Who may print whose code is userPolicy.printActivationCode; the codes are
   * never written to the audit trail or the outbox.
   */
  async issueActivationCodes(ids: string[]): Promise<ActivationCodeEntry[]> {
    const unique = [...new Set(ids)];
    const users = await this.em.find(User, { $and: [{ id: { $in: unique } }, userPolicy.scope(this.viewer)] }, { populate: ['office', 'municipality'], orderBy: { nameKana: 'asc' } });
    if (users.length !== unique.length) throw notFound();
    const errors: FieldError[] = [];
    users.forEach((u, i) => {
      const account = accountOf(u);
      if (u.status !== UserStatus.PENDING) errors.push({ field: `userIds.${i}`, code: 'NOT_PENDING' });
      else authorize(userPolicy.printActivationCode(this.viewer, account));
    });
    assertValid(errors);
    const codes = await newActivationCodes(this.em, users);
    for (const u of users) this.audit('activation.codes_issued', u, { loginId: u.loginId, role: u.role });
    await this.em.flush();
    return users.map((u) => {
      const { code, expiresAt } = codes.get(u.id)!;
      const where = u.office?.getEntity().name ?? u.municipality?.getEntity().name ?? '';
      return { loginId: u.loginId, name: u.name, nameKana: u.nameKana, officeName: where, activationCode: code, expiresAt };
    });
  }

  /**
   * A further CITY account, or a reset of one, is seen by the municipality's other CITY users: the
   * audit event is in their municipality, and each of them with an e-mail address gets a notice.
   */
  private async tellOtherCityUsers(user: User, template: typeof cityAccountCreated | typeof cityAccountReset): Promise<void> {
    const municipalityId = user.municipality?.id;
    if (!municipalityId) return;
    const actor = await this.em.findOne(User, { id: this.viewer.id });
    const by = `システム管理者 ${actor?.name ?? this.viewer.loginId}（${this.viewer.loginId}）`;
    const others = await this.em.find(User, { municipality: municipalityId, role: Role.CITY, status: UserStatus.ACTIVE, id: { $ne: user.id }, email: { $ne: null } });
    for (const other of others) enqueueMail(this.em, { ...template(user, by, this.ctx.config.publicUrl), to: other.email!, municipalityId });
  }

  private audit(action: string, user: User, detail?: Record<string, unknown>): void {
    this.ctx.audit.record({ action, target: { type: 'User', id: user.id }, municipalityId: user.municipality?.id ?? null, officeId: user.office?.id ?? null, detail: detail ?? null });
  }
}
