// FHIR export: who may export what (authz/policy.ts convention). A room's export follows the room's
// own rule (rooms/room.access.ts finds the room: the city of its municipality and its live
// members); a whole municipality's export (NDJSON, bulk-export.ts) is its city's.
import { is, type PanelAbilities } from '../authz/policy.js';
import { roomPolicy } from '../rooms/room.policy.js';

export const fhirPolicy = {
  /** GET /fhir/Room/<id>/$export: whoever reads rooms; which rooms is room.access.ts's answer. */
  exportRoom: roomPolicy.read,
  /** startFhirExport, fhirExportJobs and their files: the city, for its own municipality. */
  exportMunicipality: is.city,
};

export const fhirAbilities: PanelAbilities = {
  fhirExports: { list: fhirPolicy.exportMunicipality, create: fhirPolicy.exportMunicipality },
};
