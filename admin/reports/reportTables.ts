// The four reports (rosterReport, roomsReport, applicationsReport, activityReport) as tables:
// the same columns on the page and in the CSV files (UTF-8 with BOM, Japanese headers).
import { downloadCsvWithBom, toCsv } from '../common/csv';
import type { ActivityReportQuery, ApplicationsReportQuery, RoomsReportQuery, RosterExportQuery, RosterOfficesQuery, RosterReportQuery } from '../graphql/generated/graphql';

// The reports' shapes are the generated result types of reports.graphql.
export type RosterReport = RosterReportQuery['rosterReport'];
export type RosterOfficePage = RosterOfficesQuery['rosterOffices'];
/** A row of the roster table: an office's accounts of one job type and status (none for an office without accounts). */
export type RosterRow = Omit<RosterExportQuery['rosterReport']['rows'][number], 'jobType' | 'status'> & Partial<Pick<RosterExportQuery['rosterReport']['rows'][number], 'jobType' | 'status'>>;
export type RoomsReport = RoomsReportQuery['roomsReport'];
export type ApplicationsReport = ApplicationsReportQuery['applicationsReport'];
export type ActivityRow = ActivityReportQuery['activityReport'][number];

type Translate = (key: string, options?: object) => string;

export interface Column<R> {
  /** header: app.reports.col.<key> */
  key: string;
  value: (row: R) => string | number;
  numeric?: boolean;
}

export interface ReportTable<R> {
  /** file name part and heading: app.reports.<id> */
  id: string;
  columns: Column<R>[];
  rows: R[];
}

const num = (n: number) => Math.round(n * 10) / 10;

/** A page of offices as roster rows: a row per job type and status, one with no count for an office without accounts. */
export function rosterPageRows(page: RosterOfficePage): RosterRow[] {
  return page.items.flatMap(({ counts, ...office }) => (counts.length === 0 ? [{ ...office, count: 0 }] : counts.map((c) => ({ ...office, jobType: c.jobType, status: c.status, count: c.count }))));
}

export function rosterTable(rows: RosterRow[], t: Translate): ReportTable<RosterRow> {
  return {
    id: 'roster',
    rows,
    columns: [
      { key: 'municipality', value: (x) => x.municipalityName },
      { key: 'office', value: (x) => x.officeName ?? t('app.reports.no_office') },
      { key: 'office_kind', value: (x) => (x.officeKind ? t(`enums.OfficeKind.${x.officeKind}`) : '') },
      { key: 'job_type', value: (x) => (x.jobType ? t(`enums.JobType.${x.jobType}`) : '') },
      { key: 'status', value: (x) => (x.status ? t(`enums.UserStatus.${x.status}`) : '') },
      { key: 'count', value: (x) => x.count, numeric: true },
    ],
  };
}

export function roomMonthsTable(r: RoomsReport): ReportTable<RoomsReport['months'][number]> {
  return {
    id: 'months',
    rows: r.months,
    columns: [
      { key: 'month', value: (x) => x.month },
      { key: 'opened', value: (x) => x.opened, numeric: true },
      { key: 'closed', value: (x) => x.closed, numeric: true },
      { key: 'open_at_end', value: (x) => x.openAtEnd, numeric: true },
    ],
  };
}

export function membersTable(r: RoomsReport): ReportTable<RoomsReport['membersPerRoom'][number]> {
  return {
    id: 'members_per_room',
    rows: r.membersPerRoom,
    columns: [
      { key: 'members', value: (x) => x.members, numeric: true },
      { key: 'rooms', value: (x) => x.rooms, numeric: true },
    ],
  };
}

export function roomsPerOfficeTable(r: RoomsReport): ReportTable<RoomsReport['roomsPerOffice'][number]> {
  return {
    id: 'rooms_per_office',
    rows: r.roomsPerOffice,
    columns: [
      { key: 'office', value: (x) => x.officeName },
      { key: 'rooms', value: (x) => x.rooms, numeric: true },
    ],
  };
}

export function applicationCountsTable(r: ApplicationsReport, t: Translate): ReportTable<ApplicationsReport['counts'][number]> {
  return {
    id: 'applications',
    rows: r.counts,
    columns: [
      { key: 'type', value: (x) => t(`enums.ApplicationType.${x.type}`) },
      { key: 'state', value: (x) => t(`enums.ApplicationState.${x.state}`) },
      { key: 'applications', value: (x) => x.count, numeric: true },
    ],
  };
}

export function durationsTable(r: ApplicationsReport, t: Translate): ReportTable<ApplicationsReport['durations'][number]> {
  return {
    id: 'durations',
    rows: r.durations,
    columns: [
      { key: 'type', value: (x) => t(`enums.ApplicationType.${x.type}`) },
      { key: 'step', value: (x) => t(`app.reports.step.${x.step}`, { _: x.step }) },
      { key: 'applications', value: (x) => x.count, numeric: true },
      { key: 'median_days', value: (x) => num(x.medianDays), numeric: true },
      { key: 'p90_days', value: (x) => num(x.p90Days), numeric: true },
    ],
  };
}

export function activityTable(rows: ActivityRow[]): ReportTable<ActivityRow> {
  return {
    id: 'activity',
    rows,
    columns: [
      { key: 'month', value: (x) => x.month },
      { key: 'office', value: (x) => x.officeName },
      { key: 'posts', value: (x) => x.posts, numeric: true },
      { key: 'care_reports', value: (x) => x.careReports, numeric: true },
    ],
  };
}

/** The table as a CSV file: 集計_<name>_<date>.csv */
export function downloadTable<R>(table: ReportTable<R>, t: Translate): void {
  const headers = table.columns.map((c) => t(`app.reports.col.${c.key}`));
  const rows = table.rows.map((row) => table.columns.map((c) => c.value(row)));
  const name = `${t('app.reports.title')}_${t(`app.reports.${table.id}`)}`;
  downloadCsvWithBom(toCsv(headers, rows), t('app.reports.file', { name, date: new Date().toLocaleDateString('sv-SE') }));
}
