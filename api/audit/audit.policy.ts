// The audit trail: who may read which events. CITY reads its municipality's; VENDOR only account
// and sign-in events that name no patient (the trail must not become a way round the rooms).
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { anyOf, is, type PanelAbilities } from '../authz/policy.js';
import type { AuditEvent } from './audit-event.entity.js';

/** What VENDOR may read of the trail: accounts and sign-in, never anything about patients. */
export const VENDOR_ACTION_PREFIXES = ['auth.', 'user.', 'office.', 'municipality.', 'activation.', 'token.'];

export const auditPolicy = {
  read: anyOf(is.city, is.vendor),
  /** Which action codes the viewer's trail can hold (the filter's choices). */
  showsAction: (viewer: Viewer, code: string) => !is.vendor(viewer) || VENDOR_ACTION_PREFIXES.some((p) => code.startsWith(p)),
  /** CITY: its municipality's events; VENDOR: account and sign-in events of all. */
  scope(viewer: Viewer): FilterQuery<AuditEvent> {
    if (is.vendor(viewer)) return { patientId: null, $or: VENDOR_ACTION_PREFIXES.map((p) => ({ action: { $like: `${p}%` } })) };
    return { municipalityId: viewer.municipalityId };
  },
};

export const auditAbilities: PanelAbilities = {
  auditEvents: { list: auditPolicy.read, export: auditPolicy.read },
};
