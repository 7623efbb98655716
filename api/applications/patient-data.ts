// The patient data of room forms as the API hands it out: only to whom applicationPolicy
// .canReadPatientData allows, and every read written to the audit trail with the patient it
// concerns, before the room exists too (Application.patientId is known from submission).
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { perRequest } from '../common/per-request.js';
import { Room } from '../rooms/room.entity.js';
import type { Application, ApplicationEvent } from './application.entity.js';
import { ROOM_TYPES } from './application.enums.js';
import { applicationPolicy } from './application.policy.js';

/** 受付番号: what the applicant quotes, and all that a mail or a closed room form says about it. */
export const receiptNumber = (applicationId: string) => applicationId.slice(0, 8).toUpperCase();

export const isRoomForm = (app: Pick<Application, 'type'>) => ROOM_TYPES.includes(app.type);

const roomIdOf = (app: Application) => ((app.payload as { roomId?: unknown } | null)?.roomId as string | undefined) ?? null;

/** The patient a room form concerns: its own reference, else (rows from before it existed) its room's patient. */
export async function patientOfApplication(em: EntityManager, app: Application): Promise<{ patientId: string | null; roomId: string | null }> {
  const roomId = roomIdOf(app);
  if (app.patientId || !roomId) return { patientId: app.patientId ?? null, roomId };
  const room = await em.findOne(Room, { id: roomId }, { fields: ['patient'] });
  return { patientId: room?.patient.id ?? null, roomId };
}

/** The same for the rows of one request, one query for all of them (only rows without a reference need one). */
const patientsOf = (ctx: Context) =>
  perRequest(
    ctx,
    'applicationPatients',
    () =>
      new DataLoader<string, string | null>(async (roomIds) => {
        const rooms = await ctx.em.find(Room, { id: { $in: roomIds as string[] } }, { fields: ['patient'] });
        const byId = new Map(rooms.map((r) => [r.id, r.patient.id]));
        return roomIds.map((id) => byId.get(id) ?? null);
      }),
  );

/**
 * Logs that the viewer read this room form's patient data, once per application per request
 * (a page that asks for the summary, the payload and the scans of a form is one read). Outside a
 * transaction the answer waits for the row (audit/read-log.plugin.ts), so reads of one page share
 * one INSERT. Account forms carry no patient data: nothing to log.
 */
export async function logPatientDataRead(ctx: Context, app: Application): Promise<void> {
  if (!isRoomForm(app)) return;
  const logged = perRequest(ctx, 'applicationReadsLogged', () => new Set<string>());
  if (logged.has(app.id)) return;
  logged.add(app.id);
  const roomId = roomIdOf(app);
  const patientId = app.patientId ?? (roomId ? await patientsOf(ctx).load(roomId) : null);
  await ctx.audit.logRead({ action: 'application.read', target: { type: 'Application', id: app.id }, municipalityId: app.municipality.id, officeId: app.office?.id ?? null, roomId, patientId });
}

/** Whether the viewer gets this form's patient data; when it does, the read is logged. */
export async function readsPatientData(ctx: Context, app: Application): Promise<boolean> {
  if (!applicationPolicy.canReadPatientData(ctx.viewer!, app)) return false;
  await logPatientDataRead(ctx, app);
  return true;
}

/** A room form's payload without the patient: only the room it concerns, if any. */
export function payloadWithoutPatient(app: Application): Record<string, unknown> {
  const roomId = roomIdOf(app);
  return roomId ? { roomId } : {};
}

/** A room form's one-line summary names the patient (or the room, usually named after them). */
export const summaryWithoutPatient = (app: Application) => `受付番号 ${receiptNumber(app.id)}`;

/** The history of a form whose patient data the viewer may not read: the steps, without the comments typed about the patient. */
export const eventsWithoutComments = (events: ApplicationEvent[]): ApplicationEvent[] =>
  events.map((e) => Object.assign(Object.create(Object.getPrototypeOf(e)) as ApplicationEvent, e, { comment: null }));
