import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Patient } from '../patients/patient.entity.js';
import { Consent } from '../patients/consent.entity.js';
import { User } from '../users/user.entity.js';
import { ClosingReason, RoomPermission, RoomStatus } from './room.enums.js';

/** 部屋: one patient's private space, seen only by its members and the city. */
@ObjectType()
@Entity()
@Index({ properties: ['municipality', 'status'] })
@Index({ properties: ['municipality', 'updatedAt', 'id'] }) // the rooms page (newest activity first), read backwards
@Index({ properties: ['municipality', 'createdAt', 'id'] }) // its other orders (RoomSortField)
@Index({ properties: ['municipality', 'name', 'id'] })
export class Room extends BaseEntity<'status' | 'careReportTitles'> {
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @ManyToOne(() => Patient, { ref: true, index: true, deleteRule: 'restrict' })
  patient!: Ref<Patient>;

  // indexed: the consents register (api/consents) joins consent → room
  @ManyToOne(() => Consent, { ref: true, index: true, deleteRule: 'restrict' })
  consent!: Ref<Consent>;

  /** 部屋名, usually the patient's name as the members know it */
  @Field()
  @Property({ length: 100 })
  name!: string;

  @Field(() => RoomStatus)
  @Enum({ items: () => RoomStatus, default: RoomStatus.ACTIVE })
  status: RoomStatus = RoomStatus.ACTIVE;

  /** ケアレポート標題 */
  @Field(() => [String])
  @Property({ type: 'text[]', default: [] })
  careReportTitles: string[] = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Field(() => ClosingReason, { nullable: true })
  @Enum({ items: () => ClosingReason, nullable: true })
  closedReason?: ClosingReason | null;
}

/**
 * A person's place in a room, with a permission and a period. Ending it keeps the row
 * (the history of who could see what); `untilDate` is the last day of access (Japan time).
 */
@ObjectType()
@Entity()
@Index({ properties: ['user', 'untilDate'] })
@Index({ properties: ['room', 'user'] })
export class RoomMember extends BaseEntity<'permission'> {
  @ManyToOne(() => Room, { ref: true, deleteRule: 'restrict' })
  room!: Ref<Room>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  user!: Ref<User>;

  @Field(() => RoomPermission)
  @Enum({ items: () => RoomPermission, default: RoomPermission.CONTRIBUTOR })
  permission: RoomPermission = RoomPermission.CONTRIBUTOR;

  @Field({ description: 'First day of access (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  fromDate!: string;

  @Field(() => String, { nullable: true, description: 'Last day of access; empty while open-ended' })
  @Property({ type: 'date', nullable: true })
  untilDate?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 40, nullable: true })
  endedReason?: string | null;
}
