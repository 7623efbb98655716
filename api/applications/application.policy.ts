// Applications (申請): who may file, review, see and act on which form, and who may read the
// patient data a room form carries. The state machine's table (application.workflow.ts) says which
// party may take which step; this file says which parties a viewer speaks for.
//
// Patient data in room forms follows the room's rules (issue 10): the city of the municipality
// always reads it; the applicant reads it only while the form is open (SUBMITTED / RETURNED: it is
// still theirs to correct); after that only through the room, by its live members. Account forms
// carry no patient data.
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { anyOf, is, type PanelAbilities, type RecordDecision, type RoleDecision } from '../authz/policy.js';
import { ApplicationChannel, type Application } from './application.entity.js';
import { ACCOUNT_TYPES, ApplicationState, ApplicationType, ROOM_TYPES } from './application.enums.js';
import type { Party } from './application.workflow.js';
import { userPolicy } from '../users/user.policy.js';

/** The states in which a room form is still its applicant's to read and correct. */
export const OPEN_STATES: readonly ApplicationState[] = [ApplicationState.SUBMITTED, ApplicationState.RETURNED];

/** What the decisions read of an application (an entity, or a row with these fields). */
export interface ApplicationRecord {
  type: ApplicationType;
  state: ApplicationState;
  channel: ApplicationChannel;
  municipality: { id: string };
  office?: { id: string } | null;
  applicant?: { id: string } | null;
}

const isRoomForm = (a: Pick<ApplicationRecord, 'type'>) => ROOM_TYPES.includes(a.type);

/** The parties of the state machine this viewer speaks for, on this application. */
function parties(viewer: Viewer, app: ApplicationRecord): Party[] {
  if (is.vendor(viewer)) return ['VENDOR'];
  if (is.city(viewer) && app.municipality.id === viewer.municipalityId) {
    // paper forms and public-page forms have no online applicant: the city speaks for them
    return app.channel === ApplicationChannel.OFFICE ? ['CITY'] : ['CITY', 'APPLICANT'];
  }
  if (is.office(viewer) && app.channel === ApplicationChannel.OFFICE) {
    if (app.applicant?.id === viewer.id) return ['APPLICANT'];
    // an office admin speaks for the office's account forms, whoever of its admins filed them
    if (viewer.officeAdmin && app.office?.id === viewer.officeId && ACCOUNT_TYPES.includes(app.type)) return ['APPLICANT'];
  }
  return [];
}

/**
 * May the viewer read the patient data of this application (a room form's payload, summary,
 * scanned consent, the comments in its history)? Always true for account forms, which carry none;
 * the row itself is scoped by `scope`.
 */
const canReadPatientData: RecordDecision<ApplicationRecord> = (viewer, app) => {
  if (!isRoomForm(app)) return true;
  if (is.city(viewer)) return app.municipality.id === viewer.municipalityId;
  if (is.office(viewer)) return app.applicant?.id === viewer.id && OPEN_STATES.includes(app.state);
  return false; // VENDOR never (and never sees a room form anyway)
};

const reviews: RoleDecision = is.city;

export const applicationPolicy = {
  /**
   * Which applications the viewer may see (the row, not necessarily its patient data): CITY its
   * municipality's; VENDOR the account forms forwarded to it (and done); office staff their own
   * room forms; an office admin also its office's account forms.
   */
  scope(viewer: Viewer): FilterQuery<Application> {
    if (is.vendor(viewer)) return { type: { $in: [...ACCOUNT_TYPES] }, state: { $in: [ApplicationState.FORWARDED, ApplicationState.COMPLETED] } };
    if (is.city(viewer)) return { municipality: viewer.municipalityId };
    if (is.officeAdmin(viewer)) return { $or: [{ office: viewer.officeId, type: { $in: [...ACCOUNT_TYPES] } }, { applicant: viewer.id }] };
    if (is.office(viewer)) return { applicant: viewer.id };
    return { id: null };
  },

  /** Rows of `scope` whose patient data the viewer may read (searching the summary goes only there). */
  patientDataScope(viewer: Viewer): FilterQuery<Application> {
    if (is.city(viewer)) return {};
    if (is.office(viewer)) return { $or: [{ type: { $in: [...ACCOUNT_TYPES] } }, { applicant: viewer.id, state: { $in: [...OPEN_STATES] } }] };
    return { type: { $in: [...ACCOUNT_TYPES] } };
  },

  parties,
  canReadPatientData,

  /** Lists, details and the dashboard's counts (rows scoped by `scope`). */
  read: anyOf(is.city, is.vendor, is.office),

  /** Filing forms: office users (what each may file: `submitType`) and the city typing in paper forms. */
  submit: anyOf(is.city, is.office),
  submitType: ((viewer, type) => {
    switch (type) {
      case ApplicationType.OFFICE_REGISTRATION:
        return is.city(viewer); // a new office comes through the city (paper form) or the public page
      case ApplicationType.STAFF_ADDITION:
      case ApplicationType.ID_STOP:
        return is.city(viewer) || is.officeAdmin(viewer);
      case ApplicationType.ROOM_CREATION:
        return is.city(viewer) || is.office(viewer);
      case ApplicationType.ROOM_JOIN:
        return is.office(viewer); // a member of the room asks for a colleague
      case ApplicationType.ROOM_END:
        return false; // posted in the room (requestRoomClosing)
    }
  }) as RecordDecision<ApplicationType>,
  /** An office admin files for its own office only. */
  submitForOffice: ((viewer, officeId) => is.city(viewer) || (is.officeAdmin(viewer) && officeId === viewer.officeId)) as RecordDecision<string | null>,

  /** Correcting and withdrawing: the applicant side (checked per record against the transition table). */
  actAsApplicant: anyOf(is.city, is.office),
  /** Scanned forms added later: the applicant side or the city. */
  attach: anyOf(is.city, is.office),
  attachTo: ((viewer, app) => parties(viewer, app).some((p) => p === 'APPLICANT' || p === 'CITY')) as RecordDecision<ApplicationRecord>,

  /** The city's review: return, reject, forward, create the room. */
  review: reviews,
  /** Completing: VENDOR the account forms, the city the room forms (the transition table decides which). */
  complete: anyOf(is.city, is.vendor),
  /** The credentials letter of a completed account form: the accounts policy decides (separation of duties). */
  issueActivationLetter: userPolicy.mayPrintApplicationLetter,
};

/**
 * The panel's applications resource (admin/applications): menus and buttons. What one record
 * allows is its allowedActions (and whether its patient data shows is decided here, server-side).
 */
export const applicationAbilities: PanelAbilities = {
  applications: {
    list: applicationPolicy.read,
    show: applicationPolicy.read,
    /** the account forms' page: the city types in paper forms; an office admin files its own */
    create: anyOf(is.city, is.officeAdmin),
    /** RESUBMIT of a returned application */
    edit: applicationPolicy.actAsApplicant,
    activation_letter: applicationPolicy.issueActivationLetter,
    review: applicationPolicy.review,
  },
};
