import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { CareLevel, Sex } from './patient.enums.js';

/** 患者（利用者）: patient data, readable only through a room the caller may see (rooms/room.scope.ts). */
@ObjectType()
@Entity()
@Index({ properties: ['municipality', 'nameKana', 'id'] }) // the consents register by the patient's reading (id breaking ties)
export class Patient extends BaseEntity {
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field()
  @Property({ length: 100 })
  name!: string;

  @Field({ description: 'フリガナ' })
  @Property({ length: 100 })
  nameKana!: string;

  @Field(() => Sex)
  @Enum({ items: () => Sex })
  sex!: Sex;

  /** Stored as a western calendar date; entered and shown in 和暦 too. */
  @Field({ description: 'YYYY-MM-DD (see birthDateWareki)' })
  @Property({ type: 'date' })
  birthDate!: string;

  @Field(() => String, { nullable: true })
  @Property({ length: 8, nullable: true })
  postalCode?: string | null;

  @Field()
  @Property({ length: 300 })
  address!: string;

  @Field(() => String, { nullable: true })
  @Property({ length: 20, nullable: true })
  phone?: string | null;

  @Field(() => CareLevel)
  @Enum({ items: () => CareLevel })
  careLevel!: CareLevel;

  /** 被保険者番号 (10 digits) */
  @Field(() => String, { nullable: true })
  @Property({ length: 10, nullable: true })
  insuredNumber?: string | null;
}
