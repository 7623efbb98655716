import { isCityOrVendor } from '../authz/rules.js';

export const auditRules = {
  Query: { auditEvents: isCityOrVendor },
  AuditEvent: { '*': isCityOrVendor },
  AuditEventPage: { '*': isCityOrVendor },
};
