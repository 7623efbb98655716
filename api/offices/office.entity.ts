import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { CredentialsDelivery, OfficeKind, OfficeStatus, ServiceType } from './office.enums.js';

/** システム利用事業所: the fields of 様式1-2 / 2-2B / 2-2C that describe the office and its corporation. */
@ObjectType()
@Entity()
// the list's orders (OfficeSortField), for a CITY's municipality and for VENDOR's every office
@Index({ properties: ['municipality', 'nameKana', 'id'] })
@Index({ properties: ['municipality', 'officeNumber', 'id'] })
@Index({ properties: ['municipality', 'createdAt', 'id'] })
@Index({ properties: ['nameKana', 'id'] })
@Index({ properties: ['officeNumber', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['municipality', 'kind'] })
@Index({ properties: ['municipality', 'status'] })
// the panel's search box (name, フリガナ: contains) uses a trigram index
@Index({ name: 'office_search_trgm', expression: 'create index "office_search_trgm" on "office" using gin ((name || \' \' || coalesce(name_kana, \'\')) gin_trgm_ops)' })
@Index({ name: 'office_office_number_unique', expression: 'create unique index "office_office_number_unique" on "office" ("office_number") where "office_number" is not null' })
export class Office extends BaseEntity<'status' | 'serviceTypes' | 'credentialsDelivery'> {
  @ManyToOne(() => Municipality, { ref: true })
  municipality!: Ref<Municipality>;

  @Field(() => OfficeKind)
  @Enum({ items: () => OfficeKind })
  kind!: OfficeKind;

  @Field(() => OfficeStatus)
  @Enum({ items: () => OfficeStatus, default: OfficeStatus.ACTIVE })
  status: OfficeStatus = OfficeStatus.ACTIVE;

  /** 医療機関名等 / 事業所名 */
  @Field()
  @Property({ length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'フリガナ' })
  @Property({ length: 200, nullable: true })
  nameKana?: string | null;

  /** 事業所番号 (10 digits; service and care-management offices) */
  @Field(() => String, { nullable: true })
  @Property({ length: 10, nullable: true })
  officeNumber?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 8, nullable: true })
  postalCode?: string | null;

  @Field()
  @Property({ length: 300 })
  address!: string;

  @Field()
  @Property({ length: 20 })
  phone!: string;

  /** サービス種類 (service offices) */
  @Field(() => [ServiceType])
  @Enum({ items: () => ServiceType, array: true, default: [] })
  serviceTypes: ServiceType[] = [];

  /** その他サービス( ) */
  @Field(() => String, { nullable: true })
  @Property({ length: 200, nullable: true })
  serviceTypeOther?: string | null;

  // 法人情報
  @Field({ description: '法人名' })
  @Property({ length: 200 })
  corporationName!: string;

  @Field({ description: '法人名フリガナ' })
  @Property({ length: 200 })
  corporationNameKana!: string;

  @Field({ description: '代表者名' })
  @Property({ length: 100 })
  representativeName!: string;

  @Field({ description: '代表者名フリガナ' })
  @Property({ length: 100 })
  representativeNameKana!: string;

  @Field(() => String, { nullable: true })
  @Property({ length: 8, nullable: true })
  corporationPostalCode?: string | null;

  @Field({ description: '法人の(主たる)住所' })
  @Property({ length: 300 })
  corporationAddress!: string;

  @Field()
  @Property({ length: 20 })
  corporationPhone!: string;

  /** システムの利用に関する連絡に使用するメールアドレス */
  @Field()
  @Property({ length: 254 })
  contactEmail!: string;

  @Field(() => CredentialsDelivery)
  @Enum({ items: () => CredentialsDelivery, default: CredentialsDelivery.OFFICE_ADDRESS })
  credentialsDelivery: CredentialsDelivery = CredentialsDelivery.OFFICE_ADDRESS;

  @Field(() => String, { nullable: true })
  @Property({ length: 8, nullable: true })
  credentialsPostalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ID/PW を受けとる住所 (その他)' })
  @Property({ length: 300, nullable: true })
  credentialsAddress?: string | null;

  /** 備考 */
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
