// Accounts: who may issue, activate, reset, stop and see which account (README "Duties").
// The rule behind it (issue 10, separation of duties): no sequence of actions by VENDOR alone
// yields a session that can read patient data. VENDOR issues accounts (login ID, role, office or
// municipality) but never chooses or sees a secret of a CITY or OFFICE account: those are
// activated with a one-time code that only the CITY of the account's municipality prints. VENDOR
// accounts hold no patient data, so a VENDOR may print the code of another VENDOR account.
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { is, type PanelAbilities, type RecordDecision, type RoleDecision } from '../authz/policy.js';
import type { User } from './user.entity.js';
import { Role, UserStatus } from './user.enums.js';

/** What the decisions read of an account (a User entity or a plain row). */
export interface AccountRecord {
  id: string;
  role: Role;
  status: UserStatus;
  municipalityId: string | null;
}

const cityOrVendor: RoleDecision = (v) => is.city(v) || is.vendor(v);
const notSelf: RecordDecision<AccountRecord> = (v, u) => u.id !== v.id;
/** The account belongs to the viewer's municipality (and is not a VENDOR account). */
const ofViewersMunicipality: RecordDecision<AccountRecord> = (v, u) => u.role !== Role.VENDOR && !!v.municipalityId && u.municipalityId === v.municipalityId;

export const userPolicy = {
  /** Which accounts the viewer may see: VENDOR all, CITY its municipality's, office admin the office roster, staff themselves. */
  scope(viewer: Viewer): FilterQuery<User> {
    if (is.vendor(viewer)) return {};
    if (is.city(viewer)) return { municipality: viewer.municipalityId };
    return viewer.officeAdmin ? { office: viewer.officeId } : { id: viewer.id };
  },
  /** The scope lies within one office (an office account's): its search need not look further. */
  withinOneOffice: (viewer: Viewer): boolean => !is.vendor(viewer) && !is.city(viewer),

  /** ID発行: login ID, role and where the account belongs; the account starts PENDING, without any secret. */
  create: is.vendor,

  /** Roster data: VENDOR any account; CITY those of its municipality. */
  mayEdit: cityOrVendor,
  edit: ((v, u) => is.vendor(v) || (is.city(v) && ofViewersMunicipality(v, u))) as RecordDecision<AccountRecord>,

  /** Lift the lockout after failed sign-ins: as edit. */
  mayUnlock: cityOrVendor,
  unlock: ((v, u) => is.vendor(v) || (is.city(v) && ofViewersMunicipality(v, u))) as RecordDecision<AccountRecord>,

  /** ID停止 / 利用再開 (the city asks with an ID-stop form; VENDOR executes). Nobody stops themselves. */
  mayStop: is.vendor,
  stop: ((v, u) => is.vendor(v) && notSelf(v, u)) as RecordDecision<AccountRecord>,
  mayReactivate: is.vendor,
  reactivate: ((v) => is.vendor(v)) as RecordDecision<AccountRecord>,

  /**
   * 認証情報リセット: VENDOR clears password, TOTP and recovery codes and sets the account back
   * to PENDING; it learns nothing that signs in (the new code is printed as for a new account).
   */
  mayResetCredentials: is.vendor,
  resetCredentials: ((v, u) => is.vendor(v) && notSelf(v, u)) as RecordDecision<AccountRecord>,

  /**
   * Print activation codes (the credentials letter): the CITY of the account's municipality for
   * CITY and OFFICE accounts; a VENDOR for another VENDOR account (no patient data behind it).
   * Only PENDING accounts have a code to print.
   */
  mayPrintActivationCodes: cityOrVendor,
  printActivationCode: ((v, u) =>
    u.status === UserStatus.PENDING && ((is.city(v) && ofViewersMunicipality(v, u)) || (is.vendor(v) && u.role === Role.VENDOR && notSelf(v, u)))) as RecordDecision<AccountRecord>,

  /** The letter of a completed account form (issueActivationLetter): the city that reviewed it, never VENDOR. */
  mayPrintApplicationLetter: is.city,
};

/** The account as the decisions read it. */
export const accountOf = (u: { id: string; role: Role; status: UserStatus; municipality?: { id: string } | null }): AccountRecord => ({
  id: u.id,
  role: u.role,
  status: u.status,
  municipalityId: u.municipality?.id ?? null,
});

/** The panel's users resource (admin/users): menus and buttons. Record checks stay in the API. */
export const userAbilities: PanelAbilities = {
  users: {
    list: (v) => is.vendor(v) || is.city(v) || is.officeAdmin(v),
    show: () => true, // office staff: their own account (the API scopes the row)
    create: userPolicy.create,
    edit: userPolicy.mayEdit,
    export: (v) => is.vendor(v) || is.city(v) || is.officeAdmin(v),
    delete: userPolicy.mayStop,
    reactivate: userPolicy.mayReactivate,
    reset_credentials: userPolicy.mayResetCredentials,
    unlock: userPolicy.mayUnlock,
    activation_codes: userPolicy.mayPrintActivationCodes,
    request_stop: is.officeAdmin,
  },
};
