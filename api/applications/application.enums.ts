import { registerEnumType } from 'type-graphql';

/** 申請の種類: each paper form becomes one type. */
export enum ApplicationType {
  /** 事業所登録 (様式1-2 / 2-2B / 2-2C with 様式4-1) */
  OFFICE_REGISTRATION = 'OFFICE_REGISTRATION',
  /** 職員追加 for a registered office (same forms, staff rows only) */
  STAFF_ADDITION = 'STAFF_ADDITION',
  /** ID停止 (様式3) */
  ID_STOP = 'ID_STOP',
  /** 患者（利用者）部屋作成 (様式6 with the consent 様式5) */
  ROOM_CREATION = 'ROOM_CREATION',
  /** 部屋への招待依頼 */
  ROOM_JOIN = 'ROOM_JOIN',
  /** 部屋の終了: a member's closing request, confirmed by the city */
  ROOM_END = 'ROOM_END',
}

/** Handled by the city and the vendor; these never carry patient data. */
export const ACCOUNT_TYPES: readonly ApplicationType[] = [ApplicationType.OFFICE_REGISTRATION, ApplicationType.STAFF_ADDITION, ApplicationType.ID_STOP];
/** Handled by the city alone (the vendor never sees them: they carry patient data). */
export const ROOM_TYPES: readonly ApplicationType[] = [ApplicationType.ROOM_CREATION, ApplicationType.ROOM_JOIN, ApplicationType.ROOM_END];
registerEnumType(ApplicationType, { name: 'ApplicationType' });

export enum ApplicationState {
  /** waiting for the city's review */
  SUBMITTED = 'SUBMITTED',
  /** sent back to the applicant for correction */
  RETURNED = 'RETURNED',
  REJECTED = 'REJECTED',
  /** approved by the city, waiting for the vendor */
  FORWARDED = 'FORWARDED',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationState, { name: 'ApplicationState' });

export enum ApplicationAction {
  SUBMIT = 'SUBMIT',
  RESUBMIT = 'RESUBMIT',
  RETURN = 'RETURN',
  REJECT = 'REJECT',
  FORWARD = 'FORWARD',
  COMPLETE = 'COMPLETE',
  WITHDRAW = 'WITHDRAW',
}
registerEnumType(ApplicationAction, { name: 'ApplicationAction' });
