// Municipalities: VENDOR serves them all and registers them; everyone else reads only their own.
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { is, type PanelAbilities } from '../authz/policy.js';
import type { Municipality } from './municipality.entity.js';

export const municipalityPolicy = {
  scope(viewer: Viewer): FilterQuery<Municipality> {
    return is.vendor(viewer) ? {} : { id: viewer.municipalityId };
  },
  create: is.vendor,
  /**
   * VENDOR edits the registration. A change of the contact e-mail (where the first CITY
   * account's activation code goes, see README "Bootstrap") is audited with both addresses and
   * announced to the old one.
   */
  update: is.vendor,
};

export const municipalityAbilities: PanelAbilities = {
  municipalities: {
    list: is.vendor,
    show: is.vendor,
    create: municipalityPolicy.create,
    edit: municipalityPolicy.update,
    export: is.vendor,
  },
};
