import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { AreaService } from '../common/area-service.js';
import { notFound } from '../common/errors.js';
import { checkVersion, flushOrExplain } from '../common/entity-errors.js';
import { Role } from '../users/user.enums.js';
import { Municipality } from './municipality.entity.js';
import type { MunicipalityInput } from './municipality.inputs.js';

/** VENDOR serves every municipality; everyone else sees only their own. */
export function municipalityScope(viewer: Viewer): FilterQuery<Municipality> {
  return viewer.role === Role.VENDOR ? {} : { id: viewer.municipalityId };
}

export class MunicipalityService extends AreaService {
  list(): Promise<Municipality[]> {
    return this.em.find(Municipality, municipalityScope(this.viewer), { orderBy: { code: 'asc' } });
  }

  async get(id: string): Promise<Municipality> {
    const m = await this.em.findOne(Municipality, { $and: [{ id }, municipalityScope(this.viewer)] });
    if (!m) throw notFound();
    return m;
  }

  async create(input: MunicipalityInput): Promise<Municipality> {
    const m = this.em.create(Municipality, { ...input });
    this.ctx.audit.record({ action: 'municipality.create', target: { type: 'Municipality', id: m.id }, municipalityId: m.id, detail: { code: m.code, name: m.name } });
    await flushOrExplain(this.em, { field: 'code', code: 'TAKEN' });
    return m;
  }

  async update(id: string, version: number, input: MunicipalityInput): Promise<Municipality> {
    const m = await this.get(id);
    await checkVersion(this.em, m, version);
    this.em.assign(m, { ...input });
    this.ctx.audit.record({ action: 'municipality.update', target: { type: 'Municipality', id: m.id }, municipalityId: m.id });
    await flushOrExplain(this.em, { field: 'code', code: 'TAKEN' });
    return m;
  }
}
