// The audit trail's filter as the API declares it (AuditFilter); the list's form may hold others.
import type { AuditFilter } from '../graphql/generated/graphql';

/** The filter keys of AuditFilter. */
export const AUDIT_FILTER_KEYS = ['action', 'actorId', 'officeId', 'patientId', 'roomId', 'outcome', 'from', 'to'] as const;

export function auditFilter(filter: Record<string, unknown> = {}): AuditFilter {
  const out: Record<string, unknown> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      if (value.trim() === '') continue;
      out[key] = value.trim();
    } else out[key] = value;
  }
  return out as AuditFilter;
}
