import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** 自治体: CITY users, offices and (later) rooms belong to exactly one. */
@ObjectType()
@Entity()
export class Municipality extends BaseEntity {
  /** 全国地方公共団体コード (6 digits) */
  @Field()
  @Property({ length: 6 })
  @Unique()
  code!: string;

  @Field()
  @Property({ length: 100 })
  name!: string;

  @Field()
  @Property({ length: 20 })
  prefecture!: string;

  /** The city's user-administration desk shown to offices (e.g. 高齢福祉課 地域支援センター) */
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  contactEmail?: string | null;
}
