import { policyRule } from '../authz/policy.js';
import { auditPolicy } from './audit.policy.js';

// Which events: auditPolicy.scope() in AuditService.
const readsAudit = policyRule('auditEvents.read', auditPolicy.read);

export const auditRules = {
  Query: { auditEvents: readsAudit, auditActions: readsAudit },
  AuditEvent: { '*': readsAudit },
  AuditEventPage: { '*': readsAudit },
  AuditActionLabel: { '*': readsAudit },
};
