import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity } from '../common/base.entity.js';
import { StoredFile } from '../common/stored-file.js';
import { Room } from '../rooms/room.entity.js';
import { ClosingReason } from '../rooms/room.enums.js';
import { User } from '../users/user.entity.js';
import { Vitals } from './vitals.js';

export enum PostKind {
  /** 連絡帳 */
  NOTE = 'NOTE',
  /** ケアレポート, under one of the room's titles */
  CARE_REPORT = 'CARE_REPORT',
  /** 部屋の終了依頼 */
  CLOSING_REQUEST = 'CLOSING_REQUEST',
}
registerEnumType(PostKind, { name: 'PostKind' });

@ObjectType()
@Entity()
@Index({ properties: ['room', 'createdAt', 'id'] }) // a room's pages in order, id breaking ties of the same instant
@Index({ properties: ['room', 'author'] })
@Index({ properties: ['room', 'title'] })
export class Post extends BaseEntity {
  @ManyToOne(() => Room, { ref: true, deleteRule: 'restrict' })
  room!: Ref<Room>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  author!: Ref<User>;

  @Field(() => PostKind)
  @Enum({ items: () => PostKind })
  kind!: PostKind;

  /** The care-report title (one of the room's), or null for notes */
  @Field(() => String, { nullable: true })
  @Property({ length: 100, nullable: true })
  title?: string | null;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Vitals, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  vitals?: Vitals | null;

  @Field(() => ClosingReason, { nullable: true })
  @Enum({ items: () => ClosingReason, nullable: true })
  closingReason?: ClosingReason | null;

  @Field(() => Date, { nullable: true, description: 'Set when the author corrected it (earlier versions are kept)' })
  @Property({ type: 'timestamptz', nullable: true })
  editedAt?: Date | null;
}

/** An earlier version of a corrected post. */
@ObjectType()
@Entity()
export class PostRevision {
  [OptionalProps]?: 'replacedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Post, { ref: true, index: true, deleteRule: 'restrict' })
  post!: Ref<Post>;

  @Field(() => String, { nullable: true })
  @Property({ length: 100, nullable: true })
  title?: string | null;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  vitals?: Record<string, unknown> | null;

  @Field(() => Date, { description: 'When this version was replaced' })
  @Property({ type: 'timestamptz' })
  replacedAt: Date = new Date();
}

/** 既読: who has read a post, and when. */
@Entity()
@Unique({ properties: ['post', 'user'] })
@Index({ properties: ['user', 'room'] })
export class PostRead {
  [OptionalProps]?: 'readAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Post, { ref: true, deleteRule: 'restrict' })
  post!: Ref<Post>;

  /** Denormalized so unread counts per room need no join through posts */
  @ManyToOne(() => Room, { ref: true, deleteRule: 'restrict' })
  room!: Ref<Room>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  user!: Ref<User>;

  @Property({ type: 'timestamptz' })
  readAt: Date = new Date();
}

/** An image or PDF on a post. */
@ObjectType()
@Entity()
export class PostAttachment extends StoredFile {
  @ManyToOne(() => Post, { ref: true, index: true, deleteRule: 'restrict' })
  post!: Ref<Post>;
}
