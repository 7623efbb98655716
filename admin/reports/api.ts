// The four reports (reports.graphql) as custom data-provider methods: `dataProvider.rosterReport()`.
import { request } from '../graphql/client';
import { ActivityReportDocument, ApplicationsReportDocument, HomeFiguresDocument, RosterReportDocument, RoomsReportDocument } from '../graphql/generated/graphql';

export const reportMethods = {
  rosterReport: () => request(RosterReportDocument).then((d) => d.rosterReport),
  roomsReport: () => request(RoomsReportDocument).then((d) => d.roomsReport),
  applicationsReport: () => request(ApplicationsReportDocument).then((d) => d.applicationsReport),
  activityReport: () => request(ActivityReportDocument).then((d) => d.activityReport),
  homeFigures: () => request(HomeFiguresDocument),
};
