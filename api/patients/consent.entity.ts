import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { Patient } from './patient.entity.js';
import { ConsentSigner } from './patient.enums.js';

/**
 * 情報共有同意書 (様式5). No room without one; withdrawing it ends sharing at once (the room turns
 * read-only for its members) while the record stays.
 */
@ObjectType()
@Entity()
// the register's orders (ConsentSortField) within a municipality; withdrawn ones, latest first, before the rest
@Index({ properties: ['municipality', 'consentDate', 'id'] })
@Index({ properties: ['municipality', 'withdrawnAt', 'id'] })
@Index({
  name: 'consent_municipality_id_withdrawn_at_desc_index',
  expression: 'create index "consent_municipality_id_withdrawn_at_desc_index" on "consent" ("municipality_id", "withdrawn_at" desc nulls last, "id" desc)',
})
export class Consent extends BaseEntity {
  @ManyToOne(() => Patient, { ref: true, index: true, deleteRule: 'restrict' })
  patient!: Ref<Patient>;

  /**
   * The patient's municipality, kept on the consent too: the register (同意書の一覧) is scoped by it and
   * ordered within it by one index, and the table distributes with its tenant (bench/README.md).
   */
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  /** A calendar date in Japan time */
  @Field()
  @Property({ type: 'date' })
  consentDate!: string;

  @Field(() => ConsentSigner)
  @Enum({ items: () => ConsentSigner })
  signer!: ConsentSigner;

  @Field(() => String, { nullable: true, description: '代理人氏名' })
  @Property({ length: 100, nullable: true })
  proxyName?: string | null;

  @Field(() => String, { nullable: true, description: '続柄' })
  @Property({ length: 50, nullable: true })
  proxyRelationship?: string | null;

  /** システム利用同意取得事業所 */
  @ManyToOne(() => Office, { ref: true, deleteRule: 'restrict' })
  explainingOffice!: Ref<Office>;

  @Field({ description: '説明者' })
  @Property({ length: 100 })
  explainingPersonName!: string;

  /** The offices the consent covers */
  @Field(() => [ID])
  @Property({ type: 'uuid[]' })
  coveredOfficeIds!: string[];

  /** The scanned signed form, kept with the room-creation application */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  formAttachmentId?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  withdrawalNote?: string | null;

  @Property({ type: 'uuid', nullable: true })
  withdrawnBy?: string | null;
}
