// The shapes the room screens read from the API (schema.graphql: Room, Patient, Consent, Post…).
export type RoomStatus = 'ACTIVE' | 'CLOSING' | 'CLOSED';
export type RoomPermission = 'VIEWER' | 'CONTRIBUTOR' | 'COORDINATOR';
export type PostKind = 'NOTE' | 'CARE_REPORT' | 'CLOSING_REQUEST';
export type ClosingReason = 'DEATH' | 'FACILITY_ADMISSION' | 'OTHER';
export type CareLevel = 'NONE' | 'APPLYING' | 'SUPPORT_1' | 'SUPPORT_2' | 'CARE_1' | 'CARE_2' | 'CARE_3' | 'CARE_4' | 'CARE_5';
export type Sex = 'MALE' | 'FEMALE';
export type ConsentSigner = 'SELF' | 'PROXY';

/** A person as other professionals see them: name, office and job type only. */
export interface Person {
  id: string;
  name: string;
  nameKana: string;
  jobType: string;
  officeName: string | null;
}

export interface Patient {
  id: string;
  name: string;
  nameKana: string;
  sex: Sex;
  birthDate: string;
  birthDateWareki: string;
  careLevel: CareLevel;
  postalCode: string | null;
  address: string;
  phone: string | null;
  insuredNumber: string | null;
}

export interface Consent {
  id: string;
  version: number;
  consentDate: string;
  signer: ConsentSigner;
  proxyName: string | null;
  proxyRelationship: string | null;
  explainingOfficeName: string;
  explainingPersonName: string;
  coveredOfficeIds: string[];
  coveredOfficeNames: string[];
  formAttachmentId: string | null;
  withdrawnAt: string | null;
  withdrawalNote: string | null;
}

export interface Member {
  id: string;
  version: number;
  permission: RoomPermission;
  live: boolean;
  fromDate: string;
  untilDate: string | null;
  endedReason: string | null;
  person: Person;
}

export interface RoomSummary {
  id: string;
  name: string;
  status: RoomStatus;
  unreadCount: number;
  myPermission: RoomPermission | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface Room extends RoomSummary {
  version: number;
  writable: boolean;
  careReportTitles: string[];
  closedReason: ClosingReason | null;
  patient: Patient;
  consent: Consent;
  members: Member[];
}

export interface Vitals {
  systolic?: number | null;
  diastolic?: number | null;
  pulse?: number | null;
  temperature?: number | null;
  spo2?: number | null;
  weight?: number | null;
}

export interface PostAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface PostRevision {
  id: string;
  title: string | null;
  body: string;
  vitals: Vitals | null;
  replacedAt: string;
}

export interface Post {
  id: string;
  version: number;
  kind: PostKind;
  title: string | null;
  body: string;
  closingReason: ClosingReason | null;
  createdAt: string;
  editedAt: string | null;
  readCount: number;
  readByMe: boolean;
  vitals: Vitals | null;
  author: Person;
  attachments: PostAttachment[];
  revisions: PostRevision[];
}

export interface PostReader {
  person: Person;
  readAt: string;
}

export interface VitalsPoint {
  id: string;
  createdAt: string;
  title: string | null;
  vitals: Vitals;
}

/** A file sent to POST /uploads, as a mutation's `attachments` names it (AttachmentUpload). */
export interface Upload {
  uploadId: string;
  /** the public page's anonymous uploads only */
  claimToken?: string;
}

export interface OfficeOption {
  id: string;
  name: string;
}

export interface PostFilter {
  title?: string;
  authorId?: string;
  kind?: PostKind;
  q?: string;
}
