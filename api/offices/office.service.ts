// Offices: scoped reads, validated writes, every change audited in the same transaction.
import { raw, type FilterQuery } from '@mikro-orm/core';
import { checkVersion, flushOrExplain } from '../common/entity-errors.js';
import { AreaService, exactFilters } from '../common/area-service.js';
import { assertValid, notFound, type FieldError } from '../common/errors.js';
import { authorize } from '../authz/policy.js';
import { findOptions } from '../common/list.js';
import { readOne, readPage, type Selection } from '../common/read-rows.js';
import { containsPattern, pick } from '../common/search.js';
import { blankToNull } from '../common/validation.js';
import { changedFields } from '../audit/audit.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { UserStatus } from '../users/user.enums.js';
import { User } from '../users/user.entity.js';
import { revokeSessions } from '../auth/sessions.js';
import { endMembershipsOnStop } from '../rooms/memberships.js';
import { todayInTokyo } from '../common/dates.js';
import DataLoader from 'dataloader';
import type { Context } from '../context.js';
import { sqlArray, sqlRows } from '../db/rows.js';
import { perRequest } from '../common/per-request.js';
import { Office } from './office.entity.js';
import { officePolicy } from './office.policy.js';
import { CredentialsDelivery, OfficeKind, OfficeStatus, ServiceType } from './office.enums.js';
import { type OfficeInput, type OfficeListArgs, OfficeSortField } from './office.inputs.js';

/** Active accounts per office, one query for all the offices of a request. */
export const activeUserCounts = (ctx: Context) =>
  perRequest(
    ctx,
    'activeUserCounts',
    () =>
      new DataLoader<string, number>(async (officeIds) => {
        const rows = await sqlRows<{ office_id: string; n: number }>(
          ctx.em,
          `select office_id, count(*)::int as n from app_user
          where office_id = any(?::uuid[]) and status = 'ACTIVE' and (stop_date is null or stop_date >= ?) group by office_id`,
          [sqlArray(officeIds), todayInTokyo()],
        );
        const byOffice = new Map(rows.map((r) => [r.office_id, r.n]));
        return officeIds.map((id) => byOffice.get(id) ?? 0);
      }),
  );

const editableFields = [
  'kind',
  'name',
  'nameKana',
  'officeNumber',
  'postalCode',
  'address',
  'phone',
  'serviceTypes',
  'serviceTypeOther',
  'corporationName',
  'corporationNameKana',
  'representativeName',
  'representativeNameKana',
  'corporationPostalCode',
  'corporationAddress',
  'corporationPhone',
  'contactEmail',
  'credentialsDelivery',
  'credentialsPostalCode',
  'credentialsAddress',
  'note',
] as const;

/** Rules that depend on the office kind (which form applies). */
export function officeChecks(input: OfficeInput): FieldError[] {
  const errors: FieldError[] = [];
  const needsNumber = input.kind === OfficeKind.SERVICE || input.kind === OfficeKind.CARE_MANAGEMENT;
  if (needsNumber && !input.officeNumber) errors.push({ field: 'officeNumber', code: 'REQUIRED' });
  if (input.kind === OfficeKind.SERVICE) {
    if (input.serviceTypes.length === 0) errors.push({ field: 'serviceTypes', code: 'REQUIRED' });
    if (input.serviceTypes.includes(ServiceType.OTHER) && !input.serviceTypeOther) errors.push({ field: 'serviceTypeOther', code: 'REQUIRED' });
  } else if (input.serviceTypes.length > 0) {
    errors.push({ field: 'serviceTypes', code: 'NOT_ALLOWED_FOR_KIND' });
  }
  if (input.credentialsDelivery === CredentialsDelivery.OTHER_ADDRESS && !input.credentialsAddress) errors.push({ field: 'credentialsAddress', code: 'REQUIRED' });
  return errors;
}

/** Trimmed, blanks to null, fields that do not apply to the kind cleared. */
export function normalizeOffice(input: OfficeInput): OfficeInput {
  const out = { ...input } as OfficeInput;
  for (const key of ['nameKana', 'officeNumber', 'postalCode', 'serviceTypeOther', 'corporationPostalCode', 'credentialsPostalCode', 'credentialsAddress', 'note'] as const) {
    out[key] = blankToNull(input[key]);
  }
  for (const key of [
    'name',
    'address',
    'phone',
    'corporationName',
    'corporationNameKana',
    'representativeName',
    'representativeNameKana',
    'corporationAddress',
    'corporationPhone',
    'contactEmail',
  ] as const) {
    out[key] = input[key].trim();
  }
  out.serviceTypes = [...new Set(input.serviceTypes ?? [])];
  if (!out.serviceTypes.includes(ServiceType.OTHER)) out.serviceTypeOther = null;
  if (out.credentialsDelivery !== CredentialsDelivery.OTHER_ADDRESS) {
    out.credentialsAddress = null;
    out.credentialsPostalCode = null;
  }
  return out;
}

export class OfficeService extends AreaService {
  async list({ filter, sort, page }: OfficeListArgs, selection: Selection): Promise<{ items: Office[]; total: number }> {
    const where: FilterQuery<Office>[] = [officePolicy.scope(this.viewer), ...exactFilters<Office>(filter as never, { kind: 'kind', status: 'status', municipalityId: 'municipality' })];
    if (filter?.q?.trim()) {
      const like = containsPattern(filter.q);
      // the same expression as the trigram index office_search_trgm; 事業所番号 by prefix (unique index)
      where.push({
        $or: [{ [raw((a) => `(${a}.name || ' ' || coalesce(${a}.name_kana, ''))`)]: { $ilike: like } }, ...(/^\d+$/.test(filter.q.trim()) ? [{ officeNumber: { $like: `${filter.q.trim()}%` } }] : [])],
      });
    }
    // plain rows, the total with the page (api/common/read-rows.ts); for whole municipalities (CITY's,
    // VENDOR's) by kind and status at most, the total from the counts the writes keep (OfficeCount)
    return readPage(this.ctx, {
      entity: Office,
      where: { $and: where },
      paging: findOptions(page, sort, Object.values(OfficeSortField)),
      selection,
      searched: !!filter?.q?.trim(),
      keptTotal: officePolicy.readsWholeMunicipalities(this.viewer) && !filter?.q?.trim() && !filter?.ids ? 'office_count' : undefined,
    });
  }

  /** The office query: one row in the viewer's scope, or NOT_FOUND (never "exists but forbidden"). */
  async read(id: string, selection: Selection): Promise<Office> {
    const office = await readOne(this.ctx, { entity: Office, where: { $and: [{ id }, officePolicy.scope(this.viewer)] }, selection });
    if (!office) throw notFound();
    return office;
  }

  /** The entity in the viewer's scope, for a change, or NOT_FOUND. */
  async get(id: string): Promise<Office> {
    const office = await this.em.findOne(Office, { $and: [{ id }, officePolicy.scope(this.viewer)] });
    if (!office) throw notFound();
    return office;
  }

  async create(input: OfficeInput, municipalityId: string | null | undefined): Promise<Office> {
    const data = normalizeOffice(input);
    const municipality = await this.ownerMunicipality(municipalityId);
    assertValid(officeChecks(data));
    await this.assertNumberFree(data.officeNumber ?? null, null);
    const office = this.em.create(Office, { ...data, municipality, status: OfficeStatus.ACTIVE });
    this.ctx.audit.record({
      action: 'office.create',
      target: { type: 'Office', id: office.id },
      municipalityId: municipality.id,
      officeId: office.id,
      detail: { name: office.name, kind: office.kind },
    });
    await this.flush();
    return office;
  }

  async update(id: string, version: number, input: OfficeInput): Promise<Office> {
    const office = await this.get(id);
    await checkVersion(this.em, office, version);
    const data = normalizeOffice(input);
    assertValid(officeChecks(data));
    await this.assertNumberFree(data.officeNumber ?? null, office.id);
    const before = pick(office, editableFields);
    this.em.assign(office, data);
    const changed = changedFields(before, pick(office, editableFields));
    this.ctx.audit.record({ action: 'office.update', target: { type: 'Office', id: office.id }, municipalityId: office.municipality.id, officeId: office.id, detail: { changed } });
    await this.flush();
    return office;
  }

  /** "Delete" in the panel: the office and its active accounts stop; history stays. */
  async deactivate(id: string, version: number): Promise<Office> {
    const office = await this.get(id);
    await checkVersion(this.em, office, version);
    if (office.status === OfficeStatus.INACTIVE) return office;
    office.status = OfficeStatus.INACTIVE;
    const users = await this.em.find(User, { office, status: { $ne: UserStatus.STOPPED } });
    const today = todayInTokyo();
    await endMembershipsOnStop(
      this.em,
      users.map((u) => u.id),
      today,
    );
    for (const user of users) {
      user.status = UserStatus.STOPPED;
      user.stopDate = today;
      await revokeSessions(this.em, user.id, 'office_deactivated');
      this.ctx.audit.record({
        action: 'user.stop',
        target: { type: 'User', id: user.id },
        municipalityId: office.municipality.id,
        officeId: office.id,
        detail: { stopDate: today, cause: 'office_deactivated' },
      });
    }
    this.ctx.audit.record({
      action: 'office.deactivate',
      target: { type: 'Office', id: office.id },
      municipalityId: office.municipality.id,
      officeId: office.id,
      detail: { stoppedUsers: users.length },
    });
    await this.flush();
    return office;
  }

  async reactivate(id: string, version: number): Promise<Office> {
    const office = await this.get(id);
    await checkVersion(this.em, office, version);
    office.status = OfficeStatus.ACTIVE;
    this.ctx.audit.record({ action: 'office.reactivate', target: { type: 'Office', id: office.id }, municipalityId: office.municipality.id, officeId: office.id });
    await this.flush();
    return office;
  }

  /** The server decides the owner: CITY creates in its own municipality; only VENDOR may choose. */
  private async ownerMunicipality(requested: string | null | undefined): Promise<Municipality> {
    const v = this.viewer;
    authorize(officePolicy.createIn(v, requested));
    if (!officePolicy.choosesMunicipality(v)) return this.em.findOneOrFail(Municipality, { id: v.municipalityId! });
    if (!requested) assertValid([{ field: 'municipalityId', code: 'REQUIRED' }]);
    const m = await this.em.findOne(Municipality, { id: requested! });
    if (!m) assertValid([{ field: 'municipalityId', code: 'NOT_IN_SCOPE' }]);
    return m!;
  }

  private async assertNumberFree(officeNumber: string | null, exceptId: string | null): Promise<void> {
    if (!officeNumber) return;
    const other = await this.em.findOne(Office, { officeNumber, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, { fields: ['id'] });
    if (other) assertValid([{ field: 'officeNumber', code: 'TAKEN' }]);
  }

  private flush(): Promise<void> {
    return flushOrExplain(this.em, { field: 'officeNumber', code: 'TAKEN' });
  }
}
