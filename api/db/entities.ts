import { BaseEntity } from '../common/base.entity.js';
import { StoredFile } from '../common/stored-file.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { User } from '../users/user.entity.js';
import { Session } from '../auth/session.entity.js';
import { RecoveryCode } from '../auth/recovery-code.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Application, ApplicationEvent, Attachment } from '../applications/application.entity.js';
import { Pledge } from '../applications/pledge.entity.js';
import { ActivationCode } from '../auth/activation-code.entity.js';
import { Notification } from '../mail/notification.entity.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { Patient } from '../patients/patient.entity.js';
import { Consent } from '../patients/consent.entity.js';
import { Room, RoomMember } from '../rooms/room.entity.js';
import { Post, PostAttachment, PostRead, PostRevision } from '../posts/post.entity.js';
import { RateLimitCounter } from '../http/rate-limit.entity.js';
import { PendingUpload } from '../uploads/pending-upload.entity.js';
import { FhirExport, FhirExportFile } from '../fhir/fhir-export.entity.js';
import { PostNotice } from '../mail/post-notice.entity.js';
import { SecretKeyCheck } from '../auth/secret-key-check.entity.js';
import {
  ApplicationCount,
  ApplicationStepCount,
  ApplicationStepDayCount,
  OfficeCount,
  PostMonthCount,
  PostMonthTotal,
  RoomCount,
  RoomMonthCount,
  UserHeadcount,
} from '../reports/kept-counts.entity.js';

/** Every entity, listed once: ORM discovery and the schema check both use this. */
export const entities = [
  BaseEntity,
  StoredFile,
  Municipality,
  Office,
  User,
  Session,
  RecoveryCode,
  AuditEvent,
  Application,
  ApplicationEvent,
  Attachment,
  Pledge,
  ActivationCode,
  Notification,
  Patient,
  Consent,
  Room,
  RoomMember,
  Post,
  PostRevision,
  PostRead,
  PostAttachment,
  ApiToken,
  RateLimitCounter,
  PendingUpload,
  PostNotice,
  SecretKeyCheck,
  FhirExport,
  FhirExportFile,
  UserHeadcount,
  RoomMonthCount,
  RoomCount,
  OfficeCount,
  ApplicationCount,
  ApplicationStepCount,
  ApplicationStepDayCount,
  PostMonthCount,
  PostMonthTotal,
];
