import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Office } from '../offices/office.entity.js';
import { User } from '../users/user.entity.js';
import { Application } from './application.entity.js';

export enum PledgeKind {
  /** 個人情報の取扱いに関する誓約書 (事業所) */
  OFFICE = 'OFFICE',
  /** 個人情報取扱いに関する誓約書 (従業者) */
  EMPLOYEE = 'EMPLOYEE',
}

/** 誓約書 (様式4-1): recorded with its date; no account is issued without one. */
@Entity()
export class Pledge {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => PledgeKind })
  kind!: PledgeKind;

  @ManyToOne(() => Office, { ref: true, index: true, deleteRule: 'restrict' })
  office!: Ref<Office>;

  @ManyToOne(() => User, { ref: true, nullable: true, index: true, deleteRule: 'restrict' })
  user?: Ref<User> | null;

  @ManyToOne(() => Application, { ref: true, deleteRule: 'restrict' })
  application!: Ref<Application>;

  @Property({ length: 200 })
  signerName!: string;

  @Property({ type: 'date' })
  pledgedOn!: string;
}
