import { or } from 'graphql-shield';
import { isCityOrVendor, isOfficeAdmin } from '../authz/rules.js';

// Scoped in ReportService: CITY its municipality, VENDOR all (counts only), office admin its office.
const readsReports = or(isCityOrVendor, isOfficeAdmin);

export const reportRules = {
  Query: { rosterReport: readsReports, roomsReport: readsReports, applicationsReport: readsReports, activityReport: readsReports },
  RosterReport: { '*': readsReports },
  RosterRow: { '*': readsReports },
  StatusCount: { '*': readsReports },
  RoomsReport: { '*': readsReports },
  RoomMonth: { '*': readsReports },
  MembersBucket: { '*': readsReports },
  OfficeRooms: { '*': readsReports },
  ApplicationsReport: { '*': readsReports },
  ApplicationCount: { '*': readsReports },
  StepDuration: { '*': readsReports },
  ActivityRow: { '*': readsReports },
};
