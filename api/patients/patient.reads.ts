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

export const consentsById = (ctx: Context) =>
  byId(
    ctx,
    'consentsById',
    `select id, to_json(created_at) as "createdAt", to_json(updated_at) as "updatedAt", version, patient_id as "patientId",
            consent_date::text as "consentDate", signer, proxy_name as "proxyName", proxy_relationship as "proxyRelationship",
            explaining_office_id as "explainingOfficeId", explaining_person_name as "explainingPersonName", covered_office_ids::text[] as "coveredOfficeIds",
            form_attachment_id as "formAttachmentId", to_json(withdrawn_at) as "withdrawnAt", withdrawal_note as "withdrawalNote",
            (select o.name from office o where o.id = c.explaining_office_id) as "explainingOfficeName",
            coalesce((select array_agg(o.name order by o.name_kana) from office o where o.id = any(c.covered_office_ids::uuid[])), '{}') as "coveredOfficeNames"
       from consent c where id = any(?::uuid[])`,
    ({
      patientId,
      explainingOfficeId,
      withdrawnAt,
      ...r
    }: Timestamps<Omit<ConsentView, 'patient' | 'explainingOffice' | 'withdrawnAt'>> & { patientId: string; explainingOfficeId: string; withdrawnAt: string | null }) => ({
      ...withDates(r),
      withdrawnAt: withdrawnAt ? new Date(withdrawnAt) : null,
      patient: { id: patientId },
      explainingOffice: { id: explainingOfficeId },
    }),
  );
