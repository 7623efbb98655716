import { policyRule } from '../authz/policy.js';
import { consentPolicy } from './consent.policy.js';

// The register's rows are scoped by consentPolicy in the service; this decides who may ask at all.
const readsRegister = policyRule('consents.readRegister', consentPolicy.readRegister);

export const consentRules = {
  Query: { consents: readsRegister },
  ConsentRecord: { '*': readsRegister },
  ConsentRecordPage: { '*': readsRegister },
};
