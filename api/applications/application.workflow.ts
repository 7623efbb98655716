// The application state machine: every allowed transition, in one table. Anything not listed
// here is refused. "APPLICANT" is whoever speaks for the applicant: the office admin who filed it,
// or, for forms typed in by the city or filed on the public page, the city itself.
import { ACCOUNT_TYPES, ApplicationAction as A, ApplicationState as S, ApplicationType, ROOM_TYPES } from './application.enums.js';

export type Party = 'APPLICANT' | 'CITY' | 'VENDOR';

export interface Transition {
  action: A;
  from: S;
  to: S;
  by: Party;
  /** a reason the applicant must read */
  commentRequired: boolean;
  /** the application types this row applies to */
  types: readonly ApplicationType[];
}

const ALL = [...ACCOUNT_TYPES, ...ROOM_TYPES];
/** a closing request is confirmed or declined, not corrected */
const CORRECTABLE = ALL.filter((t) => t !== ApplicationType.ROOM_END);

export const TRANSITIONS: readonly Transition[] = [
  { action: A.RETURN, from: S.SUBMITTED, to: S.RETURNED, by: 'CITY', commentRequired: true, types: CORRECTABLE },
  { action: A.REJECT, from: S.SUBMITTED, to: S.REJECTED, by: 'CITY', commentRequired: true, types: ALL },
  { action: A.RESUBMIT, from: S.RETURNED, to: S.SUBMITTED, by: 'APPLICANT', commentRequired: false, types: CORRECTABLE },
  { action: A.WITHDRAW, from: S.SUBMITTED, to: S.WITHDRAWN, by: 'APPLICANT', commentRequired: false, types: ALL },
  { action: A.WITHDRAW, from: S.RETURNED, to: S.WITHDRAWN, by: 'APPLICANT', commentRequired: false, types: CORRECTABLE },
  // accounts: the city approves and forwards, the vendor issues
  { action: A.FORWARD, from: S.SUBMITTED, to: S.FORWARDED, by: 'CITY', commentRequired: false, types: ACCOUNT_TYPES },
  { action: A.COMPLETE, from: S.FORWARDED, to: S.COMPLETED, by: 'VENDOR', commentRequired: false, types: ACCOUNT_TYPES },
  // rooms: the city does it itself
  { action: A.COMPLETE, from: S.SUBMITTED, to: S.COMPLETED, by: 'CITY', commentRequired: false, types: ROOM_TYPES },
];

/** The transition for this action from this state by one of these parties, or undefined. */
export function findTransition(type: ApplicationType, from: S, action: A, parties: readonly Party[]): Transition | undefined {
  return TRANSITIONS.find((t) => t.types.includes(type) && t.from === from && t.action === action && parties.includes(t.by));
}

/** What these parties may do next (the panel's buttons). */
export function allowedActions(type: ApplicationType, from: S, parties: readonly Party[]): A[] {
  return [...new Set(TRANSITIONS.filter((t) => t.types.includes(type) && t.from === from && parties.includes(t.by)).map((t) => t.action))];
}

/** States in which nothing more happens. */
export const FINAL_STATES: readonly S[] = [S.REJECTED, S.COMPLETED, S.WITHDRAWN];
