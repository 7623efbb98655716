// The audit trail (auditEvents): newest first; the filter as the API declares it (AuditFilter).
export const AUDIT_EVENTS = `query AuditEvents($filter: AuditFilter, $page: PageInput) {
  auditEvents(filter: $filter, page: $page) { items { id occurredAt action actionLabel targetName patientName outcome actorId actorLoginId actorRole targetType targetId municipalityId officeId patientId roomId ip detail } total } }`;

/** The filter keys of AuditFilter; the list's form may hold others. */
export const AUDIT_FILTER_KEYS = ['action', 'actorId', 'officeId', 'patientId', 'roomId', 'outcome', 'from', 'to'] as const;

export function auditFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      if (value.trim() === '') continue;
      out[key] = value.trim();
    } else out[key] = value;
  }
  return out;
}

/** The actions this caller's trail can hold, with their names (the filter picks them). */
export const AUDIT_ACTIONS = 'query AuditActions { auditActions { code label } }';
