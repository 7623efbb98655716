// GET /fhir/Room/<id>/$export: one room as a FHIR R4 Bundle (type collection), as its caller may see
// it. Who may is the room's rule (rooms/room.access.ts: the city of the room's municipality and the
// room's live members, NOT_FOUND for anyone else); the scanned consent form is listed only for
// callers the form's own rule lets download it (applications/application.policy.ts). The export is
// a read of patient data: its audit row names the patient and is written in the same transaction.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import { Audit } from '../audit/audit.js';
import { readableRoom } from '../rooms/room.access.js';
import { Room, RoomMember } from '../rooms/room.entity.js';
import { Patient } from '../patients/patient.entity.js';
import { Consent } from '../patients/consent.entity.js';
import { Post, PostAttachment, PostRevision } from '../posts/post.entity.js';
import { Office } from '../offices/office.entity.js';
import { User } from '../users/user.entity.js';
import { Attachment } from '../applications/application.entity.js';
import { applicationPolicy } from '../applications/application.policy.js';
import { fhirPolicy } from './fhir.policy.js';
import { authorize } from '../authz/policy.js';
import {
  careTeamResource,
  communicationResource,
  consentResource,
  documentReferenceResource,
  type FhirResource,
  observationResources,
  organizationResource,
  patientResource,
  practitionerResource,
  provenanceResource,
  proxyResource,
} from './resources.js';

/**
 * Every resource of one room the viewer may read (the caller has checked the room with
 * readableRoom or the municipality's scope). `baseUrl` prefixes the download links.
 */
export async function roomResources(em: EntityManager, viewer: Viewer, room: Room, baseUrl: string): Promise<FhirResource[]> {
  // One after another: inside the export's transaction they share one connection, where pg runs
  // a single statement at a time anyway (and pg 9 refuses overlapping ones).
  const patient = await em.findOneOrFail(Patient, { id: room.patient.id }, { populate: ['municipality'] });
  const consent = await em.findOneOrFail(Consent, { id: room.consent.id });
  const members = await em.find(RoomMember, { room: room.id }, { orderBy: { fromDate: 'asc', createdAt: 'asc' } });
  const posts = await em.find(Post, { room: room.id }, { orderBy: { createdAt: 'asc' } });
  const postIds = posts.map((p) => p.id);
  const revisions = await em.find(PostRevision, { post: { $in: posts.filter((p) => p.editedAt).map((p) => p.id) } }, { orderBy: { replacedAt: 'asc' } });
  const files = await em.find(PostAttachment, { post: { $in: postIds } }, { orderBy: { createdAt: 'asc' } });
  const form = consent.formAttachmentId ? await readableForm(em, viewer, consent.formAttachmentId) : null;
  const userIds = [...new Set([...members.map((m) => m.user.id), ...posts.map((p) => p.author.id)])];
  const users = await em.find(User, { id: { $in: userIds } }, { fields: ['name', 'nameKana', 'jobType', 'jobTypeOther', 'office'] });
  const officeIds = [...new Set([consent.explainingOffice.id, ...consent.coveredOfficeIds, ...users.map((u) => u.office?.id).filter((id): id is string => !!id)])];
  const offices = await em.find(Office, { id: { $in: officeIds } }, { orderBy: { nameKana: 'asc' } });
  const userById = new Map(users.map((u) => [u.id, u]));

  const patientId = patient.id;
  const out: FhirResource[] = [
    patientResource({ ...patient, municipality: { id: patient.municipality.id, name: patient.municipality.getEntity().name } }),
    ...offices.map(organizationResource),
    ...users.map(practitionerResource),
  ];
  const consentRow = {
    ...consent,
    patientId,
    explainingOfficeId: consent.explainingOffice.id,
    formDocumentId: form?.id ?? null,
  };
  const proxy = proxyResource(consentRow);
  if (proxy) out.push(proxy);
  out.push(consentResource(consentRow));
  if (form) {
    out.push(documentReferenceResource(form, { patientId, url: `${baseUrl}/attachments/${form.id}`, description: '情報共有同意書 (様式5) の写し', authorId: null, type: '情報共有同意書 (様式5)' }));
  }
  out.push(
    careTeamResource(
      { id: room.id, name: room.name, status: room.status, patientId, createdAt: room.createdAt, closedAt: room.closedAt },
      members.map((m) => {
        const u = userById.get(m.user.id)!;
        return { userId: u.id, officeId: u.office?.id ?? null, jobType: u.jobType, jobTypeOther: u.jobTypeOther, permission: m.permission, fromDate: m.fromDate, untilDate: m.untilDate };
      }),
    ),
  );
  for (const post of posts) {
    const row = { ...post, authorId: post.author.id, attachmentIds: files.filter((f) => f.post.id === post.id).map((f) => f.id) };
    const observations = observationResources(row, patientId);
    out.push(
      communicationResource(
        row,
        patientId,
        observations.map((o) => o.id),
      ),
      ...observations,
    );
    const earlier = revisions.filter((r) => r.post.id === post.id);
    if (earlier.length) out.push(provenanceResource(row, earlier));
    for (const f of files.filter((x) => x.post.id === post.id)) {
      out.push(documentReferenceResource(f, { patientId, url: `${baseUrl}/post-attachments/${f.id}`, description: '投稿の添付ファイル', authorId: post.author.id, type: '投稿の添付ファイル' }));
    }
  }
  return out;
}

/** The scanned consent form, if the form's rule lets this viewer download it (else not listed). */
async function readableForm(em: EntityManager, viewer: Viewer, id: string): Promise<Attachment | null> {
  const file = await em.findOne(Attachment, { id, application: applicationPolicy.scope(viewer) }, { populate: ['application'] });
  const app = file?.application.getEntity();
  return file && app && applicationPolicy.canReadPatientData(viewer, app) ? file : null;
}

export const bundleOf = (resources: FhirResource[], baseUrl: string): FhirResource => ({
  resourceType: 'Bundle',
  id: randomUUID(),
  meta: { lastUpdated: new Date().toISOString() },
  type: 'collection',
  timestamp: new Date().toISOString(),
  entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/fhir/${resource.resourceType}/${resource.id}`, resource })),
});

/** The room's Bundle, or NOT_FOUND (room.access.ts) / FORBIDDEN; the export logged with its patient. */
export async function exportRoom(em: EntityManager, viewer: Viewer, roomId: string, ip: string | null, baseUrl: string): Promise<FhirResource> {
  authorize(fhirPolicy.exportRoom(viewer));
  return em.transactional(async (tx) => {
    const { room } = await readableRoom(tx, viewer, roomId);
    const resources = await roomResources(tx, viewer, room, baseUrl);
    await new Audit(tx, () => viewer, ip).recordRead({
      action: 'fhir.export_room',
      target: { type: 'Room', id: room.id },
      roomId: room.id,
      patientId: room.patient.id,
      municipalityId: room.municipality.id,
      detail: { resources: resources.length },
    });
    return bundleOf(resources, baseUrl);
  });
}
