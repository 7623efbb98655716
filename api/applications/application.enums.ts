import { registerEnumType } from 'type-graphql';

/** 申請の種類: each paper form becomes one type. */
export enum ApplicationType {
  /** 事業所登録 (様式1-2 / 2-2B / 2-2C with 様式4-1) */
  OFFICE_REGISTRATION = 'OFFICE_REGISTRATION',
  /** 職員追加 for a registered office (same forms, staff rows only) */
  STAFF_ADDITION = 'STAFF_ADDITION',
  /** ID停止 (様式3) */
  ID_STOP = 'ID_STOP',
}
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
