import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row: a known text sealed with the SECRET_KEY the database was first used with. Every start
 * opens it (api/auth/secret-key-check.ts), so a wrong key is refused at start, not found out at the
 * next TOTP sign-in; a second process started with another key is refused too.
 */
@Entity({ tableName: 'secret_key_check' })
export class SecretKeyCheck {
  /** always 1: one row */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'text' })
  sealed!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
