// The four reports (reports.graphql) as custom data-provider methods: `dataProvider.rosterReport()`.
// The tables by office come a page at a time; the *Report / *Export reads are the whole tables (CSV).
import { request } from '../graphql/client';
import {
  ActivityMonthsDocument,
  ActivityOfficesDocument,
  ActivityReportDocument,
  ApplicationsReportDocument,
  HomeFiguresDocument,
  RosterExportDocument,
  RosterOfficesDocument,
  RosterReportDocument,
  RoomsReportDocument,
} from '../graphql/generated/graphql';

export const reportMethods = {
  rosterReport: () => request(RosterReportDocument).then((d) => d.rosterReport),
  rosterOffices: (page: { page: number; perPage: number }) => request(RosterOfficesDocument, { page }).then((d) => d.rosterOffices),
  rosterExport: () => request(RosterExportDocument).then((d) => d.rosterReport.rows),
  roomsReport: () => request(RoomsReportDocument).then((d) => d.roomsReport),
  applicationsReport: () => request(ApplicationsReportDocument).then((d) => d.applicationsReport),
  activityReport: () => request(ActivityReportDocument).then((d) => d.activityReport),
  activityMonths: () => request(ActivityMonthsDocument).then((d) => d.activityMonths),
  activityOffices: (month: string, page: { page: number; perPage: number }) => request(ActivityOfficesDocument, { month, page }).then((d) => d.activityOffices),
  homeFigures: () => request(HomeFiguresDocument),
};
