import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity.js';

/**
 * A read-only API token for reporting clients: acts with its owner's role and scope, is shown
 * once and stored hashed, and stops working when revoked, expired, or its owner is stopped.
 */
@ObjectType()
@Entity()
@Index({ properties: ['owner', 'revokedAt'] })
export class ApiToken {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  owner!: Ref<User>;

  @Field()
  @Property({ length: 100 })
  name!: string;

  /** The first characters, so the owner can tell tokens apart; not enough to use one */
  @Field()
  @Property({ length: 12 })
  prefix!: string;

  @Property({ length: 64 })
  @Unique()
  tokenHash!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
