import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

/**
 * A one-time activation code for an issued account, instead of a mailed password: printed on
 * the credentials letter, stored hashed, expiring. The user activates by choosing a password and
 * enrolling TOTP.
 */
@Entity()
export class ActivationCode {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, index: true, deleteRule: 'restrict' })
  user!: Ref<User>;

  @Property({ length: 64 })
  codeHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  /** Replaced by a newer letter before use */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
