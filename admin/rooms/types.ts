// The room screens' view of the API: names for the generated result types (rooms.graphql →
// graphql/generated), so that components say `Room` rather than `RoomQuery['room']`.
import type { VitalsInput, DirectoryQuery, PostReadersQuery, PostsQuery, RoomOfficesQuery, RoomQuery, RoomsQuery, RoomVitalsQuery } from '../graphql/generated/graphql';

export type {
  AttachmentUpload as Upload,
  CareLevel,
  ClosingReason,
  ConsentSigner,
  PostFilter,
  PostKind,
  RoomPermission,
  RoomStatus,
  Sex,
  VitalsInput,
} from '../graphql/generated/graphql';

export type RoomSummary = RoomsQuery['rooms']['items'][number];
export type Room = RoomQuery['room'];
export type Patient = Room['patient'];
export type Consent = Room['consent'];
export type Member = Room['members'][number];
/** A person as other professionals see them: name, office and job type only. */
export type Person = DirectoryQuery['directory']['items'][number];
export type Post = PostsQuery['posts']['items'][number];
export type PostAttachment = Post['attachments'][number];
export type PostRevision = Post['revisions'][number];
export type PostReader = PostReadersQuery['posts']['items'][number]['readers'][number];
/** The vitals the room's posts recorded (roomVitals returns only posts that have some). */
export type VitalsPoint = Omit<RoomVitalsQuery['roomVitals'][number], 'vitals'> & { vitals: Vitals };
/** Vitals as a form holds them: every value optional. */
export type Vitals = VitalsInput;
export type OfficeOption = RoomOfficesQuery['officeDirectory'][number];
