// The room screens' custom data-provider methods (rooms.graphql: rooms, room, posts, roomVitals
// and the room mutations), called as `dataProvider.room(id)` through useDataProvider. Each
// operation asks for exactly what its screen shows: a list of rooms never reads patients or
// consents (each such read is logged), a page of posts never asks for readers.
import { request } from '../graphql/client';
import {
  AddRoomMemberDocument,
  ChangeRoomMemberDocument,
  CoverOfficesDocument,
  CreatePostDocument,
  DefaultTitlesDocument,
  DirectoryDocument,
  EditPostDocument,
  MarkPostsReadDocument,
  PostReadersDocument,
  PostsDocument,
  RemoveRoomMemberDocument,
  RequestRoomClosingDocument,
  RequestRoomJoinDocument,
  RoomCountsDocument,
  RoomDocument,
  RoomOfficesDocument,
  RoomsDocument,
  RoomVitalsDocument,
  SetCareReportTitlesDocument,
  SetDefaultCareReportTitlesDocument,
  WithdrawConsentDocument,
  type DirectoryFilter,
  type MemberChangeInput,
  type MemberInput,
  type PostEditInput,
  type PostInput,
} from '../graphql/generated/graphql';
import type { ClosingReason, PostFilter, RoomPermission, RoomStatus, VitalsPoint } from './types';

export interface RoomListParams {
  q?: string;
  status?: RoomStatus | '';
  page: number;
  perPage: number;
}

const clean = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''))) as Partial<T>;

const postPage = (roomId: string, filter: PostFilter, page: number, perPage: number) => ({
  roomId,
  filter: clean({ ...filter, q: filter.q?.trim() }),
  page: { page, perPage },
  sort: { field: 'createdAt', order: 'DESC' } as const,
});

export const roomMethods = {
  /** Most recently active first (a post touches the room's updatedAt). */
  rooms: ({ q, status, page, perPage }: RoomListParams) =>
    request(RoomsDocument, { filter: clean({ q: q?.trim(), status: status || undefined }), page: { page, perPage }, sort: { field: 'updatedAt', order: 'DESC' } }).then((d) => d.rooms),

  room: (id: string) => request(RoomDocument, { id }).then((d) => d.room),

  posts: (roomId: string, filter: PostFilter, page: number, perPage: number) => request(PostsDocument, postPage(roomId, filter, page, perPage)).then((d) => d.posts),

  /** 既読 of the posts on one page (the API has no single-post query). */
  postReaders: (roomId: string, filter: PostFilter, page: number, perPage: number) => request(PostReadersDocument, postPage(roomId, filter, page, perPage)).then((d) => d.posts.items),

  /** How many rooms per status (the city: its municipality's). */
  roomCounts: () => request(RoomCountsDocument).then((d) => d.roomCounts),

  roomVitals: (roomId: string) => request(RoomVitalsDocument, { roomId }).then((d) => d.roomVitals as VitalsPoint[]),

  directory: (filter: DirectoryFilter, perPage = 20) => request(DirectoryDocument, { filter: clean(filter), page: { page: 1, perPage } }).then((d) => d.directory),

  /** Active offices of the caller's municipality (name only), for consent coverage and invitations. */
  roomOffices: (ids?: string[]) => request(RoomOfficesDocument).then((d) => (ids ? d.officeDirectory.filter((o) => ids.includes(o.id)) : d.officeDirectory)),

  createPost: (roomId: string, input: PostInput) => request(CreatePostDocument, { roomId, input }),

  editPost: (id: string, version: number, input: PostEditInput) => request(EditPostDocument, { id, version, input }),

  markPostsRead: (roomId: string, postIds: string[]) => request(MarkPostsReadDocument, { roomId, postIds }).then((d) => d.markPostsRead),

  requestRoomClosing: (roomId: string, reason: ClosingReason, body: string) => request(RequestRoomClosingDocument, { roomId, reason, body }),

  requestRoomJoin: (roomId: string, userId: string, permission: RoomPermission, note: string | null) => request(RequestRoomJoinDocument, { input: { roomJoin: { roomId, userId, permission, note } } }),

  addRoomMember: (roomId: string, member: MemberInput) => request(AddRoomMemberDocument, { roomId, member }),

  changeRoomMember: (id: string, version: number, input: MemberChangeInput) => request(ChangeRoomMemberDocument, { id, version, input }),

  removeRoomMember: (id: string, version: number) => request(RemoveRoomMemberDocument, { id, version }),

  setCareReportTitles: (roomId: string, version: number, titles: string[]) => request(SetCareReportTitlesDocument, { roomId, version, titles }),

  defaultCareReportTitles: (municipalityId: string) => request(DefaultTitlesDocument, { id: municipalityId }).then((d) => d.municipality.defaultCareReportTitles),

  setDefaultCareReportTitles: (titles: string[]) => request(SetDefaultCareReportTitlesDocument, { titles }),

  coverOfficesByConsent: (roomId: string, officeIds: string[]) => request(CoverOfficesDocument, { roomId, officeIds }),

  withdrawConsent: (roomId: string, note: string | null) => request(WithdrawConsentDocument, { roomId, note }),
};
