import { registerEnumType } from 'type-graphql';

export enum RoomStatus {
  ACTIVE = 'ACTIVE',
  /** a closing request is waiting for the city */
  CLOSING = 'CLOSING',
  /** read-only for everyone, kept */
  CLOSED = 'CLOSED',
}
registerEnumType(RoomStatus, { name: 'RoomStatus' });

/** 閲覧権限 */
export enum RoomPermission {
  /** reads only */
  VIEWER = 'VIEWER',
  /** reads and posts */
  CONTRIBUTOR = 'CONTRIBUTOR',
  /** posts, and speaks for the room (e.g. the care manager) */
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(RoomPermission, { name: 'RoomPermission' });

/** Why home care ends (部屋の終了) */
export enum ClosingReason {
  DEATH = 'DEATH', // 死亡
  FACILITY_ADMISSION = 'FACILITY_ADMISSION', // 施設入所
  OTHER = 'OTHER',
}
registerEnumType(ClosingReason, { name: 'ClosingReason' });
