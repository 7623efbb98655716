// The office CSV: every registration field, in the order of the forms.
import type { ExportColumn } from '../common/useCsvExporter';

export const officeExportColumns: ExportColumn[] = [
  { source: 'municipality.name', label: 'resources.offices.fields.municipality' },
  { source: 'kind', enumType: 'OfficeKind' },
  { source: 'name' },
  { source: 'nameKana' },
  { source: 'officeNumber' },
  { source: 'serviceTypes', enumType: 'ServiceType' },
  { source: 'serviceTypeOther' },
  { source: 'postalCode' },
  { source: 'address' },
  { source: 'phone' },
  { source: 'contactEmail' },
  { source: 'corporationName' },
  { source: 'corporationNameKana' },
  { source: 'representativeName' },
  { source: 'representativeNameKana' },
  { source: 'corporationPostalCode' },
  { source: 'corporationAddress' },
  { source: 'corporationPhone' },
  { source: 'credentialsDelivery', enumType: 'CredentialsDelivery' },
  { source: 'credentialsPostalCode' },
  { source: 'credentialsAddress' },
  { source: 'status', enumType: 'OfficeStatus' },
  { source: 'note' },
  { source: 'createdAt', date: true },
];
