// Form values ↔ the API's ApplicationInput. The forms are shaped like the input
// (`staffAddition.staff.0.name`, `officeRegistration.office.kind`, `idStop.userIds`), so the
// server's field errors land on the right inputs. Only the part for the application's type is
// sent, with the fields the input types declare (read from the schema) and the values of hidden
// inputs dropped.
import type { RaRecord } from 'react-admin';
import { introspectionSchema } from '../graphql/schema';
import { toInput } from '../graphql/inputs';
import { officeTransform } from '../offices/officeTransform';

export type ApplicationPart = 'officeRegistration' | 'staffAddition' | 'idStop';

export const partOf: Record<string, ApplicationPart | undefined> = {
  OFFICE_REGISTRATION: 'officeRegistration',
  STAFF_ADDITION: 'staffAddition',
  ID_STOP: 'idStop',
};

type Row = Record<string, unknown>;

const ictAllowed = (kind: unknown) => kind === 'SERVICE' || kind === 'CARE_MANAGEMENT';

/** A staff row as the roster inputs show it: hidden inputs' values are not sent. */
export function cleanStaffRow(row: Row, officeKind: unknown): Row {
  return {
    ...row,
    jobTypeOther: row.jobType === 'OTHER' ? row.jobTypeOther : null,
    careManagerNumber: row.jobType === 'CARE_MANAGER' ? row.careManagerNumber : null,
    ictLinkage: ictAllowed(officeKind) ? !!row.ictLinkage : false,
    officeAdmin: !!row.officeAdmin,
    email: typeof row.email === 'string' && row.email.trim() === '' ? null : row.email,
  };
}

/** The OfficeRegistrationInput from its form values. */
export function registrationInput(values: Row | undefined): Row {
  const office = officeTransform({ id: '', ...((values?.office as Row) ?? {}) }) as Row;
  delete office.id;
  const staff = ((values?.staff as Row[]) ?? []).map((r) => cleanStaffRow(r, office.kind));
  return toInput(introspectionSchema, 'OfficeRegistrationInput', { ...values, office, staff });
}

/** ApplicationInput for `type` from the form's values (`officeKind`: the office concerned, for staff rows). */
export function applicationInput(type: string, values: RaRecord | Row, officeKind?: unknown): Row {
  const part = partOf[type];
  if (!part) throw new Error(`The panel does not file ${type} applications here`);
  let value: Row = (values[part] as Row) ?? {};
  if (part === 'officeRegistration') value = registrationInput(value);
  if (part === 'staffAddition') value = { staff: ((value.staff as Row[]) ?? []).map((r) => cleanStaffRow(r, officeKind)) };
  if (part === 'idStop') value = { userIds: value.userIds ?? [], stopDate: value.stopDate || null };
  return toInput(introspectionSchema, 'ApplicationInput', { [part]: value });
}

/** The form's values from an application's payload (the resubmit form starts from what was sent). */
export function formValuesFromPayload(type: string, payload: Row): Row {
  const part = partOf[type];
  if (!part) return {};
  if (part === 'idStop') return { idStop: { userIds: payload.userIds ?? [], stopDate: payload.stopDate ?? null } };
  if (part === 'staffAddition') return { staffAddition: { staff: payload.staff ?? [] } };
  return { officeRegistration: { office: payload.office ?? {}, officePledgedOn: payload.officePledgedOn ?? null, staff: payload.staff ?? [] } };
}
