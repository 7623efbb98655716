import { registerEnumType } from 'type-graphql';

/** The three roles the API knows. */
export enum Role {
  /** 市のユーザー管理者 */
  CITY = 'CITY',
  /** システム管理者 (vendor) */
  VENDOR = 'VENDOR',
  /** システム利用事業所の職員 */
  OFFICE = 'OFFICE',
}
registerEnumType(Role, { name: 'Role' });

/** 職種 */
export enum JobType {
  DOCTOR = 'DOCTOR', // 医師
  DENTIST = 'DENTIST', // 歯科医師
  PHARMACIST = 'PHARMACIST', // 薬剤師
  NURSE = 'NURSE', // 看護師
  CARE_MANAGER = 'CARE_MANAGER', // ケアマネジャー (介護支援専門員)
  CARE_WORKER = 'CARE_WORKER', // 介護職 (ヘルパー)
  THERAPIST = 'THERAPIST', // リハビリ職 (PT/OT/ST)
  SOCIAL_WORKER = 'SOCIAL_WORKER', // 相談員・社会福祉士
  OFFICE_STAFF = 'OFFICE_STAFF', // 事務職・管理者
  ADMINISTRATOR = 'ADMINISTRATOR', // 市・システム管理の職員
  OTHER = 'OTHER', // その他
}
registerEnumType(JobType, { name: 'JobType' });

/** Account status: PENDING until first activation, STOPPED after an ID stop (kept, never deleted). */
export enum UserStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  /** Locked by an administrator (not the temporary lockout after failed sign-ins) */
  LOCKED = 'LOCKED',
  STOPPED = 'STOPPED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });
