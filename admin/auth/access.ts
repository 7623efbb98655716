// Who may do what in the panel, the same table the API enforces (api/*/*.rules.ts and the
// services' scopes). react-admin asks it through authProvider.canAccess: menus, buttons and
// pages appear only for roles that may use them.
import type { Me } from './authApi';

type Rule = (me: Me, record?: Record<string, unknown>) => boolean;

const vendor: Rule = (me) => me.role === 'VENDOR';
const city: Rule = (me) => me.role === 'CITY';
const officeAdmin: Rule = (me) => me.role === 'OFFICE' && me.officeAdmin;
const any =
  (...rules: Rule[]): Rule =>
  (me, record) =>
    rules.some((r) => r(me, record));
const notSelf: Rule = (me, record) => !record || record.id !== me.id;
const all =
  (...rules: Rule[]): Rule =>
  (me, record) =>
    rules.every((r) => r(me, record));
/** An OFFICE account sees its own office; without a record, the page itself. */
const ownOffice: Rule = (me, record) => me.role === 'OFFICE' && (!record || record.id === me.office?.id);
/** Office staff see their own account. */
const ownAccount: Rule = (me, record) => me.role === 'OFFICE' && (!record || record.id === me.id);
/** Any OFFICE account (staff see the applications they filed themselves). */
const officeUser: Rule = (me) => me.role === 'OFFICE';

const rules: Record<string, Record<string, Rule>> = {
  municipalities: {
    list: vendor,
    show: vendor,
    create: vendor,
    edit: vendor,
    export: vendor,
  },
  // patient rooms (admin/rooms): the city's rooms of its municipality, office staff's own rooms; VENDOR none
  rooms: {
    list: any(city, (me) => me.role === 'OFFICE'),
    show: any(city, (me) => me.role === 'OFFICE'),
    request: (me) => me.role === 'OFFICE', // 様式6 + 様式5 (submitApplication ROOM_CREATION)
    create_from_application: city,
  },
  offices: {
    list: any(vendor, city),
    show: any(vendor, city, ownOffice),
    create: any(vendor, city),
    edit: any(vendor, city),
    export: any(vendor, city),
    delete: vendor, // 利用停止 (deactivateOffice)
    reactivate: vendor,
  },
  users: {
    list: any(vendor, city, officeAdmin), // an office admin: the roster of the office
    show: any(vendor, city, officeAdmin, ownAccount),
    create: vendor,
    edit: any(vendor, city),
    export: any(vendor, city, officeAdmin),
    delete: all(vendor, notSelf), // ID停止 (stopUser)
    reactivate: vendor,
    reset_credentials: all(vendor, notSelf),
    unlock: any(vendor, city),
    request_stop: officeAdmin, // ID停止の申請 from the roster (submitApplication ID_STOP)
  },
  // the account lifecycle (api/applications): which buttons a record shows is its allowedActions
  applications: {
    list: any(vendor, city, officeUser),
    show: any(vendor, city, officeUser),
    create: any(city, officeAdmin), // account forms: the city types in paper forms; an office admin files its own
    edit: any(city, officeUser), // RESUBMIT of a returned application
    activation_letter: any(vendor, city),
  },
  notifications: { list: any(vendor, city) },
  auditEvents: { list: any(vendor, city), export: any(vendor, city) },
  reports: { list: any(vendor, city, officeAdmin) },
  apiTokens: { list: any(vendor, city), create: any(vendor, city), delete: any(vendor, city) },
};

export function canAccess(me: Me, resource: string, action: string, record?: Record<string, unknown>): boolean {
  const rule = rules[resource]?.[action];
  return rule ? rule(me, record) : false;
}
