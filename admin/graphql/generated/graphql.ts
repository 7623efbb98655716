/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApiTokenInput = {
  /** Days until it expires (1–365) */
  expiresInDays?: number;
  name: string;
};

export type ApplicationAction =
  | 'COMPLETE'
  | 'FORWARD'
  | 'REJECT'
  | 'RESUBMIT'
  | 'RETURN'
  | 'SUBMIT'
  | 'WITHDRAW';

export type ApplicationChannel =
  | 'CITY'
  | 'OFFICE'
  | 'PUBLIC';

export type ApplicationFilter = {
  ids?: Array<string> | null | undefined;
  municipalityId?: string | null | undefined;
  officeId?: string | null | undefined;
  q?: string | null | undefined;
  state?: ApplicationState | null | undefined;
  /** any of these states (work queues) */
  states?: Array<ApplicationState> | null | undefined;
  type?: ApplicationType | null | undefined;
};

export type ApplicationInput = {
  idStop?: IdStopInput | null | undefined;
  officeRegistration?: OfficeRegistrationInput | null | undefined;
  roomCreation?: RoomCreationInput | null | undefined;
  roomJoin?: RoomJoinInput | null | undefined;
  staffAddition?: StaffAdditionInput | null | undefined;
};

export type ApplicationSort = {
  field?: ApplicationSortField;
  order?: SortOrder;
};

export type ApplicationSortField =
  | 'submittedAt'
  | 'updatedAt';

export type ApplicationState =
  | 'COMPLETED'
  | 'FORWARDED'
  | 'REJECTED'
  | 'RETURNED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type ApplicationType =
  | 'ID_STOP'
  | 'OFFICE_REGISTRATION'
  | 'ROOM_CREATION'
  | 'ROOM_END'
  | 'ROOM_JOIN'
  | 'STAFF_ADDITION';

/** A file sent first to POST /uploads (or /uploads/public), named by what it answered */
export type AttachmentUpload = {
  /** The public page only: the claimToken POST /uploads/public answered */
  claimToken?: string | null | undefined;
  /** The id POST /uploads answered; each upload can be used once, by its uploader, within an hour */
  uploadId: string;
};

export type AuditFilter = {
  /** Exact action, or a prefix ending in "." (e.g. "auth.") */
  action?: string | null | undefined;
  actorId?: string | null | undefined;
  /** From this day (YYYY-MM-DD, Japan time) */
  from?: string | null | undefined;
  officeId?: string | null | undefined;
  outcome?: AuditOutcome | null | undefined;
  patientId?: string | null | undefined;
  roomId?: string | null | undefined;
  /** Through this day (YYYY-MM-DD, Japan time) */
  to?: string | null | undefined;
};

export type AuditOutcome =
  | 'DENIED'
  | 'FAILURE'
  | 'SUCCESS';

/** Where the caller stands in sign-in; only SIGNED_IN reaches data. */
export type AuthStep =
  | 'PASSWORD_CHANGE'
  | 'SIGNED_IN'
  | 'SIGNED_OUT'
  | 'TOTP_ENROLLMENT'
  | 'TOTP_REQUIRED';

export type CareLevel =
  | 'APPLYING'
  | 'CARE_1'
  | 'CARE_2'
  | 'CARE_3'
  | 'CARE_4'
  | 'CARE_5'
  | 'NONE'
  | 'SUPPORT_1'
  | 'SUPPORT_2';

export type ClosingReason =
  | 'DEATH'
  | 'FACILITY_ADMISSION'
  | 'OTHER';

export type ConsentFilter = {
  /** Consent date from (YYYY-MM-DD) */
  consentDateFrom?: string | null | undefined;
  /** Consent date to (YYYY-MM-DD) */
  consentDateTo?: string | null | undefined;
  explainingOfficeId?: string | null | undefined;
  /** The patient's name or フリガナ */
  q?: string | null | undefined;
  /** One room (its consent) */
  roomId?: string | null | undefined;
  /** true: withdrawn only; false: in force only */
  withdrawn?: boolean | null | undefined;
};

export type ConsentInput = {
  /** YYYY-MM-DD */
  consentDate: string;
  coveredOfficeIds: Array<string>;
  explainingOfficeId: string;
  explainingPersonName: string;
  proxyName?: string | null | undefined;
  proxyRelationship?: string | null | undefined;
  signer: ConsentSigner;
};

export type ConsentSigner =
  | 'PROXY'
  | 'SELF';

export type ConsentSort = {
  field?: ConsentSortField;
  order?: SortOrder;
};

export type ConsentSortField =
  | 'consentDate'
  | 'patientNameKana'
  | 'withdrawnAt';

export type CredentialsDelivery =
  | 'OFFICE_ADDRESS'
  | 'OTHER_ADDRESS';

export type DirectoryFilter = {
  jobType?: JobType | null | undefined;
  officeId?: string | null | undefined;
  q?: string | null | undefined;
};

export type FhirExportStatus =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type IdStopInput = {
  /** ID停止年月日 (YYYY-MM-DD); blank = today. Sign-in ends after this day. */
  stopDate?: string | null | undefined;
  userIds: Array<string>;
};

export type JobType =
  | 'ADMINISTRATOR'
  | 'CARE_MANAGER'
  | 'CARE_WORKER'
  | 'DENTIST'
  | 'DOCTOR'
  | 'NURSE'
  | 'OFFICE_STAFF'
  | 'OTHER'
  | 'PHARMACIST'
  | 'SOCIAL_WORKER'
  | 'THERAPIST';

export type MemberChangeInput = {
  permission: RoomPermission;
  untilDate?: string | null | undefined;
};

export type MemberInput = {
  /** First day of access; default today */
  fromDate?: string | null | undefined;
  permission?: RoomPermission;
  /** Last day of access; empty = open-ended */
  untilDate?: string | null | undefined;
  userId: string;
};

export type NotificationCategory =
  | 'ACCOUNT'
  | 'OTHER'
  | 'POST'
  | 'ROOM';

export type NotificationFilter = {
  category?: NotificationCategory | null | undefined;
  status?: NotificationStatus | null | undefined;
};

export type NotificationStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENT';

export type OfficeInput = {
  address: string;
  contactEmail: string;
  corporationAddress: string;
  corporationName: string;
  corporationNameKana: string;
  corporationPhone: string;
  corporationPostalCode?: string | null | undefined;
  credentialsAddress?: string | null | undefined;
  credentialsDelivery?: CredentialsDelivery;
  credentialsPostalCode?: string | null | undefined;
  kind: OfficeKind;
  name: string;
  nameKana?: string | null | undefined;
  note?: string | null | undefined;
  /** 事業所番号 (10 digits) */
  officeNumber?: string | null | undefined;
  phone: string;
  postalCode?: string | null | undefined;
  representativeName: string;
  representativeNameKana: string;
  serviceTypeOther?: string | null | undefined;
  serviceTypes?: Array<ServiceType>;
};

export type OfficeKind =
  /** 居宅介護支援事業所 (様式2-2C) */
  | 'CARE_MANAGEMENT'
  /** 医療機関 (様式1-2) */
  | 'MEDICAL'
  /** サービス事業所 (様式2-2B) */
  | 'SERVICE';

export type OfficeRegistrationInput = {
  office: OfficeInput;
  /** 事業所の誓約書の日付 (YYYY-MM-DD) */
  officePledgedOn: string;
  staff: Array<StaffInput>;
};

export type PageInput = {
  page?: number;
  perPage?: number;
};

export type PatientInput = {
  address: string;
  /** 生年月日: 和暦 (昭和15年3月2日, S15.3.2) or western (1940-03-02) */
  birthDate: string;
  careLevel: CareLevel;
  /** 被保険者番号 (10 digits) */
  insuredNumber?: string | null | undefined;
  name: string;
  /** フリガナ */
  nameKana: string;
  phone?: string | null | undefined;
  postalCode?: string | null | undefined;
  sex: Sex;
};

/** A correction by the author; the earlier version is kept */
export type PostEditInput = {
  body: string;
  title?: string | null | undefined;
  vitals?: VitalsInput | null | undefined;
};

export type PostFilter = {
  authorId?: string | null | undefined;
  kind?: PostKind | null | undefined;
  /** Words in the text (search inside the room) */
  q?: string | null | undefined;
  title?: string | null | undefined;
};

export type PostInput = {
  /** Images or PDF (5 MB each, 3 at most) */
  attachments?: Array<AttachmentUpload> | null | undefined;
  body: string;
  /** NOTE (連絡帳) or CARE_REPORT (ケアレポート) */
  kind: PostKind;
  /** Care reports: one of the room’s titles */
  title?: string | null | undefined;
  vitals?: VitalsInput | null | undefined;
};

export type PostKind =
  | 'CARE_REPORT'
  | 'CLOSING_REQUEST'
  | 'NOTE';

export type PostSort = {
  field?: PostSortField;
  order?: SortOrder;
};

export type PostSortField =
  | 'createdAt';

/** A person the applicant asks to have in the room */
export type RequestedMemberInput = {
  permission?: RoomPermission;
  userId: string;
};

export type Role =
  | 'CITY'
  | 'OFFICE'
  | 'VENDOR';

export type RoomCreationInput = {
  consent: ConsentInput;
  members: Array<RequestedMemberInput>;
  note?: string | null | undefined;
  patient: PatientInput;
};

export type RoomFilter = {
  ids?: Array<string> | null | undefined;
  q?: string | null | undefined;
  status?: RoomStatus | null | undefined;
};

export type RoomJoinInput = {
  note?: string | null | undefined;
  permission?: RoomPermission;
  roomId: string;
  userId: string;
};

export type RoomPermission =
  | 'CONTRIBUTOR'
  | 'COORDINATOR'
  | 'VIEWER';

export type RoomSetupInput = {
  /** ケアレポート標題 */
  careReportTitles: Array<string>;
  members: Array<MemberInput>;
  /** 部屋名 */
  name: string;
};

export type RoomSort = {
  field?: RoomSortField;
  order?: SortOrder;
};

export type RoomSortField =
  | 'createdAt'
  | 'name'
  | 'updatedAt';

export type RoomStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'CLOSING';

export type ServiceType =
  | 'COMMUNITY_DAY_SERVICE'
  | 'COMPREHENSIVE_DAY_SERVICE'
  | 'COMPREHENSIVE_HOME_VISIT'
  | 'DAY_REHABILITATION'
  | 'DAY_SERVICE'
  | 'DEMENTIA_DAY_SERVICE'
  | 'GERIATRIC_HEALTH_FACILITY'
  | 'GROUP_HOME'
  | 'HOME_BATHING'
  | 'HOME_HELP'
  | 'HOME_NURSING'
  | 'HOME_REHABILITATION'
  | 'NIGHT_HOME_HELP'
  | 'NURSING_SMALL_MULTIFUNCTIONAL'
  | 'OTHER'
  | 'PERIODIC_VISIT'
  | 'SHORT_STAY'
  | 'SHORT_STAY_GERIATRIC'
  | 'SMALL_MULTIFUNCTIONAL'
  | 'SPECIAL_NURSING_HOME'
  | 'WELFARE_EQUIPMENT';

export type Sex =
  | 'FEMALE'
  | 'MALE';

export type SortOrder =
  | 'ASC'
  | 'DESC';

export type StaffAdditionInput = {
  staff: Array<StaffInput>;
};

export type StaffInput = {
  /** 介護支援専門員番号 (8 digits) */
  careManagerNumber?: string | null | undefined;
  email?: string | null | undefined;
  /** ICT情報連携 希望する (service offices) */
  ictLinkage?: boolean;
  jobType: JobType;
  jobTypeOther?: string | null | undefined;
  name: string;
  /** フリガナ (katakana) */
  nameKana: string;
  /** 事業所のシステム管理担当者 (OFFICE accounts) */
  officeAdmin?: boolean;
  /** 従業者の誓約書の日付 (YYYY-MM-DD) */
  pledgedOn: string;
};

export type UserFilter = {
  ids?: Array<string> | null | undefined;
  jobType?: JobType | null | undefined;
  municipalityId?: string | null | undefined;
  officeAdmin?: boolean | null | undefined;
  officeId?: string | null | undefined;
  /** Part of the name, フリガナ or login ID */
  q?: string | null | undefined;
  role?: Role | null | undefined;
  status?: UserStatus | null | undefined;
};

export type UserStatus =
  | 'ACTIVE'
  | 'LOCKED'
  | 'PENDING'
  | 'STOPPED';

export type VitalsInput = {
  /** 拡張期血圧 mmHg */
  diastolic?: number | null | undefined;
  /** 脈拍 /min */
  pulse?: number | null | undefined;
  /** SpO2 % */
  spo2?: number | null | undefined;
  /** 収縮期血圧 mmHg */
  systolic?: number | null | undefined;
  /** 体温 ℃ */
  temperature?: number | null | undefined;
  /** 体重 kg */
  weight?: number | null | undefined;
};

export type ApplicationListFieldsFragment = { id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { id: string, name: string } | null, municipality: { id: string, name: string } };

export type ApplicationFieldsFragment = { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> };

export type ApplicationsQueryVariables = Exact<{
  filter?: ApplicationFilter | null | undefined;
  sort?: ApplicationSort | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type ApplicationsQuery = { applications: { total: number, items: Array<{ id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { id: string, name: string } | null, municipality: { id: string, name: string } }> } };

export type ApplicationQueryVariables = Exact<{
  id: string;
}>;


export type ApplicationQuery = { application: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type ApplicationCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ApplicationCountsQuery = { applicationCounts: Array<{ state: ApplicationState, count: number }> };

export type SubmitApplicationMutationVariables = Exact<{
  type: ApplicationType;
  input: ApplicationInput;
  officeId?: string | null | undefined;
  attachments?: Array<AttachmentUpload> | AttachmentUpload | null | undefined;
}>;


export type SubmitApplicationMutation = { submitApplication: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type ResubmitApplicationMutationVariables = Exact<{
  id: string;
  version: number;
  input: ApplicationInput;
  comment?: string | null | undefined;
}>;


export type ResubmitApplicationMutation = { resubmitApplication: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type AddApplicationAttachmentsMutationVariables = Exact<{
  applicationId: string;
  attachments: Array<AttachmentUpload> | AttachmentUpload;
}>;


export type AddApplicationAttachmentsMutation = { addApplicationAttachments: Array<{ id: string }> };

export type ForwardApplicationMutationVariables = Exact<{
  id: string;
  version: number;
  comment?: string | null | undefined;
}>;


export type ForwardApplicationMutation = { forwardApplication: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type ReturnApplicationMutationVariables = Exact<{
  id: string;
  version: number;
  comment: string;
}>;


export type ReturnApplicationMutation = { returnApplication: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type RejectApplicationMutationVariables = Exact<{
  id: string;
  version: number;
  comment: string;
}>;


export type RejectApplicationMutation = { rejectApplication: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type CompleteApplicationMutationVariables = Exact<{
  id: string;
  version: number;
  comment?: string | null | undefined;
}>;


export type CompleteApplicationMutation = { completeApplication: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type WithdrawApplicationMutationVariables = Exact<{
  id: string;
  version: number;
  comment?: string | null | undefined;
}>;


export type WithdrawApplicationMutation = { withdrawApplication: { applicantEmail: string, payload: any, forwardedAt: string | null, completedAt: string | null, createdAt: string, allowedActions: Array<ApplicationAction>, id: string, receiptNumber: string, type: ApplicationType, state: ApplicationState, channel: ApplicationChannel, summary: string, applicantName: string, submittedAt: string, updatedAt: string, version: number, office: { kind: OfficeKind, id: string, name: string } | null, municipality: { code: string, id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string }>, events: Array<{ id: string, action: ApplicationAction, fromState: ApplicationState | null, toState: ApplicationState, actorId: string | null, actorName: string, actorRole: string | null, comment: string | null, at: string }> } };

export type IssueActivationLetterMutationVariables = Exact<{
  applicationId: string;
}>;


export type IssueActivationLetterMutation = { issueActivationLetter: Array<{ loginId: string, name: string, nameKana: string, officeName: string, activationCode: string, expiresAt: string }> };

export type IssueActivationCodesMutationVariables = Exact<{
  userIds: Array<string> | string;
}>;


export type IssueActivationCodesMutation = { issueActivationCodes: Array<{ loginId: string, name: string, nameKana: string, officeName: string, activationCode: string, expiresAt: string }> };

export type NotificationsQueryVariables = Exact<{
  filter?: NotificationFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type NotificationsQuery = { notifications: { hasNextPage: boolean, items: Array<{ id: string, to: string, subject: string, status: NotificationStatus, attempts: number, lastError: string | null, createdAt: string, sentAt: string | null, kind: string, body: string }> } };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { hasNextPage: boolean, items: Array<{ id: string, occurredAt: string, action: string, actionLabel: string, targetName: string | null, patientName: string | null, outcome: AuditOutcome, actorId: string | null, actorLoginId: string | null, actorRole: string | null, targetType: string | null, targetId: string | null, municipalityId: string | null, officeId: string | null, patientId: string | null, roomId: string | null, ip: string | null, detail: any }> } };

export type AuditActionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditActionsQuery = { auditActions: Array<{ code: string, label: string }> };

export type AuditPatientsQueryVariables = Exact<{
  filter?: ConsentFilter | null | undefined;
  sort?: ConsentSort | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type AuditPatientsQuery = { consents: { items: Array<{ patientId: string, patientName: string, patientNameKana: string }> } };

export type AuthStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthStatusQuery = { authStatus: { step: AuthStep } };

export type LoginMutationVariables = Exact<{
  loginId: string;
  password: string;
}>;


export type LoginMutation = { login: { step: AuthStep } };

export type VerifyTotpMutationVariables = Exact<{
  code: string;
}>;


export type VerifyTotpMutation = { verifyTotp: { step: AuthStep } };

export type UseRecoveryCodeMutationVariables = Exact<{
  code: string;
}>;


export type UseRecoveryCodeMutation = { useRecoveryCode: { step: AuthStep } };

export type BeginTotpEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginTotpEnrollmentMutation = { beginTotpEnrollment: { qrCodeDataUrl: string, manualEntryKey: string, otpauthUri: string } };

export type ConfirmTotpEnrollmentMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpEnrollmentMutation = { confirmTotpEnrollment: { step: AuthStep, recoveryCodes: Array<string> } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: { step: AuthStep } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { abilities: Array<string>, me: { id: string, name: string, role: Role, officeAdmin: boolean, office: { id: string, name: string } | null, municipality: { id: string, name: string } | null } };

export type ConsentsQueryVariables = Exact<{
  filter?: ConsentFilter | null | undefined;
  sort?: ConsentSort | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type ConsentsQuery = { consents: { total: number, items: Array<{ id: string, roomId: string, roomName: string, roomStatus: RoomStatus, patientId: string, patientName: string, patientNameKana: string, consentDate: string, signer: ConsentSigner, proxyName: string | null, proxyRelationship: string | null, explainingOfficeName: string, explainingPersonName: string, coveredOfficeNames: Array<string>, withdrawnAt: string | null, withdrawalNote: string | null, formAttachmentId: string | null }> } };

export type WithdrawConsentFromRegisterMutationVariables = Exact<{
  roomId: string;
  note?: string | null | undefined;
}>;


export type WithdrawConsentFromRegisterMutation = { withdrawConsent: { id: string, withdrawnAt: string | null } };

export type FhirExportFieldsFragment = { id: string, status: FhirExportStatus, progress: number, total: number, createdAt: string, finishedAt: string | null, output: Array<{ type: string, count: number }> };

export type FhirExportsQueryVariables = Exact<{ [key: string]: never; }>;


export type FhirExportsQuery = { fhirExports: Array<{ id: string, status: FhirExportStatus, progress: number, total: number, createdAt: string, finishedAt: string | null, output: Array<{ type: string, count: number }> }> };

export type StartFhirExportMutationVariables = Exact<{ [key: string]: never; }>;


export type StartFhirExportMutation = { startFhirExport: { id: string, status: FhirExportStatus, progress: number, total: number, createdAt: string, finishedAt: string | null, output: Array<{ type: string, count: number }> } };

export type PublicMunicipalitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicMunicipalitiesQuery = { publicMunicipalities: Array<{ code: string, name: string, prefecture: string }> };

export type SubmitPublicRegistrationMutationVariables = Exact<{
  municipalityCode: string;
  input: OfficeRegistrationInput;
  applicantName: string;
  applicantEmail: string;
  attachments?: Array<AttachmentUpload> | AttachmentUpload | null | undefined;
}>;


export type SubmitPublicRegistrationMutation = { submitPublicRegistration: { receiptNumber: string, submittedAt: string } };

export type ActivateAccountMutationVariables = Exact<{
  loginId: string;
  activationCode: string;
  newPassword: string;
}>;


export type ActivateAccountMutation = { activateAccount: { step: AuthStep } };

export type RosterReportQueryVariables = Exact<{ [key: string]: never; }>;


export type RosterReportQuery = { rosterReport: { activeHeadcount: number, activeByJobType: Array<{ jobType: JobType, count: number }>, totals: Array<{ status: UserStatus, count: number }> } };

export type RosterOfficesQueryVariables = Exact<{
  page?: PageInput | null | undefined;
}>;


export type RosterOfficesQuery = { rosterOffices: { total: number, items: Array<{ municipalityName: string, officeId: string, officeName: string, officeKind: OfficeKind, counts: Array<{ jobType: JobType, status: UserStatus, count: number }> }> } };

export type RosterExportQueryVariables = Exact<{ [key: string]: never; }>;


export type RosterExportQuery = { rosterReport: { rows: Array<{ municipalityName: string, officeId: string | null, officeName: string | null, officeKind: OfficeKind | null, jobType: JobType, status: UserStatus, count: number }> } };

export type HomeFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeFiguresQuery = { rosterReport: { activeHeadcount: number, activeByJobType: Array<{ jobType: JobType, count: number }> }, roomsReport: { months: Array<{ month: string, opened: number, closed: number, openAtEnd: number }> } };

export type RoomsReportQueryVariables = Exact<{ [key: string]: never; }>;


export type RoomsReportQuery = { roomsReport: { months: Array<{ month: string, opened: number, closed: number, openAtEnd: number }>, membersPerRoom: Array<{ members: number, rooms: number }>, roomsPerOffice: Array<{ officeId: string, officeName: string, rooms: number }> } };

export type ApplicationsReportQueryVariables = Exact<{ [key: string]: never; }>;


export type ApplicationsReportQuery = { applicationsReport: { counts: Array<{ type: ApplicationType, state: ApplicationState, count: number }>, durations: Array<{ type: ApplicationType, step: string, count: number, medianDays: number, p90Days: number }> } };

export type ActivityReportQueryVariables = Exact<{ [key: string]: never; }>;


export type ActivityReportQuery = { activityReport: Array<{ month: string, officeId: string, officeName: string, posts: number, careReports: number }> };

export type ActivityMonthsQueryVariables = Exact<{ [key: string]: never; }>;


export type ActivityMonthsQuery = { activityMonths: Array<{ month: string, posts: number, careReports: number }> };

export type ActivityOfficesQueryVariables = Exact<{
  month: string;
  page?: PageInput | null | undefined;
}>;


export type ActivityOfficesQuery = { activityOffices: { total: number, items: Array<{ month: string, officeId: string, officeName: string, posts: number, careReports: number }> } };

export type SubmitRoomCreationMutationVariables = Exact<{
  input: ApplicationInput;
  attachments?: Array<AttachmentUpload> | AttachmentUpload | null | undefined;
}>;


export type SubmitRoomCreationMutation = { submitApplication: { id: string, state: ApplicationState, summary: string } };

export type RoomApplicationQueryVariables = Exact<{
  id: string;
}>;


export type RoomApplicationQuery = { application: { id: string, version: number, type: ApplicationType, state: ApplicationState, summary: string, applicantName: string, submittedAt: string, allowedActions: Array<ApplicationAction>, payload: any, attachments: Array<{ id: string, filename: string, contentType: string, size: number }>, municipality: { id: string, defaultCareReportTitles: Array<string> } } };

export type OwnRoomApplicationQueryVariables = Exact<{
  id: string;
}>;


export type OwnRoomApplicationQuery = { application: { id: string, version: number, type: ApplicationType, state: ApplicationState, allowedActions: Array<ApplicationAction>, payload: any, attachments: Array<{ id: string, filename: string }>, events: Array<{ action: ApplicationAction, comment: string | null, at: string }> } };

export type ResubmitRoomCreationMutationVariables = Exact<{
  id: string;
  version: number;
  input: ApplicationInput;
}>;


export type ResubmitRoomCreationMutation = { resubmitApplication: { id: string, summary: string } };

export type AddRoomFormScansMutationVariables = Exact<{
  applicationId: string;
  attachments: Array<AttachmentUpload> | AttachmentUpload;
}>;


export type AddRoomFormScansMutation = { addApplicationAttachments: Array<{ id: string }> };

export type PendingRoomCreationsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingRoomCreationsQuery = { applications: { total: number, items: Array<{ id: string, summary: string, applicantName: string, submittedAt: string }> } };

export type PendingRoomJoinsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingRoomJoinsQuery = { applications: { items: Array<{ id: string, receiptNumber: string, summary: string, applicantName: string, submittedAt: string, payload: any }> } };

export type RoomClosingRequestQueryVariables = Exact<{
  filter?: ApplicationFilter | null | undefined;
}>;


export type RoomClosingRequestQuery = { applications: { items: Array<{ id: string, payload: any }> } };

export type RoomApplicantsQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type RoomApplicantsQuery = { users: { items: Array<{ id: string, name: string, nameKana: string, jobType: JobType, status: UserStatus, office: { id: string, name: string } | null }> } };

export type CreateRoomFromApplicationMutationVariables = Exact<{
  applicationId: string;
  version: number;
  setup: RoomSetupInput;
  comment?: string | null | undefined;
}>;


export type CreateRoomFromApplicationMutation = { createRoomFromApplication: { id: string, state: ApplicationState, payload: any } };

export type PersonFieldsFragment = { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null };

export type VitalsFieldsFragment = { systolic: number | null, diastolic: number | null, pulse: number | null, temperature: number | null, spo2: number | null, weight: number | null };

export type ConsentFieldsFragment = { id: string, version: number, consentDate: string, signer: ConsentSigner, proxyName: string | null, proxyRelationship: string | null, explainingOfficeName: string, explainingPersonName: string, coveredOfficeIds: Array<string>, coveredOfficeNames: Array<string>, formAttachmentId: string | null, withdrawnAt: string | null, withdrawalNote: string | null };

export type MemberFieldsFragment = { id: string, version: number, permission: RoomPermission, live: boolean, fromDate: string, untilDate: string | null, endedReason: string | null, person: { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null } };

export type RoomSummaryFieldsFragment = { id: string, name: string, status: RoomStatus, unreadCount: number, myPermission: RoomPermission | null, createdAt: string, updatedAt: string, closedAt: string | null };

export type RoomsQueryVariables = Exact<{
  filter?: RoomFilter | null | undefined;
  page?: PageInput | null | undefined;
  sort?: RoomSort | null | undefined;
}>;


export type RoomsQuery = { rooms: { total: number, items: Array<{ id: string, name: string, status: RoomStatus, unreadCount: number, myPermission: RoomPermission | null, createdAt: string, updatedAt: string, closedAt: string | null }> } };

export type RoomQueryVariables = Exact<{
  id: string;
}>;


export type RoomQuery = { room: { version: number, writable: boolean, careReportTitles: Array<string>, closedReason: ClosingReason | null, id: string, name: string, status: RoomStatus, unreadCount: number, myPermission: RoomPermission | null, createdAt: string, updatedAt: string, closedAt: string | null, patient: { id: string, name: string, nameKana: string, sex: Sex, birthDate: string, birthDateWareki: string, careLevel: CareLevel, postalCode: string | null, address: string, phone: string | null, insuredNumber: string | null }, consent: { id: string, version: number, consentDate: string, signer: ConsentSigner, proxyName: string | null, proxyRelationship: string | null, explainingOfficeName: string, explainingPersonName: string, coveredOfficeIds: Array<string>, coveredOfficeNames: Array<string>, formAttachmentId: string | null, withdrawnAt: string | null, withdrawalNote: string | null }, members: Array<{ id: string, version: number, permission: RoomPermission, live: boolean, fromDate: string, untilDate: string | null, endedReason: string | null, person: { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null } }> } };

export type PostsQueryVariables = Exact<{
  roomId: string;
  filter?: PostFilter | null | undefined;
  page?: PageInput | null | undefined;
  sort?: PostSort | null | undefined;
}>;


export type PostsQuery = { posts: { total: number, items: Array<{ id: string, version: number, kind: PostKind, title: string | null, body: string, closingReason: ClosingReason | null, createdAt: string, editedAt: string | null, readCount: number, readByMe: boolean, vitals: { systolic: number | null, diastolic: number | null, pulse: number | null, temperature: number | null, spo2: number | null, weight: number | null } | null, author: { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null }, attachments: Array<{ id: string, filename: string, contentType: string, size: number }>, revisions: Array<{ id: string, title: string | null, body: string, vitals: any, replacedAt: string }> }> } };

export type PostReadersQueryVariables = Exact<{
  roomId: string;
  filter?: PostFilter | null | undefined;
  page?: PageInput | null | undefined;
  sort?: PostSort | null | undefined;
}>;


export type PostReadersQuery = { posts: { total: number, items: Array<{ id: string, readers: Array<{ readAt: string, person: { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null } }> }> } };

export type RoomCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type RoomCountsQuery = { roomCounts: Array<{ status: RoomStatus, count: number }> };

export type RoomVitalsQueryVariables = Exact<{
  roomId: string;
}>;


export type RoomVitalsQuery = { roomVitals: Array<{ id: string, createdAt: string, title: string | null, vitals: { systolic: number | null, diastolic: number | null, pulse: number | null, temperature: number | null, spo2: number | null, weight: number | null } | null }> };

export type DirectoryQueryVariables = Exact<{
  filter?: DirectoryFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type DirectoryQuery = { directory: { total: number, items: Array<{ id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null }> } };

export type RoomOfficesQueryVariables = Exact<{ [key: string]: never; }>;


export type RoomOfficesQuery = { officeDirectory: Array<{ id: string, name: string }> };

export type CreatePostMutationVariables = Exact<{
  roomId: string;
  input: PostInput;
}>;


export type CreatePostMutation = { createPost: { id: string } };

export type EditPostMutationVariables = Exact<{
  id: string;
  version: number;
  input: PostEditInput;
}>;


export type EditPostMutation = { editPost: { id: string, version: number } };

export type MarkPostsReadMutationVariables = Exact<{
  roomId: string;
  postIds?: Array<string> | string | null | undefined;
}>;


export type MarkPostsReadMutation = { markPostsRead: number };

export type RequestRoomClosingMutationVariables = Exact<{
  roomId: string;
  reason: ClosingReason;
  body: string;
}>;


export type RequestRoomClosingMutation = { requestRoomClosing: { id: string } };

export type RequestRoomJoinMutationVariables = Exact<{
  input: ApplicationInput;
}>;


export type RequestRoomJoinMutation = { submitApplication: { id: string } };

export type AddRoomMemberMutationVariables = Exact<{
  roomId: string;
  member: MemberInput;
}>;


export type AddRoomMemberMutation = { addRoomMember: { id: string, version: number, permission: RoomPermission, live: boolean, fromDate: string, untilDate: string | null, endedReason: string | null, person: { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null } } };

export type ChangeRoomMemberMutationVariables = Exact<{
  id: string;
  version: number;
  input: MemberChangeInput;
}>;


export type ChangeRoomMemberMutation = { changeRoomMember: { id: string, version: number, permission: RoomPermission, live: boolean, fromDate: string, untilDate: string | null, endedReason: string | null, person: { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null } } };

export type RemoveRoomMemberMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type RemoveRoomMemberMutation = { removeRoomMember: { id: string, version: number, permission: RoomPermission, live: boolean, fromDate: string, untilDate: string | null, endedReason: string | null, person: { id: string, name: string, nameKana: string, jobType: JobType, officeName: string | null } } };

export type SetCareReportTitlesMutationVariables = Exact<{
  roomId: string;
  version: number;
  titles: Array<string> | string;
}>;


export type SetCareReportTitlesMutation = { setCareReportTitles: { id: string } };

export type DefaultTitlesQueryVariables = Exact<{
  id: string;
}>;


export type DefaultTitlesQuery = { municipality: { id: string, defaultCareReportTitles: Array<string> } };

export type SetDefaultCareReportTitlesMutationVariables = Exact<{
  titles: Array<string> | string;
}>;


export type SetDefaultCareReportTitlesMutation = { setDefaultCareReportTitles: { id: string } };

export type CoverOfficesMutationVariables = Exact<{
  roomId: string;
  officeIds: Array<string> | string;
}>;


export type CoverOfficesMutation = { coverOfficesByConsent: { id: string, version: number, consentDate: string, signer: ConsentSigner, proxyName: string | null, proxyRelationship: string | null, explainingOfficeName: string, explainingPersonName: string, coveredOfficeIds: Array<string>, coveredOfficeNames: Array<string>, formAttachmentId: string | null, withdrawnAt: string | null, withdrawalNote: string | null } };

export type WithdrawConsentMutationVariables = Exact<{
  roomId: string;
  note?: string | null | undefined;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { id: string, version: number, consentDate: string, signer: ConsentSigner, proxyName: string | null, proxyRelationship: string | null, explainingOfficeName: string, explainingPersonName: string, coveredOfficeIds: Array<string>, coveredOfficeNames: Array<string>, formAttachmentId: string | null, withdrawnAt: string | null, withdrawalNote: string | null } };

export type ApiTokenFieldsFragment = { id: string, name: string, prefix: string, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, prefix: string, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiTokenMutationVariables = Exact<{
  input: ApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken: { secret: string, token: { id: string, name: string, prefix: string, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { id: string, name: string, prefix: string, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ApplicationListFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
    `, {"fragmentName":"ApplicationListFields"}) as unknown as TypedDocumentString<ApplicationListFieldsFragment, unknown>;
export const ApplicationFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}`, {"fragmentName":"ApplicationFields"}) as unknown as TypedDocumentString<ApplicationFieldsFragment, unknown>;
export const FhirExportFieldsFragmentDoc = new TypedDocumentString(`
    fragment FhirExportFields on FhirExport {
  id
  status
  progress
  total
  createdAt
  finishedAt
  output {
    type
    count
  }
}
    `, {"fragmentName":"FhirExportFields"}) as unknown as TypedDocumentString<FhirExportFieldsFragment, unknown>;
export const VitalsFieldsFragmentDoc = new TypedDocumentString(`
    fragment VitalsFields on Vitals {
  systolic
  diastolic
  pulse
  temperature
  spo2
  weight
}
    `, {"fragmentName":"VitalsFields"}) as unknown as TypedDocumentString<VitalsFieldsFragment, unknown>;
export const ConsentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsentFields on Consent {
  id
  version
  consentDate
  signer
  proxyName
  proxyRelationship
  explainingOfficeName
  explainingPersonName
  coveredOfficeIds
  coveredOfficeNames
  formAttachmentId
  withdrawnAt
  withdrawalNote
}
    `, {"fragmentName":"ConsentFields"}) as unknown as TypedDocumentString<ConsentFieldsFragment, unknown>;
export const PersonFieldsFragmentDoc = new TypedDocumentString(`
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}
    `, {"fragmentName":"PersonFields"}) as unknown as TypedDocumentString<PersonFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on RoomMember {
  id
  version
  permission
  live
  fromDate
  untilDate
  endedReason
  person {
    ...PersonFields
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}`, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const RoomSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment RoomSummaryFields on Room {
  id
  name
  status
  unreadCount
  myPermission
  createdAt
  updatedAt
  closedAt
}
    `, {"fragmentName":"RoomSummaryFields"}) as unknown as TypedDocumentString<RoomSummaryFieldsFragment, unknown>;
export const ApiTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ApiTokenFields"}) as unknown as TypedDocumentString<ApiTokenFieldsFragment, unknown>;
export const ApplicationsDocument = new TypedDocumentString(`
    query Applications($filter: ApplicationFilter, $sort: ApplicationSort, $page: PageInput) {
  applications(filter: $filter, sort: $sort, page: $page) {
    items {
      ...ApplicationListFields
    }
    total
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}`) as unknown as TypedDocumentString<ApplicationsQuery, ApplicationsQueryVariables>;
export const ApplicationDocument = new TypedDocumentString(`
    query Application($id: ID!) {
  application(id: $id) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<ApplicationQuery, ApplicationQueryVariables>;
export const ApplicationCountsDocument = new TypedDocumentString(`
    query ApplicationCounts {
  applicationCounts {
    state
    count
  }
}
    `) as unknown as TypedDocumentString<ApplicationCountsQuery, ApplicationCountsQueryVariables>;
export const SubmitApplicationDocument = new TypedDocumentString(`
    mutation SubmitApplication($type: ApplicationType!, $input: ApplicationInput!, $officeId: ID, $attachments: [AttachmentUpload!]) {
  submitApplication(
    type: $type
    input: $input
    officeId: $officeId
    attachments: $attachments
  ) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const ResubmitApplicationDocument = new TypedDocumentString(`
    mutation ResubmitApplication($id: ID!, $version: Int!, $input: ApplicationInput!, $comment: String) {
  resubmitApplication(
    id: $id
    version: $version
    input: $input
    comment: $comment
  ) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<ResubmitApplicationMutation, ResubmitApplicationMutationVariables>;
export const AddApplicationAttachmentsDocument = new TypedDocumentString(`
    mutation AddApplicationAttachments($applicationId: ID!, $attachments: [AttachmentUpload!]!) {
  addApplicationAttachments(
    applicationId: $applicationId
    attachments: $attachments
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddApplicationAttachmentsMutation, AddApplicationAttachmentsMutationVariables>;
export const ForwardApplicationDocument = new TypedDocumentString(`
    mutation ForwardApplication($id: ID!, $version: Int!, $comment: String) {
  forwardApplication(id: $id, version: $version, comment: $comment) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<ForwardApplicationMutation, ForwardApplicationMutationVariables>;
export const ReturnApplicationDocument = new TypedDocumentString(`
    mutation ReturnApplication($id: ID!, $version: Int!, $comment: String!) {
  returnApplication(id: $id, version: $version, comment: $comment) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<ReturnApplicationMutation, ReturnApplicationMutationVariables>;
export const RejectApplicationDocument = new TypedDocumentString(`
    mutation RejectApplication($id: ID!, $version: Int!, $comment: String!) {
  rejectApplication(id: $id, version: $version, comment: $comment) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<RejectApplicationMutation, RejectApplicationMutationVariables>;
export const CompleteApplicationDocument = new TypedDocumentString(`
    mutation CompleteApplication($id: ID!, $version: Int!, $comment: String) {
  completeApplication(id: $id, version: $version, comment: $comment) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<CompleteApplicationMutation, CompleteApplicationMutationVariables>;
export const WithdrawApplicationDocument = new TypedDocumentString(`
    mutation WithdrawApplication($id: ID!, $version: Int!, $comment: String) {
  withdrawApplication(id: $id, version: $version, comment: $comment) {
    ...ApplicationFields
  }
}
    fragment ApplicationListFields on Application {
  id
  receiptNumber
  type
  state
  channel
  summary
  applicantName
  submittedAt
  updatedAt
  version
  office {
    id
    name
  }
  municipality {
    id
    name
  }
}
fragment ApplicationFields on Application {
  ...ApplicationListFields
  applicantEmail
  payload
  forwardedAt
  completedAt
  createdAt
  allowedActions
  office {
    kind
  }
  municipality {
    code
  }
  attachments {
    id
    filename
    contentType
    size
    sha256
    createdAt
  }
  events {
    id
    action
    fromState
    toState
    actorId
    actorName
    actorRole
    comment
    at
  }
}`) as unknown as TypedDocumentString<WithdrawApplicationMutation, WithdrawApplicationMutationVariables>;
export const IssueActivationLetterDocument = new TypedDocumentString(`
    mutation IssueActivationLetter($applicationId: ID!) {
  issueActivationLetter(applicationId: $applicationId) {
    loginId
    name
    nameKana
    officeName
    activationCode
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<IssueActivationLetterMutation, IssueActivationLetterMutationVariables>;
export const IssueActivationCodesDocument = new TypedDocumentString(`
    mutation IssueActivationCodes($userIds: [ID!]!) {
  issueActivationCodes(userIds: $userIds) {
    loginId
    name
    nameKana
    officeName
    activationCode
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<IssueActivationCodesMutation, IssueActivationCodesMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($filter: NotificationFilter, $page: PageInput) {
  notifications(filter: $filter, page: $page) {
    items {
      id
      to
      subject
      status
      attempts
      lastError
      createdAt
      sentAt
      kind
      body
    }
    hasNextPage
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($filter: AuditFilter, $page: PageInput) {
  auditEvents(filter: $filter, page: $page) {
    items {
      id
      occurredAt
      action
      actionLabel
      targetName
      patientName
      outcome
      actorId
      actorLoginId
      actorRole
      targetType
      targetId
      municipalityId
      officeId
      patientId
      roomId
      ip
      detail
    }
    hasNextPage
  }
}
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditActionsDocument = new TypedDocumentString(`
    query AuditActions {
  auditActions {
    code
    label
  }
}
    `) as unknown as TypedDocumentString<AuditActionsQuery, AuditActionsQueryVariables>;
export const AuditPatientsDocument = new TypedDocumentString(`
    query AuditPatients($filter: ConsentFilter, $sort: ConsentSort, $page: PageInput) {
  consents(filter: $filter, sort: $sort, page: $page) {
    items {
      patientId
      patientName
      patientNameKana
    }
  }
}
    `) as unknown as TypedDocumentString<AuditPatientsQuery, AuditPatientsQueryVariables>;
export const AuthStatusDocument = new TypedDocumentString(`
    query AuthStatus {
  authStatus {
    step
  }
}
    `) as unknown as TypedDocumentString<AuthStatusQuery, AuthStatusQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($loginId: String!, $password: String!) {
  login(loginId: $loginId, password: $password) {
    step
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const VerifyTotpDocument = new TypedDocumentString(`
    mutation VerifyTotp($code: String!) {
  verifyTotp(code: $code) {
    step
  }
}
    `) as unknown as TypedDocumentString<VerifyTotpMutation, VerifyTotpMutationVariables>;
export const UseRecoveryCodeDocument = new TypedDocumentString(`
    mutation UseRecoveryCode($code: String!) {
  useRecoveryCode(code: $code) {
    step
  }
}
    `) as unknown as TypedDocumentString<UseRecoveryCodeMutation, UseRecoveryCodeMutationVariables>;
export const BeginTotpEnrollmentDocument = new TypedDocumentString(`
    mutation BeginTotpEnrollment {
  beginTotpEnrollment {
    qrCodeDataUrl
    manualEntryKey
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<BeginTotpEnrollmentMutation, BeginTotpEnrollmentMutationVariables>;
export const ConfirmTotpEnrollmentDocument = new TypedDocumentString(`
    mutation ConfirmTotpEnrollment($code: String!) {
  confirmTotpEnrollment(code: $code) {
    step
    recoveryCodes
  }
}
    `) as unknown as TypedDocumentString<ConfirmTotpEnrollmentMutation, ConfirmTotpEnrollmentMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    step
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    name
    role
    officeAdmin
    office {
      id
      name
    }
    municipality {
      id
      name
    }
  }
  abilities
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const ConsentsDocument = new TypedDocumentString(`
    query Consents($filter: ConsentFilter, $sort: ConsentSort, $page: PageInput) {
  consents(filter: $filter, sort: $sort, page: $page) {
    total
    items {
      id
      roomId
      roomName
      roomStatus
      patientId
      patientName
      patientNameKana
      consentDate
      signer
      proxyName
      proxyRelationship
      explainingOfficeName
      explainingPersonName
      coveredOfficeNames
      withdrawnAt
      withdrawalNote
      formAttachmentId
    }
  }
}
    `) as unknown as TypedDocumentString<ConsentsQuery, ConsentsQueryVariables>;
export const WithdrawConsentFromRegisterDocument = new TypedDocumentString(`
    mutation WithdrawConsentFromRegister($roomId: ID!, $note: String) {
  withdrawConsent(roomId: $roomId, note: $note) {
    id
    withdrawnAt
  }
}
    `) as unknown as TypedDocumentString<WithdrawConsentFromRegisterMutation, WithdrawConsentFromRegisterMutationVariables>;
export const FhirExportsDocument = new TypedDocumentString(`
    query FhirExports {
  fhirExports {
    ...FhirExportFields
  }
}
    fragment FhirExportFields on FhirExport {
  id
  status
  progress
  total
  createdAt
  finishedAt
  output {
    type
    count
  }
}`) as unknown as TypedDocumentString<FhirExportsQuery, FhirExportsQueryVariables>;
export const StartFhirExportDocument = new TypedDocumentString(`
    mutation StartFhirExport {
  startFhirExport {
    ...FhirExportFields
  }
}
    fragment FhirExportFields on FhirExport {
  id
  status
  progress
  total
  createdAt
  finishedAt
  output {
    type
    count
  }
}`) as unknown as TypedDocumentString<StartFhirExportMutation, StartFhirExportMutationVariables>;
export const PublicMunicipalitiesDocument = new TypedDocumentString(`
    query PublicMunicipalities {
  publicMunicipalities {
    code
    name
    prefecture
  }
}
    `) as unknown as TypedDocumentString<PublicMunicipalitiesQuery, PublicMunicipalitiesQueryVariables>;
export const SubmitPublicRegistrationDocument = new TypedDocumentString(`
    mutation SubmitPublicRegistration($municipalityCode: String!, $input: OfficeRegistrationInput!, $applicantName: String!, $applicantEmail: String!, $attachments: [AttachmentUpload!]) {
  submitPublicRegistration(
    municipalityCode: $municipalityCode
    input: $input
    applicantName: $applicantName
    applicantEmail: $applicantEmail
    attachments: $attachments
  ) {
    receiptNumber
    submittedAt
  }
}
    `) as unknown as TypedDocumentString<SubmitPublicRegistrationMutation, SubmitPublicRegistrationMutationVariables>;
export const ActivateAccountDocument = new TypedDocumentString(`
    mutation ActivateAccount($loginId: String!, $activationCode: String!, $newPassword: String!) {
  activateAccount(
    loginId: $loginId
    activationCode: $activationCode
    newPassword: $newPassword
  ) {
    step
  }
}
    `) as unknown as TypedDocumentString<ActivateAccountMutation, ActivateAccountMutationVariables>;
export const RosterReportDocument = new TypedDocumentString(`
    query RosterReport {
  rosterReport {
    activeHeadcount
    activeByJobType {
      jobType
      count
    }
    totals {
      status
      count
    }
  }
}
    `) as unknown as TypedDocumentString<RosterReportQuery, RosterReportQueryVariables>;
export const RosterOfficesDocument = new TypedDocumentString(`
    query RosterOffices($page: PageInput) {
  rosterOffices(page: $page) {
    total
    items {
      municipalityName
      officeId
      officeName
      officeKind
      counts {
        jobType
        status
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RosterOfficesQuery, RosterOfficesQueryVariables>;
export const RosterExportDocument = new TypedDocumentString(`
    query RosterExport {
  rosterReport {
    rows {
      municipalityName
      officeId
      officeName
      officeKind
      jobType
      status
      count
    }
  }
}
    `) as unknown as TypedDocumentString<RosterExportQuery, RosterExportQueryVariables>;
export const HomeFiguresDocument = new TypedDocumentString(`
    query HomeFigures {
  rosterReport {
    activeHeadcount
    activeByJobType {
      jobType
      count
    }
  }
  roomsReport {
    months {
      month
      opened
      closed
      openAtEnd
    }
  }
}
    `) as unknown as TypedDocumentString<HomeFiguresQuery, HomeFiguresQueryVariables>;
export const RoomsReportDocument = new TypedDocumentString(`
    query RoomsReport {
  roomsReport {
    months {
      month
      opened
      closed
      openAtEnd
    }
    membersPerRoom {
      members
      rooms
    }
    roomsPerOffice {
      officeId
      officeName
      rooms
    }
  }
}
    `) as unknown as TypedDocumentString<RoomsReportQuery, RoomsReportQueryVariables>;
export const ApplicationsReportDocument = new TypedDocumentString(`
    query ApplicationsReport {
  applicationsReport {
    counts {
      type
      state
      count
    }
    durations {
      type
      step
      count
      medianDays
      p90Days
    }
  }
}
    `) as unknown as TypedDocumentString<ApplicationsReportQuery, ApplicationsReportQueryVariables>;
export const ActivityReportDocument = new TypedDocumentString(`
    query ActivityReport {
  activityReport {
    month
    officeId
    officeName
    posts
    careReports
  }
}
    `) as unknown as TypedDocumentString<ActivityReportQuery, ActivityReportQueryVariables>;
export const ActivityMonthsDocument = new TypedDocumentString(`
    query ActivityMonths {
  activityMonths {
    month
    posts
    careReports
  }
}
    `) as unknown as TypedDocumentString<ActivityMonthsQuery, ActivityMonthsQueryVariables>;
export const ActivityOfficesDocument = new TypedDocumentString(`
    query ActivityOffices($month: String!, $page: PageInput) {
  activityOffices(month: $month, page: $page) {
    total
    items {
      month
      officeId
      officeName
      posts
      careReports
    }
  }
}
    `) as unknown as TypedDocumentString<ActivityOfficesQuery, ActivityOfficesQueryVariables>;
export const SubmitRoomCreationDocument = new TypedDocumentString(`
    mutation SubmitRoomCreation($input: ApplicationInput!, $attachments: [AttachmentUpload!]) {
  submitApplication(type: ROOM_CREATION, input: $input, attachments: $attachments) {
    id
    state
    summary
  }
}
    `) as unknown as TypedDocumentString<SubmitRoomCreationMutation, SubmitRoomCreationMutationVariables>;
export const RoomApplicationDocument = new TypedDocumentString(`
    query RoomApplication($id: ID!) {
  application(id: $id) {
    id
    version
    type
    state
    summary
    applicantName
    submittedAt
    allowedActions
    payload
    attachments {
      id
      filename
      contentType
      size
    }
    municipality {
      id
      defaultCareReportTitles
    }
  }
}
    `) as unknown as TypedDocumentString<RoomApplicationQuery, RoomApplicationQueryVariables>;
export const OwnRoomApplicationDocument = new TypedDocumentString(`
    query OwnRoomApplication($id: ID!) {
  application(id: $id) {
    id
    version
    type
    state
    allowedActions
    payload
    attachments {
      id
      filename
    }
    events {
      action
      comment
      at
    }
  }
}
    `) as unknown as TypedDocumentString<OwnRoomApplicationQuery, OwnRoomApplicationQueryVariables>;
export const ResubmitRoomCreationDocument = new TypedDocumentString(`
    mutation ResubmitRoomCreation($id: ID!, $version: Int!, $input: ApplicationInput!) {
  resubmitApplication(id: $id, version: $version, input: $input) {
    id
    summary
  }
}
    `) as unknown as TypedDocumentString<ResubmitRoomCreationMutation, ResubmitRoomCreationMutationVariables>;
export const AddRoomFormScansDocument = new TypedDocumentString(`
    mutation AddRoomFormScans($applicationId: ID!, $attachments: [AttachmentUpload!]!) {
  addApplicationAttachments(
    applicationId: $applicationId
    attachments: $attachments
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddRoomFormScansMutation, AddRoomFormScansMutationVariables>;
export const PendingRoomCreationsDocument = new TypedDocumentString(`
    query PendingRoomCreations {
  applications(
    filter: {type: ROOM_CREATION, states: [SUBMITTED]}
    sort: {field: submittedAt, order: ASC}
    page: {perPage: 50}
  ) {
    total
    items {
      id
      summary
      applicantName
      submittedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PendingRoomCreationsQuery, PendingRoomCreationsQueryVariables>;
export const PendingRoomJoinsDocument = new TypedDocumentString(`
    query PendingRoomJoins {
  applications(
    filter: {type: ROOM_JOIN, states: [SUBMITTED]}
    sort: {field: submittedAt, order: ASC}
    page: {perPage: 100}
  ) {
    items {
      id
      receiptNumber
      summary
      applicantName
      submittedAt
      payload
    }
  }
}
    `) as unknown as TypedDocumentString<PendingRoomJoinsQuery, PendingRoomJoinsQueryVariables>;
export const RoomClosingRequestDocument = new TypedDocumentString(`
    query RoomClosingRequest($filter: ApplicationFilter) {
  applications(filter: $filter, page: {perPage: 50}) {
    items {
      id
      payload
    }
  }
}
    `) as unknown as TypedDocumentString<RoomClosingRequestQuery, RoomClosingRequestQueryVariables>;
export const RoomApplicantsDocument = new TypedDocumentString(`
    query RoomApplicants($filter: UserFilter, $page: PageInput) {
  users(filter: $filter, page: $page) {
    items {
      id
      name
      nameKana
      jobType
      status
      office {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoomApplicantsQuery, RoomApplicantsQueryVariables>;
export const CreateRoomFromApplicationDocument = new TypedDocumentString(`
    mutation CreateRoomFromApplication($applicationId: ID!, $version: Int!, $setup: RoomSetupInput!, $comment: String) {
  createRoomFromApplication(
    applicationId: $applicationId
    version: $version
    setup: $setup
    comment: $comment
  ) {
    id
    state
    payload
  }
}
    `) as unknown as TypedDocumentString<CreateRoomFromApplicationMutation, CreateRoomFromApplicationMutationVariables>;
export const RoomsDocument = new TypedDocumentString(`
    query Rooms($filter: RoomFilter, $page: PageInput, $sort: RoomSort) {
  rooms(filter: $filter, page: $page, sort: $sort) {
    total
    items {
      ...RoomSummaryFields
    }
  }
}
    fragment RoomSummaryFields on Room {
  id
  name
  status
  unreadCount
  myPermission
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<RoomsQuery, RoomsQueryVariables>;
export const RoomDocument = new TypedDocumentString(`
    query Room($id: ID!) {
  room(id: $id) {
    ...RoomSummaryFields
    version
    writable
    careReportTitles
    closedReason
    patient {
      id
      name
      nameKana
      sex
      birthDate
      birthDateWareki
      careLevel
      postalCode
      address
      phone
      insuredNumber
    }
    consent {
      ...ConsentFields
    }
    members {
      ...MemberFields
    }
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}
fragment ConsentFields on Consent {
  id
  version
  consentDate
  signer
  proxyName
  proxyRelationship
  explainingOfficeName
  explainingPersonName
  coveredOfficeIds
  coveredOfficeNames
  formAttachmentId
  withdrawnAt
  withdrawalNote
}
fragment MemberFields on RoomMember {
  id
  version
  permission
  live
  fromDate
  untilDate
  endedReason
  person {
    ...PersonFields
  }
}
fragment RoomSummaryFields on Room {
  id
  name
  status
  unreadCount
  myPermission
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<RoomQuery, RoomQueryVariables>;
export const PostsDocument = new TypedDocumentString(`
    query Posts($roomId: ID!, $filter: PostFilter, $page: PageInput, $sort: PostSort) {
  posts(roomId: $roomId, filter: $filter, page: $page, sort: $sort) {
    total
    items {
      id
      version
      kind
      title
      body
      closingReason
      createdAt
      editedAt
      readCount
      readByMe
      vitals {
        ...VitalsFields
      }
      author {
        ...PersonFields
      }
      attachments {
        id
        filename
        contentType
        size
      }
      revisions {
        id
        title
        body
        vitals
        replacedAt
      }
    }
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}
fragment VitalsFields on Vitals {
  systolic
  diastolic
  pulse
  temperature
  spo2
  weight
}`) as unknown as TypedDocumentString<PostsQuery, PostsQueryVariables>;
export const PostReadersDocument = new TypedDocumentString(`
    query PostReaders($roomId: ID!, $filter: PostFilter, $page: PageInput, $sort: PostSort) {
  posts(roomId: $roomId, filter: $filter, page: $page, sort: $sort) {
    total
    items {
      id
      readers {
        readAt
        person {
          ...PersonFields
        }
      }
    }
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}`) as unknown as TypedDocumentString<PostReadersQuery, PostReadersQueryVariables>;
export const RoomCountsDocument = new TypedDocumentString(`
    query RoomCounts {
  roomCounts {
    status
    count
  }
}
    `) as unknown as TypedDocumentString<RoomCountsQuery, RoomCountsQueryVariables>;
export const RoomVitalsDocument = new TypedDocumentString(`
    query RoomVitals($roomId: ID!) {
  roomVitals(roomId: $roomId) {
    id
    createdAt
    title
    vitals {
      ...VitalsFields
    }
  }
}
    fragment VitalsFields on Vitals {
  systolic
  diastolic
  pulse
  temperature
  spo2
  weight
}`) as unknown as TypedDocumentString<RoomVitalsQuery, RoomVitalsQueryVariables>;
export const DirectoryDocument = new TypedDocumentString(`
    query Directory($filter: DirectoryFilter, $page: PageInput) {
  directory(filter: $filter, page: $page) {
    total
    items {
      ...PersonFields
    }
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}`) as unknown as TypedDocumentString<DirectoryQuery, DirectoryQueryVariables>;
export const RoomOfficesDocument = new TypedDocumentString(`
    query RoomOffices {
  officeDirectory {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RoomOfficesQuery, RoomOfficesQueryVariables>;
export const CreatePostDocument = new TypedDocumentString(`
    mutation CreatePost($roomId: ID!, $input: PostInput!) {
  createPost(roomId: $roomId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreatePostMutation, CreatePostMutationVariables>;
export const EditPostDocument = new TypedDocumentString(`
    mutation EditPost($id: ID!, $version: Int!, $input: PostEditInput!) {
  editPost(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<EditPostMutation, EditPostMutationVariables>;
export const MarkPostsReadDocument = new TypedDocumentString(`
    mutation MarkPostsRead($roomId: ID!, $postIds: [ID!]) {
  markPostsRead(roomId: $roomId, postIds: $postIds)
}
    `) as unknown as TypedDocumentString<MarkPostsReadMutation, MarkPostsReadMutationVariables>;
export const RequestRoomClosingDocument = new TypedDocumentString(`
    mutation RequestRoomClosing($roomId: ID!, $reason: ClosingReason!, $body: String!) {
  requestRoomClosing(roomId: $roomId, reason: $reason, body: $body) {
    id
  }
}
    `) as unknown as TypedDocumentString<RequestRoomClosingMutation, RequestRoomClosingMutationVariables>;
export const RequestRoomJoinDocument = new TypedDocumentString(`
    mutation RequestRoomJoin($input: ApplicationInput!) {
  submitApplication(type: ROOM_JOIN, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RequestRoomJoinMutation, RequestRoomJoinMutationVariables>;
export const AddRoomMemberDocument = new TypedDocumentString(`
    mutation AddRoomMember($roomId: ID!, $member: MemberInput!) {
  addRoomMember(roomId: $roomId, member: $member) {
    ...MemberFields
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}
fragment MemberFields on RoomMember {
  id
  version
  permission
  live
  fromDate
  untilDate
  endedReason
  person {
    ...PersonFields
  }
}`) as unknown as TypedDocumentString<AddRoomMemberMutation, AddRoomMemberMutationVariables>;
export const ChangeRoomMemberDocument = new TypedDocumentString(`
    mutation ChangeRoomMember($id: ID!, $version: Int!, $input: MemberChangeInput!) {
  changeRoomMember(id: $id, version: $version, input: $input) {
    ...MemberFields
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}
fragment MemberFields on RoomMember {
  id
  version
  permission
  live
  fromDate
  untilDate
  endedReason
  person {
    ...PersonFields
  }
}`) as unknown as TypedDocumentString<ChangeRoomMemberMutation, ChangeRoomMemberMutationVariables>;
export const RemoveRoomMemberDocument = new TypedDocumentString(`
    mutation RemoveRoomMember($id: ID!, $version: Int!) {
  removeRoomMember(id: $id, version: $version) {
    ...MemberFields
  }
}
    fragment PersonFields on PersonSummary {
  id
  name
  nameKana
  jobType
  officeName
}
fragment MemberFields on RoomMember {
  id
  version
  permission
  live
  fromDate
  untilDate
  endedReason
  person {
    ...PersonFields
  }
}`) as unknown as TypedDocumentString<RemoveRoomMemberMutation, RemoveRoomMemberMutationVariables>;
export const SetCareReportTitlesDocument = new TypedDocumentString(`
    mutation SetCareReportTitles($roomId: ID!, $version: Int!, $titles: [String!]!) {
  setCareReportTitles(roomId: $roomId, version: $version, titles: $titles) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetCareReportTitlesMutation, SetCareReportTitlesMutationVariables>;
export const DefaultTitlesDocument = new TypedDocumentString(`
    query DefaultTitles($id: ID!) {
  municipality(id: $id) {
    id
    defaultCareReportTitles
  }
}
    `) as unknown as TypedDocumentString<DefaultTitlesQuery, DefaultTitlesQueryVariables>;
export const SetDefaultCareReportTitlesDocument = new TypedDocumentString(`
    mutation SetDefaultCareReportTitles($titles: [String!]!) {
  setDefaultCareReportTitles(titles: $titles) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetDefaultCareReportTitlesMutation, SetDefaultCareReportTitlesMutationVariables>;
export const CoverOfficesDocument = new TypedDocumentString(`
    mutation CoverOffices($roomId: ID!, $officeIds: [ID!]!) {
  coverOfficesByConsent(roomId: $roomId, officeIds: $officeIds) {
    ...ConsentFields
  }
}
    fragment ConsentFields on Consent {
  id
  version
  consentDate
  signer
  proxyName
  proxyRelationship
  explainingOfficeName
  explainingPersonName
  coveredOfficeIds
  coveredOfficeNames
  formAttachmentId
  withdrawnAt
  withdrawalNote
}`) as unknown as TypedDocumentString<CoverOfficesMutation, CoverOfficesMutationVariables>;
export const WithdrawConsentDocument = new TypedDocumentString(`
    mutation WithdrawConsent($roomId: ID!, $note: String) {
  withdrawConsent(roomId: $roomId, note: $note) {
    ...ConsentFields
  }
}
    fragment ConsentFields on Consent {
  id
  version
  consentDate
  signer
  proxyName
  proxyRelationship
  explainingOfficeName
  explainingPersonName
  coveredOfficeIds
  coveredOfficeNames
  formAttachmentId
  withdrawnAt
  withdrawalNote
}`) as unknown as TypedDocumentString<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens {
  apiTokens {
    ...ApiTokenFields
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: ApiTokenInput!) {
  createApiToken(input: $input) {
    secret
    token {
      ...ApiTokenFields
    }
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    ...ApiTokenFields
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;