// Patients and consents as reads show them: plain rows, one statement for all the rooms of a
// request, no entity. Who may read them, and the access-log row, stay with the caller
// (rooms/room.service.ts reads them through roomToRead and logs each read).
import DataLoader from 'dataloader';
import type { Context } from '../context.js';
import { sqlArray, sqlRows } from '../db/rows.js';
import { perRequest } from '../common/per-request.js';
import type { Consent } from './consent.entity.js';
import type { Patient } from './patient.entity.js';

export type PatientView = Pick<Patient, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'name' | 'nameKana' | 'sex' | 'birthDate' | 'postalCode' | 'address' | 'phone' | 'careLevel' | 'insuredNumber'>;

/** Consent's fields with its office and patient as ids shaped like the entity's references (ConsentResolver reads either). */
export type ConsentView = Pick<
  Consent,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'consentDate'
  | 'signer'
  | 'proxyName'
  | 'proxyRelationship'
  | 'explainingPersonName'
  | 'coveredOfficeIds'
  | 'formAttachmentId'
  | 'withdrawnAt'
  | 'withdrawalNote'
> & {
  patient: { id: string };
  explainingOffice: { id: string };
  /** read with the row (ConsentResolver's fields, without a statement of their own) */
  explainingOfficeName: string;
  coveredOfficeNames: string[];
};

type Timestamps<T> = Omit<T, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
const withDates = <T extends { createdAt: string; updatedAt: string }>(r: T) => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) });

function byId<T extends { id: string }, R>(ctx: Context, key: string, sql: string, map: (row: R) => T) {
  return perRequest(
    ctx,
    key,
    () =>
      new DataLoader<string, T>(async (ids) => {
        const rows = await sqlRows<R>(ctx.em, sql, [sqlArray(ids)]);
        const found = new Map(rows.map((r) => map(r)).map((v) => [v.id, v]));
        return ids.map((id) => found.get(id) ?? new Error(`no ${key} ${id}`));
      }),
  );
}

export const patientsById = (ctx: Context) =>
  byId(
    ctx,
    'patientsById',
    `select id, to_json(created_at) as "createdAt", to_json(updated_at) as "updatedAt", version, name, name_kana as "nameKana", sex,
            birth_date::text as "birthDate", postal_code as "postalCode", address, phone, care_level as "careLevel", insured_number as "insuredNumber"
       from patient where id = any(?::uuid[])`,
    (r: Timestamps<PatientView>) => withDates(r),
  );

/** A consent's fields as (alias key, SQL over `c`) pairs: the columns of consentsById and the JSON of consentJson. */
const consentFields: [string, string][] = [
  ['id', 'c.id'],
  ['createdAt', 'c.created_at'],
  ['updatedAt', 'c.updated_at'],
  ['version', 'c.version'],
  ['patientId', 'c.patient_id'],
  ['consentDate', 'c.consent_date::text'],
  ['signer', 'c.signer'],
  ['proxyName', 'c.proxy_name'],
  ['proxyRelationship', 'c.proxy_relationship'],
  ['explainingOfficeId', 'c.explaining_office_id'],
  ['explainingPersonName', 'c.explaining_person_name'],
  ['coveredOfficeIds', 'c.covered_office_ids::text[]'],
  ['formAttachmentId', 'c.form_attachment_id'],
  ['withdrawnAt', 'c.withdrawn_at'],
  ['withdrawalNote', 'c.withdrawal_note'],
  ['explainingOfficeName', '(select o.name from office o where o.id = c.explaining_office_id)'],
  ['coveredOfficeNames', "coalesce((select array_agg(o.name order by o.name_kana) from office o where o.id = any(c.covered_office_ids::uuid[])), '{}')"],
];
const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'withdrawnAt']);

type ConsentRow = Timestamps<Omit<ConsentView, 'patient' | 'explainingOffice' | 'withdrawnAt'>> & { patientId: string; explainingOfficeId: string; withdrawnAt: string | null };

/** A consent row (or its JSON) as reads show it. */
export const consentView = ({ patientId, explainingOfficeId, withdrawnAt, ...r }: ConsentRow): ConsentView => ({
  ...withDates(r),
  withdrawnAt: withdrawnAt ? new Date(withdrawnAt) : null,
  patient: { id: patientId },
  explainingOffice: { id: explainingOfficeId },
});

/**
 * The consent of the room aliased `room` as one JSON object (for a room's detail read, in the
 * room's own statement); consentView turns it into what consentsById gives.
 */
export const consentJson = (room: string) => `(select json_build_object(${consentFields.map(([k, sql]) => `'${k}', ${sql}`).join(', ')}) from consent c where c.id = ${room}.consent_id)`;

export const consentsById = (ctx: Context) =>
  byId(
    ctx,
    'consentsById',
    `select ${consentFields.map(([k, sql]) => `${TIMESTAMPS.has(k) ? `to_json(${sql})` : sql} as "${k}"`).join(', ')}
       from consent c where id = any(?::uuid[])`,
    consentView,
  );
