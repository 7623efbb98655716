// GET /forms/applications/:id/<form>.pdf: the paper form of an application, filled from it, to
// print, sign or seal, scan and attach to the same application. The same people who read the
// application's fields get its forms (application.policy.ts: the row's scope, and for a room
// form its patient-data rule), and every print is on the audit trail, with the patient when the
// form names one.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import { Audit } from '../audit/audit.js';
import { todayInTokyo } from '../common/dates.js';
import { Application } from '../applications/application.entity.js';
import { ApplicationType } from '../applications/application.enums.js';
import { applicationPolicy } from '../applications/application.policy.js';
import type { IdStopPayload, RegistrationPayload, StaffAdditionPayload } from '../applications/application.payload.js';
import { isRoomForm, patientOfApplication, receiptNumber } from '../applications/patient-data.js';
import type { OfficeInput } from '../offices/office.inputs.js';
import { Office } from '../offices/office.entity.js';
import type { RoomCreationPayload } from '../rooms/room.applications.js';
import { User } from '../users/user.entity.js';
import { consentPdf, idStopPdf, type Issuer, registrationPdf, roomRequestPdf, type RoomForms } from './forms.js';
import { jobLabel } from './labels.js';

/** The forms, by the name in the URL, with the file name they download as. */
export const FORMS = {
  consent: { file: '様式5_情報共有同意書', types: [ApplicationType.ROOM_CREATION] },
  'room-request': { file: '様式6_部屋作成依頼書', types: [ApplicationType.ROOM_CREATION] },
  'id-stop': { file: '様式3_ID停止依頼書', types: [ApplicationType.ID_STOP] },
  registration: { file: '様式1-2_2-2B_2-2C_4-1_利用登録依頼書', types: [ApplicationType.OFFICE_REGISTRATION, ApplicationType.STAFF_ADDITION] },
} as const satisfies Record<string, { file: string; types: readonly ApplicationType[] }>;
export type FormName = keyof typeof FORMS;

const issuerOf = (app: Application): Issuer => {
  const m = app.municipality.getEntity();
  return { name: m.name, contactName: m.contactName ?? null, contactEmail: m.contactEmail ?? null };
};

async function roomForms(em: EntityManager, app: Application): Promise<RoomForms> {
  const p = app.payload as unknown as RoomCreationPayload;
  const officeIds = [...new Set([p.consent.explainingOfficeId, ...p.consent.coveredOfficeIds])];
  const offices = new Map((await em.find(Office, { id: { $in: officeIds } })).map((o) => [o.id, o]));
  const users = new Map((await em.find(User, { id: { $in: p.members.map((m) => m.userId) } }, { populate: ['office'] })).map((u) => [u.id, u]));
  const applicant = app.applicant?.getEntity() ?? null;
  const office = app.office?.getEntity() ?? (applicant?.office ? await em.findOne(Office, { id: applicant.office.id }) : null);
  const explaining = offices.get(p.consent.explainingOfficeId);
  return {
    city: issuerOf(app),
    receipt: receiptNumber(app.id),
    date: todayInTokyo(app.submittedAt),
    patient: p.patient,
    consent: p.consent,
    explainingOffice: { name: explaining?.name ?? '', representativeName: explaining?.representativeName ?? '' },
    coveredOffices: p.consent.coveredOfficeIds.map((id) => offices.get(id)?.name ?? ''),
    applicant: { officeName: office?.name ?? '', representativeName: office?.representativeName ?? '', phone: office?.phone ?? '', personName: applicant?.name ?? app.applicantName },
    members: p.members.map((m) => {
      const u = users.get(m.userId);
      return { officeName: u?.office?.getEntity().name ?? '', name: u?.name ?? '', job: u ? u.jobTypeOther || jobLabel[u.jobType] : '' };
    }),
    note: p.note ?? null,
  };
}

async function render(em: EntityManager, app: Application, form: FormName): Promise<Buffer> {
  const common = { city: issuerOf(app), receipt: receiptNumber(app.id), date: todayInTokyo(app.submittedAt) };
  switch (form) {
    case 'consent':
      return consentPdf(await roomForms(em, app));
    case 'room-request':
      return roomRequestPdf(await roomForms(em, app));
    case 'id-stop': {
      const p = app.payload as unknown as IdStopPayload;
      const users = await em.find(User, { id: { $in: p.userIds } }, { populate: ['office'], orderBy: { nameKana: 'asc' } });
      return idStopPdf({
        ...common,
        office: app.office!.getEntity() as OfficeInput,
        stopDate: p.stopDate,
        users: users.map((u) => ({
          name: u.name,
          nameKana: u.nameKana,
          jobType: u.jobType,
          jobTypeOther: u.jobTypeOther ?? null,
          officeName: u.office?.getEntity().name ?? '',
          officeNumber: u.office?.getEntity().officeNumber ?? null,
        })),
      });
    }
    case 'registration': {
      if (app.type === ApplicationType.OFFICE_REGISTRATION) {
        const p = app.payload as unknown as RegistrationPayload;
        return registrationPdf({ ...common, office: p.office as OfficeInput, officePledgedOn: p.officePledgedOn, staff: p.staff });
      }
      // a staff addition: the registered office's data, the new people and their pledges
      const p = app.payload as unknown as StaffAdditionPayload;
      return registrationPdf({ ...common, office: app.office!.getEntity() as OfficeInput, officePledgedOn: null, staff: p.staff });
    }
  }
}

/** The filled form if the viewer may read this application's fields (else null: NOT_FOUND), its print logged first. */
export async function printableForm(em: EntityManager, viewer: Viewer, id: string, form: FormName, ip: string | null): Promise<{ contentType: string; filename: string; data: Buffer } | null> {
  const app = await em.findOne(Application, { $and: [{ id }, applicationPolicy.scope(viewer)] }, { populate: ['municipality', 'office', 'applicant'] });
  if (!app || !applicationPolicy.canReadPatientData(viewer, app)) return null;
  if (!(FORMS[form].types as readonly ApplicationType[]).includes(app.type)) return null;
  const { patientId, roomId } = isRoomForm(app) ? await patientOfApplication(em, app) : { patientId: null, roomId: null };
  await new Audit(em, () => viewer, ip).recordRead({
    action: 'form.print',
    target: { type: 'Application', id: app.id },
    municipalityId: app.municipality.id,
    officeId: app.office?.id ?? null,
    patientId,
    roomId,
    detail: { form },
  });
  const data = await render(em, app, form);
  return { contentType: 'application/pdf', filename: `${FORMS[form].file}_${receiptNumber(app.id)}.pdf`, data };
}
