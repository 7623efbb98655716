// A municipality's FHIR export as NDJSON files, one per resource type (the FHIR Bulk Data layout),
// run in the background by whichever API process claims it (jobs.ts; `for update skip locked`, so
// processes never run one twice). It reads room by room as the CITY user who started it, with the
// room export's own code (room-export.ts), and logs each room's patient in that room's transaction.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { viewerOf, type Viewer } from '../context.js';
import { Audit } from '../audit/audit.js';
import { authorize } from '../authz/policy.js';
import { notFound } from '../common/errors.js';
import { Room } from '../rooms/room.entity.js';
import { User } from '../users/user.entity.js';
import { fhirPolicy } from './fhir.policy.js';
import { FhirExport, FhirExportFile, FhirExportStatus } from './fhir-export.entity.js';
import { roomResources } from './room-export.js';

/** Queues an export of the viewer's municipality (the mutation's transaction commits it). */
export function startExport(em: EntityManager, audit: Audit, viewer: Viewer): FhirExport {
  authorize(fhirPolicy.exportMunicipality(viewer) && !!viewer.municipalityId);
  const job = em.create(FhirExport, { municipality: viewer.municipalityId!, requestedBy: viewer.id });
  audit.record({ action: 'fhir.export_start', target: { type: 'FhirExport', id: job.id }, municipalityId: viewer.municipalityId });
  return job;
}

/** The viewer's municipality's exports, newest first. */
export function listExports(em: EntityManager, viewer: Viewer): Promise<FhirExport[]> {
  authorize(fhirPolicy.exportMunicipality(viewer));
  return em.find(FhirExport, { municipality: viewer.municipalityId }, { orderBy: { createdAt: 'desc' }, limit: 20 });
}

/**
 * A RUNNING export whose process stopped (a restart, a crash) stops moving: each room written
 * touches updated_at, so one untouched this long is taken again from the start.
 */
export const STALLED_AFTER_MINUTES = 10;

/** Claims and runs the queued exports, oldest first, and any stalled one again. */
export async function runQueuedExports(orm: MikroORM, baseUrl: string): Promise<void> {
  for (;;) {
    const [claimed] = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `update fhir_export set status = 'RUNNING', progress = 0, updated_at = now()
          where id = (select id from fhir_export
                       where status = 'QUEUED' or (status = 'RUNNING' and updated_at < now() - make_interval(mins => ?))
                       order by created_at limit 1 for update skip locked)
          returning id`,
        [STALLED_AFTER_MINUTES],
      );
    if (!claimed) return;
    await runExport(orm, claimed.id, baseUrl).catch(async (e: unknown) => {
      console.error(`[fhir] export ${claimed.id} failed:`, e);
      await orm.em.fork().nativeUpdate(FhirExport, { id: claimed.id }, { status: FhirExportStatus.FAILED, finishedAt: new Date() });
    });
  }
}

async function runExport(orm: MikroORM, jobId: string, baseUrl: string): Promise<void> {
  const em = orm.em.fork();
  const job = await em.findOneOrFail(FhirExport, { id: jobId });
  const requester = await em.findOne(User, { id: job.requestedBy });
  const viewer = requester ? viewerOf(requester) : null;
  // whoever started it must still be its city when it runs
  if (!viewer || !fhirPolicy.exportMunicipality(viewer) || viewer.municipalityId !== job.municipality.id) throw new Error('the requester may no longer export');
  const rooms = await em.find(Room, { municipality: job.municipality.id }, { orderBy: { createdAt: 'asc' }, fields: ['id'] });
  await em.nativeUpdate(FhirExport, { id: jobId }, { total: rooms.length });
  // type → id → line: offices and staff appear in many rooms, once in the files
  const lines = new Map<string, Map<string, string>>();
  for (const [i, { id }] of rooms.entries()) {
    await em.fork().transactional(async (tx) => {
      const room = await tx.findOneOrFail(Room, { id });
      for (const r of await roomResources(tx, viewer, room, baseUrl)) {
        if (!lines.has(r.resourceType)) lines.set(r.resourceType, new Map());
        lines.get(r.resourceType)!.set(r.id, JSON.stringify(r));
      }
      await new Audit(tx, () => viewer, null).recordRead({
        action: 'fhir.export_patient',
        target: { type: 'FhirExport', id: jobId },
        roomId: room.id,
        patientId: room.patient.id,
        municipalityId: room.municipality.id,
      });
    });
    await em.nativeUpdate(FhirExport, { id: jobId }, { progress: i + 1, updatedAt: new Date() });
  }
  await em.fork().transactional(async (tx) => {
    const types = [...lines.keys()].sort();
    for (const type of types) tx.create(FhirExportFile, { export: jobId, type, data: Buffer.from(`${[...lines.get(type)!.values()].join('\n')}\n`) });
    await tx.nativeUpdate(FhirExport, { id: jobId }, { status: FhirExportStatus.DONE, finishedAt: new Date(), output: types.map((type) => ({ type, count: lines.get(type)!.size })) });
  });
}

/** One NDJSON file of a finished export of the viewer's municipality, its download logged. */
export async function exportFile(em: EntityManager, viewer: Viewer, jobId: string, type: string, ip: string | null): Promise<{ type: string; data: Buffer }> {
  authorize(fhirPolicy.exportMunicipality(viewer));
  if (!/^[0-9a-f-]{36}$/.test(jobId)) throw notFound();
  const job = await em.findOne(FhirExport, { id: jobId, municipality: viewer.municipalityId, status: FhirExportStatus.DONE });
  const file = job && (await em.findOne(FhirExportFile, { export: job, type }, { populate: ['data'] }));
  if (!file) throw notFound();
  await new Audit(em, () => viewer, ip).recordRead({ action: 'fhir.export_download', target: { type: 'FhirExport', id: jobId }, municipalityId: viewer.municipalityId, detail: { type } });
  return { type, data: file.data };
}
