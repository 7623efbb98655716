import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** 自治体: CITY users, offices and (later) rooms belong to exactly one. */
@ObjectType()
@Entity()
export class Municipality extends BaseEntity<'defaultCareReportTitles'> {
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

  /** ケアレポート標題: the default list a new room starts from; the city edits it */
  @Field(() => [String])
  @Property({ type: 'text[]', default: ['訪問診療', '訪問看護', '訪問介護', '訪問リハビリ', 'ケアマネジャー', 'その他'] })
  defaultCareReportTitles: string[] = ['訪問診療', '訪問看護', '訪問介護', '訪問リハビリ', 'ケアマネジャー', 'その他'];
}
