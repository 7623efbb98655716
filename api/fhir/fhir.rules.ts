import { policyRule } from '../authz/policy.js';
import { fhirPolicy } from './fhir.policy.js';

const exportsMunicipality = policyRule('fhir.exportMunicipality', fhirPolicy.exportMunicipality);

export const fhirRules = {
  Query: { fhirExports: exportsMunicipality },
  Mutation: { startFhirExport: exportsMunicipality },
  FhirExport: { '*': exportsMunicipality },
  FhirExportOutput: { '*': exportsMunicipality },
};
