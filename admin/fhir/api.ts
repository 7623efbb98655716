// FHIR bulk exports (fhir.graphql) as custom data-provider methods.
import { request } from '../graphql/client';
import { FhirExportsDocument, StartFhirExportDocument } from '../graphql/generated/graphql';

export const fhirMethods = {
  fhirExports: () => request(FhirExportsDocument).then((d) => d.fhirExports),
  startFhirExport: () => request(StartFhirExportDocument).then((d) => d.startFhirExport),
};
