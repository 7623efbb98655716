// The account CSV (職員名簿): the roster fields, the office and the state of the account.
import type { ExportColumn } from '../common/useCsvExporter';

export const userExportColumns: ExportColumn[] = [
  { source: 'municipality.name', label: 'resources.users.fields.municipality' },
  { source: 'office.name', label: 'resources.users.fields.office' },
  { source: 'loginId' },
  { source: 'name' },
  { source: 'nameKana' },
  { source: 'role', enumType: 'Role' },
  { source: 'jobType', enumType: 'JobType' },
  { source: 'jobTypeOther' },
  { source: 'careManagerNumber' },
  { source: 'ictLinkage' },
  { source: 'email' },
  { source: 'officeAdmin' },
  { source: 'status', enumType: 'UserStatus' },
  { source: 'stopDate' },
  { source: 'twoFactorEnabled' },
  { source: 'lastSignInAt', date: true },
  { source: 'createdAt', date: true },
];
