import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

/**
 * How far a session has come through sign-in. Only SIGNED_IN reaches data;
 * the earlier stages can do nothing but finish their own step.
 */
export enum SessionStage {
  /** password accepted, TOTP code (or recovery code) still due */
  TOTP_REQUIRED = 'TOTP_REQUIRED',
  /** password accepted, the user has no TOTP yet: enrollment due */
  TOTP_ENROLLMENT = 'TOTP_ENROLLMENT',
  /** both factors done, but the issued password must be replaced first */
  PASSWORD_CHANGE = 'PASSWORD_CHANGE',
  SIGNED_IN = 'SIGNED_IN',
}

/** A browser sign-in. The cookie holds a random token; only its SHA-256 is stored. */
@Entity()
@Index({ properties: ['user', 'revokedAt'] })
export class Session {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @Enum({ items: () => SessionStage })
  stage!: SessionStage;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  lastSeenAt: Date = new Date();

  /** Absolute end (12 hours by default), whatever the activity. */
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ length: 40, nullable: true })
  revokedReason?: string | null;

  /** TOTP secret being enrolled, encrypted; moves to the user when the first code confirms it. */
  @Property({ type: 'text', nullable: true, lazy: true })
  pendingTotpSecret?: string | null;

  @Property({ length: 64, nullable: true })
  ip?: string | null;

  @Property({ length: 300, nullable: true })
  userAgent?: string | null;
}
