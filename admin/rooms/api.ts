// The room screens' GraphQL operations (schema.graphql: rooms, room, posts, roomVitals and the
// room mutations), written out so that each screen asks for exactly what it shows: a list of
// rooms never reads patients or consents (each such read is logged), and a page of posts never
// asks for readers (one query per post on the server; they are fetched when opened).
import { graphqlRequest } from '../graphql/transport';
import type { ClosingReason, Consent, Member, OfficeOption, Person, Post, PostFilter, PostReader, Room, RoomPermission, RoomStatus, RoomSummary, Upload, Vitals, VitalsPoint } from './types';

const PERSON = 'id name nameKana jobType officeName';
const VITALS = 'systolic diastolic pulse temperature spo2 weight';
const CONSENT = `id version consentDate signer proxyName proxyRelationship explainingOfficeName explainingPersonName coveredOfficeIds coveredOfficeNames formAttachmentId withdrawnAt withdrawalNote`;
const MEMBER = `id version permission live fromDate untilDate endedReason person { ${PERSON} }`;
const ROOM_SUMMARY = 'id name status unreadCount myPermission createdAt updatedAt closedAt';
const ROOM = `${ROOM_SUMMARY} version writable careReportTitles closedReason
  patient { id name nameKana sex birthDate birthDateWareki careLevel postalCode address phone insuredNumber }
  consent { ${CONSENT} }
  members { ${MEMBER} }`;
const POST = `id version kind title body closingReason createdAt editedAt readCount readByMe
  vitals { ${VITALS} } author { ${PERSON} } attachments { id filename contentType size }
  revisions { id title body vitals replacedAt }`;

export interface Page<T> {
  items: T[];
  total: number;
}

export interface RoomListParams {
  q?: string;
  status?: RoomStatus | '';
  page: number;
  perPage: number;
}

const clean = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''))) as Partial<T>;

export const roomApi = {
  /** Most recently active first (a post touches the room's updatedAt). */
  rooms: ({ q, status, page, perPage }: RoomListParams) =>
    graphqlRequest<{ rooms: Page<RoomSummary> }>(
      `query Rooms($filter: RoomFilter, $page: PageInput, $sort: RoomSort) { rooms(filter: $filter, page: $page, sort: $sort) { total items { ${ROOM_SUMMARY} } } }`,
      { filter: clean({ q: q?.trim(), status }), page: { page, perPage }, sort: { field: 'updatedAt', order: 'DESC' } },
    ).then((d) => d.rooms),

  room: (id: string) => graphqlRequest<{ room: Room }>(`query Room($id: ID!) { room(id: $id) { ${ROOM} } }`, { id }).then((d) => d.room),

  posts: (roomId: string, filter: PostFilter, page: number, perPage: number) =>
    graphqlRequest<{ posts: Page<Post> }>(
      `query Posts($roomId: ID!, $filter: PostFilter, $page: PageInput, $sort: PostSort) { posts(roomId: $roomId, filter: $filter, page: $page, sort: $sort) { total items { ${POST} } } }`,
      { roomId, filter: clean({ ...filter, q: filter.q?.trim() }), page: { page, perPage }, sort: { field: 'createdAt', order: 'DESC' } },
    ).then((d) => d.posts),

  /** 既読 of the posts on one page (the API has no single-post query). */
  readers: (roomId: string, filter: PostFilter, page: number, perPage: number) =>
    graphqlRequest<{ posts: Page<{ id: string; readers: PostReader[] }> }>(
      `query PostReaders($roomId: ID!, $filter: PostFilter, $page: PageInput, $sort: PostSort) { posts(roomId: $roomId, filter: $filter, page: $page, sort: $sort) { total items { id readers { readAt person { ${PERSON} } } } } }`,
      { roomId, filter: clean({ ...filter, q: filter.q?.trim() }), page: { page, perPage }, sort: { field: 'createdAt', order: 'DESC' } },
    ).then((d) => d.posts.items),

  /** How many rooms per status (the city: its municipality's). */
  counts: () => graphqlRequest<{ roomCounts: { status: RoomStatus; count: number }[] }>('query RoomCounts { roomCounts { status count } }').then((d) => d.roomCounts),

  vitals: (roomId: string) =>
    graphqlRequest<{ roomVitals: VitalsPoint[] }>(`query RoomVitals($roomId: ID!) { roomVitals(roomId: $roomId) { id createdAt title vitals { ${VITALS} } } }`, { roomId }).then(
      (d) => d.roomVitals,
    ),

  directory: (filter: { q?: string; officeId?: string; jobType?: string }, perPage = 20) =>
    graphqlRequest<{ directory: Page<Person> }>(`query Directory($filter: DirectoryFilter, $page: PageInput) { directory(filter: $filter, page: $page) { total items { ${PERSON} } } }`, {
      filter: clean(filter),
      page: { page: 1, perPage },
    }).then((d) => d.directory),

  /** Active offices of the caller's municipality (name and kind only), for consent coverage and invitations. */
  offices: (ids?: string[]) =>
    graphqlRequest<{ officeDirectory: OfficeOption[] }>(`query RoomOffices { officeDirectory { id name } }`, {}).then((d) =>
      ids ? d.officeDirectory.filter((o) => ids.includes(o.id)) : d.officeDirectory,
    ),

  createPost: (roomId: string, input: { kind: string; title?: string | null; body: string; vitals?: Vitals | null; attachments?: Upload[] }) =>
    graphqlRequest<{ createPost: { id: string } }>(`mutation CreatePost($roomId: ID!, $input: PostInput!) { createPost(roomId: $roomId, input: $input) { id } }`, { roomId, input }),

  editPost: (id: string, version: number, input: { title?: string | null; body: string; vitals?: Vitals | null }) =>
    graphqlRequest<{ editPost: { id: string; version: number } }>(`mutation EditPost($id: ID!, $version: Int!, $input: PostEditInput!) { editPost(id: $id, version: $version, input: $input) { id version } }`, {
      id,
      version,
      input,
    }),

  markRead: (roomId: string, postIds: string[]) =>
    graphqlRequest<{ markPostsRead: number }>(`mutation MarkPostsRead($roomId: ID!, $postIds: [ID!]) { markPostsRead(roomId: $roomId, postIds: $postIds) }`, { roomId, postIds }).then(
      (d) => d.markPostsRead,
    ),

  requestClosing: (roomId: string, reason: ClosingReason, body: string) =>
    graphqlRequest<{ requestRoomClosing: { id: string } }>(
      `mutation RequestRoomClosing($roomId: ID!, $reason: ClosingReason!, $body: String!) { requestRoomClosing(roomId: $roomId, reason: $reason, body: $body) { id } }`,
      { roomId, reason, body },
    ),

  requestJoin: (roomId: string, userId: string, permission: RoomPermission, note: string | null) =>
    graphqlRequest<{ submitApplication: { id: string } }>(
      `mutation RequestRoomJoin($input: ApplicationInput!) { submitApplication(type: ROOM_JOIN, input: $input) { id } }`,
      { input: { roomJoin: { roomId, userId, permission, note } } },
    ),

  addMember: (roomId: string, member: { userId: string; permission: RoomPermission; fromDate?: string | null; untilDate?: string | null }) =>
    graphqlRequest<{ addRoomMember: Member }>(`mutation AddRoomMember($roomId: ID!, $member: MemberInput!) { addRoomMember(roomId: $roomId, member: $member) { ${MEMBER} } }`, { roomId, member }),

  changeMember: (id: string, version: number, input: { permission: RoomPermission; untilDate: string | null }) =>
    graphqlRequest<{ changeRoomMember: Member }>(`mutation ChangeRoomMember($id: ID!, $version: Int!, $input: MemberChangeInput!) { changeRoomMember(id: $id, version: $version, input: $input) { ${MEMBER} } }`, {
      id,
      version,
      input,
    }),

  removeMember: (id: string, version: number) =>
    graphqlRequest<{ removeRoomMember: Member }>(`mutation RemoveRoomMember($id: ID!, $version: Int!) { removeRoomMember(id: $id, version: $version) { ${MEMBER} } }`, { id, version }),

  setTitles: (roomId: string, version: number, titles: string[]) =>
    graphqlRequest<{ setCareReportTitles: { id: string } }>(`mutation SetCareReportTitles($roomId: ID!, $version: Int!, $titles: [String!]!) { setCareReportTitles(roomId: $roomId, version: $version, titles: $titles) { id } }`, {
      roomId,
      version,
      titles,
    }),

  defaultTitles: (municipalityId: string) =>
    graphqlRequest<{ municipality: { id: string; defaultCareReportTitles: string[] } }>(`query DefaultTitles($id: ID!) { municipality(id: $id) { id defaultCareReportTitles } }`, { id: municipalityId }).then(
      (d) => d.municipality.defaultCareReportTitles,
    ),

  setDefaultTitles: (titles: string[]) =>
    graphqlRequest<{ setDefaultCareReportTitles: { id: string } }>(`mutation SetDefaultCareReportTitles($titles: [String!]!) { setDefaultCareReportTitles(titles: $titles) { id } }`, { titles }),

  coverOffices: (roomId: string, officeIds: string[]) =>
    graphqlRequest<{ coverOfficesByConsent: Consent }>(`mutation CoverOffices($roomId: ID!, $officeIds: [ID!]!) { coverOfficesByConsent(roomId: $roomId, officeIds: $officeIds) { ${CONSENT} } }`, { roomId, officeIds }),

  withdrawConsent: (roomId: string, note: string | null) =>
    graphqlRequest<{ withdrawConsent: Consent }>(`mutation WithdrawConsent($roomId: ID!, $note: String) { withdrawConsent(roomId: $roomId, note: $note) { ${CONSENT} } }`, { roomId, note }),
};
