import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { JobType, Role, UserStatus } from './user.enums.js';

/**
 * A person's account. One person, one login ID (no shared IDs).
 * Secrets (password hash, TOTP secret) and sign-in counters carry no @Field: never in the API.
 */
@ObjectType()
@Entity({ tableName: 'app_user' })
@Index({ properties: ['municipality', 'status'] })
@Index({ properties: ['office', 'status'] })
@Index({ properties: ['office', 'municipality'] }) // the users page by office within a CITY's scope
// the list's orders (UserSortField), for a CITY's municipality and for VENDOR's every account
@Index({ properties: ['municipality', 'nameKana', 'id'] })
@Index({ properties: ['municipality', 'loginId'] })
@Index({ properties: ['municipality', 'lastSignInAt', 'id'] })
@Index({ properties: ['municipality', 'createdAt', 'id'] })
@Index({ properties: ['nameKana', 'id'] })
@Index({ properties: ['lastSignInAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['municipality', 'role'] })
@Index({ properties: ['municipality', 'jobType'] })
// VENDOR filters across every municipality: PostgreSQL 15 cannot skip the leading column above
@Index({ properties: ['jobType'] })
@Index({ properties: ['status'] })
// the panel's search box (name, フリガナ, login ID: contains) uses trigram indexes
@Index({ name: 'app_user_search_trgm', expression: 'create index "app_user_search_trgm" on "app_user" using gin ((name || \' \' || name_kana || \' \' || login_id) gin_trgm_ops)' })
export class User extends BaseEntity<'officeAdmin' | 'ictLinkage' | 'status' | 'mustChangePassword' | 'failedSignIns'> {
  @Field()
  @Property({ length: 32 })
  @Unique()
  loginId!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;

  /** VENDOR accounts belong to no municipality. */
  @ManyToOne(() => Municipality, { ref: true, nullable: true, deleteRule: 'restrict' })
  municipality?: Ref<Municipality> | null;

  /** OFFICE accounts belong to one office. */
  @ManyToOne(() => Office, { ref: true, nullable: true, deleteRule: 'restrict' })
  office?: Ref<Office> | null;

  /** 事業所のシステム管理担当者 */
  @Field()
  @Property({ default: false })
  officeAdmin: boolean = false;

  @Field()
  @Property({ length: 100 })
  name!: string;

  @Field({ description: 'フリガナ' })
  @Property({ length: 100 })
  nameKana!: string;

  @Field(() => JobType)
  @Enum({ items: () => JobType })
  jobType!: JobType;

  @Field(() => String, { nullable: true })
  @Property({ length: 100, nullable: true })
  jobTypeOther?: string | null;

  /** 介護支援専門員番号 (8 digits, care managers) */
  @Field(() => String, { nullable: true })
  @Property({ length: 8, nullable: true })
  careManagerNumber?: string | null;

  /** ICT情報連携 希望する (service-office staff, 様式2-2B) */
  @Field()
  @Property({ default: false })
  ictLinkage: boolean = false;

  /** For notices only; e-mails never carry patient data or credentials. */
  @Field(() => String, { nullable: true })
  @Property({ length: 254, nullable: true })
  email?: string | null;

  @Field(() => UserStatus)
  @Enum({ items: () => UserStatus, default: UserStatus.ACTIVE })
  status: UserStatus = UserStatus.ACTIVE;

  /** ID停止年月日: a calendar date in Japan time; sign-in refused from the next day. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  stopDate?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt?: Date | null;

  // ---- secrets and sign-in state (no @Field) ----
  @Property({ type: 'text', nullable: true, lazy: true })
  passwordHash?: string | null;

  /** The password was issued by someone else and must be changed at the next sign-in. */
  @Property({ default: false })
  mustChangePassword: boolean = false;

  /** Encrypted at rest (auth/secret-box.ts). */
  @Property({ type: 'text', nullable: true, lazy: true })
  totpSecret?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  totpEnabledAt?: Date | null;

  /** Last accepted TOTP time step: a code at or before it is a replay. */
  @Property({ type: 'bigint', nullable: true })
  totpLastTimeStep?: string | null;

  @Property({ default: 0 })
  failedSignIns: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  firstFailedSignInAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;
}
