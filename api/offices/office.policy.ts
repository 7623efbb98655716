// Offices: who may see and change which office. Used by office.rules.ts (may the caller call at
// all), OfficeService (which rows, this record) and the panel (Query.abilities, Office.allowedActions).
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { anyOf, is, type PanelAbilities, type RecordActions } from '../authz/policy.js';
import { Role } from '../users/user.enums.js';
import { OfficeStatus } from './office.enums.js';
import type { Office } from './office.entity.js';

const cityOrVendor = anyOf(is.city, is.vendor);

export const officePolicy = {
  /** Which offices the viewer may see: VENDOR all, CITY its municipality's, OFFICE its own. */
  scope(viewer: Viewer): FilterQuery<Office> {
    switch (viewer.role) {
      case Role.VENDOR:
        return {};
      case Role.CITY:
        return { municipality: viewer.municipalityId };
      case Role.OFFICE:
        return { id: viewer.officeId };
    }
  },
  /** Whose scope is whole municipalities (VENDOR's every one, CITY's own), so counted by OfficeCount. */
  readsWholeMunicipalities: cityOrVendor,
  /** offices / office: every signed-in caller, within scope(). */
  read: is.anyone,
  /** The directory (name and kind of the municipality's active offices), for consent forms and invitations. */
  readDirectory: anyOf(is.city, is.office),
  directoryScope: (viewer: Viewer): FilterQuery<Office> => ({ municipality: viewer.municipalityId, status: OfficeStatus.ACTIVE }),
  create: cityOrVendor,
  /** In which municipality: CITY only its own (given or left out), VENDOR any it names. */
  createIn: (viewer: Viewer, municipalityId: string | null | undefined) => (is.city(viewer) ? !municipalityId || municipalityId === viewer.municipalityId : is.vendor(viewer)),
  /** Whether the caller names the municipality (VENDOR) or the server takes the caller's own (CITY). */
  choosesMunicipality: is.vendor,
  update: cityOrVendor,
  /** 利用停止 / 利用再開: the office and all its accounts; VENDOR runs the ID lifecycle. */
  deactivate: is.vendor,
  reactivate: is.vendor,
};

/** Office.allowedActions: the panel's actions on one office in the viewer's scope. */
export const officeRecordActions: RecordActions<Office> = {
  show: () => true, // the record was read through scope()
  edit: (v) => officePolicy.update(v),
  delete: (v) => officePolicy.deactivate(v),
  reactivate: (v) => officePolicy.reactivate(v),
};

export const officeAbilities: PanelAbilities = {
  offices: {
    // the office list and its menu entry; OFFICE accounts open their own office instead ("my office")
    list: cityOrVendor,
    show: officePolicy.read,
    create: officePolicy.create,
    edit: officePolicy.update,
    export: cityOrVendor,
    delete: officePolicy.deactivate,
    reactivate: officePolicy.reactivate,
  },
};
