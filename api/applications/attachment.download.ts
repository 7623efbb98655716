// GET /attachments/:id: a scanned form of an application. A room form's scan is the signed consent
// (様式5): it follows the form's patient-data rule (application.policy.ts), so after the form is
// closed its applicant gets NOT_FOUND like anyone outside the scope, and every download is logged
// with the patient it concerns, before the room exists too.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import { Audit } from '../audit/audit.js';
import { Attachment } from './application.entity.js';
import { applicationPolicy } from './application.policy.js';
import { isRoomForm, patientOfApplication } from './patient-data.js';

/** The file if the viewer may download it (else null: NOT_FOUND), its read logged before it is sent. */
export async function downloadableAttachment(em: EntityManager, viewer: Viewer, id: string, ip: string | null): Promise<Attachment | null> {
  const file = await em.findOne(Attachment, { id, application: applicationPolicy.scope(viewer) }, { populate: ['application'] });
  const app = file?.application.getEntity();
  if (!file || !app || !applicationPolicy.canReadPatientData(viewer, app)) return null;
  if (isRoomForm(app)) {
    const { patientId, roomId } = await patientOfApplication(em, app);
    await new Audit(em, () => viewer, ip).recordRead({
      action: 'attachment.read',
      target: { type: 'Attachment', id },
      municipalityId: app.municipality.id,
      officeId: app.office?.id ?? null,
      patientId,
      roomId,
      detail: { applicationId: app.id },
    });
  }
  await em.populate(file, ['data']);
  return file;
}
