// The custom data-provider methods of the two room forms on the application workflow
// (roomApplications.graphql): 様式6 + 様式5 (submitApplication ROOM_CREATION) and the city's room
// creation from it (createRoomFromApplication, seed steps ⑫–⑮).
import { request } from '../graphql/client';
import {
  AddRoomFormScansDocument,
  CreateRoomFromApplicationDocument,
  OwnRoomApplicationDocument,
  PendingRoomCreationsDocument,
  PendingRoomJoinsDocument,
  ResubmitRoomCreationDocument,
  RoomApplicantsDocument,
  RoomApplicationDocument,
  RoomClosingRequestDocument,
  SubmitRoomCreationDocument,
  type OwnRoomApplicationQuery,
  type PendingRoomJoinsQuery,
  type RoomApplicantsQuery,
  type RoomApplicationQuery,
  type RoomCreationInput,
  type RoomSetupInput,
} from '../graphql/generated/graphql';
import type { RoomPermission, Upload } from './types';

export type { RoomCreationInput, RoomSetupInput as RoomSetup };

/** What a ROOM_CREATION application holds: its input as the API normalized it (birth date YYYY-MM-DD, each permission set). */
export type RoomCreationPayload = Omit<RoomCreationInput, 'members'> & { members: { userId: string; permission: RoomPermission }[]; roomId?: string };

/** The payload is JSON in the schema: its shape is the form's input type. */
type WithPayload<T, P> = Omit<T, 'payload'> & { payload: P };

export type RoomApplication = WithPayload<RoomApplicationQuery['application'], RoomCreationPayload>;
/** The applicant's own room request, to correct it after the city returned it. */
export type OwnRoomApplication = WithPayload<OwnRoomApplicationQuery['application'], RoomCreationPayload>;
export type UserRow = RoomApplicantsQuery['users']['items'][number];
export type PendingJoin = WithPayload<PendingRoomJoinsQuery['applications']['items'][number], { roomId?: string; userId?: string; permission?: RoomPermission; note?: string | null }>;

export const roomApplicationMethods = {
  submitRoomCreation: (input: RoomCreationInput, attachments: Upload[]) =>
    request(SubmitRoomCreationDocument, { input: { roomCreation: input }, attachments: attachments.length ? attachments : null }).then((d) => d.submitApplication),

  roomApplication: (id: string): Promise<RoomApplication> => request(RoomApplicationDocument, { id }).then((d) => d.application),

  ownRoomApplication: (id: string): Promise<OwnRoomApplication> => request(OwnRoomApplicationDocument, { id }).then((d) => d.application),

  resubmitRoomCreation: (id: string, version: number, input: RoomCreationInput) =>
    request(ResubmitRoomCreationDocument, { id, version, input: { roomCreation: input } }).then((d) => d.resubmitApplication),

  addRoomFormScans: (applicationId: string, attachments: Upload[]) => request(AddRoomFormScansDocument, { applicationId, attachments }),

  /** Room creation forms waiting for the city. */
  pendingRoomCreations: () => request(PendingRoomCreationsDocument).then((d) => d.applications),

  /** The join requests (ROOM_JOIN) waiting for the city on this room: who, with which permission, and the requester's note. */
  pendingRoomJoins: (roomId: string): Promise<PendingJoin[]> => request(PendingRoomJoinsDocument).then((d) => d.applications.items.filter((a) => a.payload.roomId === roomId)),

  /** The closing request (ROOM_END) of a room waiting for the city, found by the room's name in its summary. */
  roomClosingRequest: (roomId: string, roomName: string) =>
    request(RoomClosingRequestDocument, { filter: { type: 'ROOM_END', states: ['SUBMITTED'], q: roomName } }).then((d) => d.applications.items.find((a) => a.payload.roomId === roomId) ?? null),

  /** The requested people, as the city's roster knows them (CITY only). */
  roomApplicants: (ids: string[]) => request(RoomApplicantsDocument, { filter: { ids }, page: { page: 1, perPage: Math.max(ids.length, 1) } }).then((d) => d.users.items),

  /** The answer's payload names the new room (roomId). */
  createRoomFromApplication: (applicationId: string, version: number, setup: RoomSetupInput, comment: string | null) =>
    request(CreateRoomFromApplicationDocument, { applicationId, version, setup, comment }).then(
      (d) => d.createRoomFromApplication as WithPayload<typeof d.createRoomFromApplication, { roomId?: string }>,
    ),
};
