import { AreaService } from '../common/area-service.js';
import { notFound } from '../common/errors.js';
import { readAll, readOne, type Selection } from '../common/read-rows.js';
import { checkVersion, flushOrExplain } from '../common/entity-errors.js';
import { authorize } from '../authz/policy.js';
import { enqueueMail } from '../mail/outbox.js';
import { contactAddressChanged } from '../users/account-mails.js';
import { Municipality } from './municipality.entity.js';
import type { MunicipalityInput } from './municipality.inputs.js';
import { municipalityPolicy } from './municipality.policy.js';

export class MunicipalityService extends AreaService {
  list(selection: Selection): Promise<Municipality[]> {
    return readAll(this.ctx, { entity: Municipality, where: municipalityPolicy.scope(this.viewer), orderBy: [{ code: 'asc' }], selection });
  }

  /** The municipality query: one row in scope, the selected columns only. */
  async read(id: string, selection: Selection): Promise<Municipality> {
    const m = await readOne(this.ctx, { entity: Municipality, where: { $and: [{ id }, municipalityPolicy.scope(this.viewer)] }, selection });
    if (!m) throw notFound();
    return m;
  }

  /** The entity, for a change. */
  async get(id: string): Promise<Municipality> {
    const m = await this.em.findOne(Municipality, { $and: [{ id }, municipalityPolicy.scope(this.viewer)] });
    if (!m) throw notFound();
    return m;
  }

  async create(input: MunicipalityInput): Promise<Municipality> {
    authorize(municipalityPolicy.create(this.viewer));
    const m = this.em.create(Municipality, { ...input });
    this.ctx.audit.record({
      action: 'municipality.create',
      target: { type: 'Municipality', id: m.id },
      municipalityId: m.id,
      detail: { code: m.code, name: m.name, contactEmail: m.contactEmail ?? null },
    });
    await flushOrExplain(this.em, { field: 'code', code: 'TAKEN' });
    return m;
  }

  async update(id: string, version: number, input: MunicipalityInput): Promise<Municipality> {
    authorize(municipalityPolicy.update(this.viewer));
    const m = await this.get(id);
    await checkVersion(this.em, m, version);
    const oldEmail = m.contactEmail ?? null;
    this.em.assign(m, { ...input });
    const newEmail = m.contactEmail ?? null;
    // the registered contact address hears of the first CITY account (bootstrap): a change of it
    // is on the trail with both addresses and announced to the old one
    const contactChanged = (oldEmail ?? '').toLowerCase() !== (newEmail ?? '').toLowerCase();
    this.ctx.audit.record({
      action: 'municipality.update',
      target: { type: 'Municipality', id: m.id },
      municipalityId: m.id,
      detail: contactChanged ? { contactEmail: { from: oldEmail, to: newEmail } } : null,
    });
    if (contactChanged && oldEmail) enqueueMail(this.em, { ...contactAddressChanged(m.name, newEmail, this.ctx.config.publicUrl), to: oldEmail, municipalityId: m.id });
    await flushOrExplain(this.em, { field: 'code', code: 'TAKEN' });
    return m;
  }
}
