// Names for the audit trail's rows: who or what an event was about, as the reader knows it
// (利用者 水戸 花子, not Patient 115f479f). One statement per page, which also writes the page's access-log rows. Patients' names (and rooms',
// which are usually the patient's) go only to the city of their municipality, and showing them is
// itself a read of patient data: each patient named on the page goes on the access log.
import type { Context } from '../context.js';
import { is } from '../authz/policy.js';
import { receiptNumber } from '../applications/patient-data.js';
import type { AuditEvent } from './audit-event.entity.js';
import { sqlRows } from '../db/rows.js';
import { READ_LOG_COLUMN } from './audit.js';

export interface AuditNames {
  targetName: string | null;
  patientName: string | null;
}

const names = new WeakMap<AuditEvent, AuditNames>();

/** The names found for this event by nameEvents (null when there is none the viewer may see). */
export const namesOf = (event: AuditEvent): AuditNames => names.get(event) ?? { targetName: null, patientName: null };

/** A uuid[] literal: the query builder would spread a JS array into a list of parameters. */
const uuids = (ids: Iterable<string>) => `{${[...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`;

export async function nameEvents(ctx: Context, events: AuditEvent[]): Promise<void> {
  if (!events.length || !ctx.viewer) return;
  const viewer = ctx.viewer;
  const idsOf = (type: string) => events.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId!);
  const city = is.city(viewer);
  // patient-bearing names: the city's own municipality only
  const patientIds = city ? [...idsOf('Patient'), ...events.filter((e) => e.patientId).map((e) => e.patientId!)] : [];
  const scope = city ? viewer.municipalityId : null;
  const found = `select 'User' as t, id::text as id, name || ' (' || login_id || ')' as name, null as patient_id from app_user
       where id = any(?::uuid[]) and (?::uuid is null or municipality_id = ?::uuid)
     union all select 'Office', id::text, name, null from office where id = any(?::uuid[]) and (?::uuid is null or municipality_id = ?::uuid)
     union all select 'Municipality', id::text, name, null from municipality where id = any(?::uuid[])
     union all select 'Room', r.id::text, r.name, r.patient_id::text from room r where r.id = any(?::uuid[]) and r.municipality_id = ?::uuid
     union all select 'Patient', p.id::text, p.name, p.id::text from patient p where p.id = any(?::uuid[]) and p.municipality_id = ?::uuid
     union all select 'Consent', c.id::text, p.name, p.id::text from consent c join patient p on p.id = c.patient_id where c.id = any(?::uuid[]) and p.municipality_id = ?::uuid`;
  // every patient the page names, on the access log by the same statement (Audit#readLogInsert):
  // one round trip, and the names are not sent without their log rows
  const log = ctx.audit.readLogInsert('shown', { action: 'audit.list', targetType: 'Patient' });
  const shown = `select distinct patient_id::uuid as ${READ_LOG_COLUMN('targetId')}, patient_id::uuid as ${READ_LOG_COLUMN('patientId')},
                        null::uuid as ${READ_LOG_COLUMN('roomId')}, null::uuid as ${READ_LOG_COLUMN('municipalityId')} from found where patient_id is not null`;
  // a prepared statement with its values as parameters (api/db/rows.ts), not MikroORM's inlined text
  const rows = await sqlRows<{ t: string; id: string; name: string; patient_id: string | null }>(
    ctx.em,
    `with found as (${found}), shown as (${shown}), logged as (${log.sql}) select t, id, name, patient_id from found`,
    [
      uuids(idsOf('User')),
      scope,
      scope,
      uuids(idsOf('Office')),
      scope,
      scope,
      uuids(idsOf('Municipality')),
      uuids(city ? idsOf('Room') : []),
      scope,
      uuids(patientIds),
      scope,
      uuids(city ? idsOf('Consent') : []),
      scope,
      ...log.params,
    ],
  ).catch((e: unknown) => {
    ctx.audit.readLogFailed(e);
    throw e;
  });
  const byKey = new Map(rows.map((r) => [`${r.t}:${r.id}`, r]));
  for (const e of events) {
    const target = e.targetType && e.targetId ? byKey.get(`${e.targetType}:${e.targetId}`) : undefined;
    const patient = e.patientId ? byKey.get(`Patient:${e.patientId}`) : undefined;
    const targetName = e.targetType === 'Application' && e.targetId ? `受付番号 ${receiptNumber(e.targetId)}` : (target?.name ?? null);
    names.set(e, { targetName, patientName: patient?.name ?? null });
  }
}
