import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A file kept in the database (so that a backup covers it): scanned forms, photos on posts.
 * Type, first bytes and size are checked as the file streams in (api/uploads/); the bytes load only on demand.
 */
@ObjectType() // not emitted by itself: only the entities that extend it are
@Entity({ abstract: true })
export abstract class StoredFile {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ length: 200 })
  filename!: string;

  @Field()
  @Property({ length: 100 })
  contentType!: string;

  @Field()
  @Property()
  size!: number;

  @Field()
  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
