// The two room forms on the application workflow: 様式6 + 様式5 (submitApplication ROOM_CREATION)
// and the city's room creation from it (createRoomFromApplication, seed steps ⑫–⑮).
import { graphqlRequest } from '../graphql/transport';
import type { CareLevel, ConsentSigner, RoomPermission, Sex, Upload } from './types';

export interface RoomCreationInput {
  patient: {
    name: string;
    nameKana: string;
    sex: Sex;
    birthDate: string;
    postalCode?: string | null;
    address: string;
    phone?: string | null;
    careLevel: CareLevel;
    insuredNumber?: string | null;
  };
  consent: {
    consentDate: string;
    signer: ConsentSigner;
    proxyName?: string | null;
    proxyRelationship?: string | null;
    explainingOfficeId: string;
    explainingPersonName: string;
    coveredOfficeIds: string[];
  };
  members: { userId: string; permission: RoomPermission }[];
  note?: string | null;
}

/** What a ROOM_CREATION application holds (the API normalizes the birth date to YYYY-MM-DD). */
export type RoomCreationPayload = RoomCreationInput & { roomId?: string };

export interface RoomApplication {
  id: string;
  version: number;
  type: string;
  state: string;
  summary: string;
  applicantName: string;
  submittedAt: string;
  allowedActions: string[];
  payload: RoomCreationPayload;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
  municipality: { id: string; defaultCareReportTitles: string[] };
}

/** The applicant's own room request, to correct it after the city returned it. */
export interface OwnRoomApplication {
  id: string;
  version: number;
  type: string;
  state: string;
  allowedActions: string[];
  payload: RoomCreationPayload;
  attachments: { id: string; filename: string }[];
  events: { action: string; comment: string | null; at: string }[];
}

export interface UserRow {
  id: string;
  name: string;
  nameKana: string;
  jobType: string;
  status: string;
  office: { id: string; name: string } | null;
}

export interface RoomSetup {
  name: string;
  members: { userId: string; permission: RoomPermission; fromDate?: string | null; untilDate?: string | null }[];
  careReportTitles: string[];
}

export const roomApplicationApi = {
  submit: (input: RoomCreationInput, attachments: Upload[]) =>
    graphqlRequest<{ submitApplication: { id: string; state: string; summary: string } }>(
      `mutation SubmitRoomCreation($input: ApplicationInput!, $attachments: [AttachmentUpload!]) { submitApplication(type: ROOM_CREATION, input: $input, attachments: $attachments) { id state summary } }`,
      { input: { roomCreation: input }, attachments: attachments.length ? attachments : null },
    ).then((d) => d.submitApplication),

  get: (id: string) =>
    graphqlRequest<{ application: RoomApplication }>(
      `query RoomApplication($id: ID!) { application(id: $id) { id version type state summary applicantName submittedAt allowedActions payload attachments { id filename contentType size } municipality { id defaultCareReportTitles } } }`,
      { id },
    ).then((d) => d.application),

  own: (id: string) =>
    graphqlRequest<{ application: OwnRoomApplication }>(
      `query OwnRoomApplication($id: ID!) { application(id: $id) { id version type state allowedActions payload attachments { id filename } events { action comment at } } }`,
      { id },
    ).then((d) => d.application),

  resubmit: (id: string, version: number, input: RoomCreationInput) =>
    graphqlRequest<{ resubmitApplication: { id: string; summary: string } }>(
      `mutation ResubmitRoomCreation($id: ID!, $version: Int!, $input: ApplicationInput!) { resubmitApplication(id: $id, version: $version, input: $input) { id summary } }`,
      { id, version, input: { roomCreation: input } },
    ).then((d) => d.resubmitApplication),

  attach: (applicationId: string, attachments: Upload[]) =>
    graphqlRequest<{ addApplicationAttachments: { id: string }[] }>(
      `mutation AddRoomFormScans($applicationId: ID!, $attachments: [AttachmentUpload!]!) { addApplicationAttachments(applicationId: $applicationId, attachments: $attachments) { id } }`,
      { applicationId, attachments },
    ),

  /** Room creation forms waiting for the city. */
  pending: () =>
    graphqlRequest<{ applications: { total: number; items: { id: string; summary: string; applicantName: string; submittedAt: string }[] } }>(
      `query PendingRoomCreations { applications(filter: { type: ROOM_CREATION, states: [SUBMITTED] }, sort: { field: submittedAt, order: ASC }, page: { perPage: 50 }) { total items { id summary applicantName submittedAt } } }`,
    ).then((d) => d.applications),

  /** The join requests (ROOM_JOIN) waiting for the city on this room: who, with which permission, and the requester's note. */
  pendingJoins: (roomId: string) =>
    graphqlRequest<{ applications: { items: PendingJoin[] } }>(
      `query PendingRoomJoins { applications(filter: { type: ROOM_JOIN, states: [SUBMITTED] }, sort: { field: submittedAt, order: ASC }, page: { perPage: 100 }) { items { id receiptNumber summary applicantName submittedAt payload } } }`,
    ).then((d) => d.applications.items.filter((a) => a.payload.roomId === roomId)),

  /** The closing request (ROOM_END) of a room waiting for the city, found by the room's name in its summary. */
  closingRequest: (roomId: string, roomName: string) =>
    graphqlRequest<{ applications: { items: { id: string; payload: { roomId?: string } }[] } }>(
      `query RoomClosingRequest($filter: ApplicationFilter) { applications(filter: $filter, page: { perPage: 50 }) { items { id payload } } }`,
      { filter: { type: 'ROOM_END', states: ['SUBMITTED'], q: roomName } },
    ).then((d) => d.applications.items.find((a) => a.payload.roomId === roomId) ?? null),

  /** The requested people, as the city's roster knows them (CITY only). */
  users: (ids: string[]) =>
    graphqlRequest<{ users: { items: UserRow[] } }>(
      `query RoomApplicants($filter: UserFilter, $page: PageInput) { users(filter: $filter, page: $page) { items { id name nameKana jobType status office { id name } } } }`,
      { filter: { ids }, page: { page: 1, perPage: Math.max(ids.length, 1) } },
    ).then((d) => d.users.items),

  createRoom: (applicationId: string, version: number, setup: RoomSetup, comment: string | null) =>
    graphqlRequest<{ createRoomFromApplication: { id: string; state: string; payload: { roomId?: string } } }>(
      `mutation CreateRoomFromApplication($applicationId: ID!, $version: Int!, $setup: RoomSetupInput!, $comment: String) { createRoomFromApplication(applicationId: $applicationId, version: $version, setup: $setup, comment: $comment) { id state payload } }`,
      { applicationId, version, setup, comment },
    ).then((d) => d.createRoomFromApplication),
};

export interface PendingJoin {
  id: string;
  receiptNumber: string;
  summary: string;
  applicantName: string;
  submittedAt: string;
  payload: { roomId?: string; userId?: string; permission?: RoomPermission; note?: string | null };
}
