import { policyRule } from '../authz/policy.js';
import { reportPolicy } from './report.policy.js';

// Which rows: reportPolicy.scope() in ReportService.
const readsReports = policyRule('reports.read', reportPolicy.read);

export const reportRules = {
  Query: { rosterReport: readsReports, roomsReport: readsReports, applicationsReport: readsReports, activityReport: readsReports },
  RosterReport: { '*': readsReports },
  RosterRow: { '*': readsReports },
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
};
