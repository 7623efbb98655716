import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Every record: UUID key (safe to generate in any API process), timestamps, optimistic-lock version. */
@ObjectType() // not emitted by itself: only the entities that extend it are
@Entity({ abstract: true })
/** `Defaults`: the subclass's properties that have a default (optional in em.create). */
export abstract class BaseEntity<Defaults extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | Defaults;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Sent back with every update; a stale value is a concurrent edit (CONFLICT). */
  @Field(() => Int)
  @Property({ version: true })
  version!: number;
}
