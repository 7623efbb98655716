import { policyRule } from '../authz/policy.js';
import { reportPolicy } from './report.policy.js';

// Which rows: reportPolicy.scope() in ReportService.
const readsReports = policyRule('reports.read', reportPolicy.read);

export const reportRules = {
  Query: {
    rosterReport: readsReports,
    rosterOffices: readsReports,
    roomsReport: readsReports,
    applicationsReport: readsReports,
    activityReport: readsReports,
    activityMonths: readsReports,
    activityOffices: readsReports,
  },
  RosterReport: { '*': readsReports },
  RosterRow: { '*': readsReports },
  RosterOfficePage: { '*': readsReports },
  RosterOffice: { '*': readsReports },
  RosterCount: { '*': readsReports },
  StatusCount: { '*': readsReports },
  JobTypeCount: { '*': readsReports },
  RoomsReport: { '*': readsReports },
  RoomMonth: { '*': readsReports },
  MembersBucket: { '*': readsReports },
  OfficeRooms: { '*': readsReports },
  ApplicationsReport: { '*': readsReports },
  ApplicationCount: { '*': readsReports },
  StepDuration: { '*': readsReports },
  ActivityRow: { '*': readsReports },
  ActivityMonth: { '*': readsReports },
  ActivityOfficePage: { '*': readsReports },
};
