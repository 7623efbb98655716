import { registerEnumType } from 'type-graphql';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Sex, { name: 'Sex' });

/** 介護保険の認定状況 */
export enum CareLevel {
  NONE = 'NONE', // なし
  APPLYING = 'APPLYING', // 申請中
  SUPPORT_1 = 'SUPPORT_1', // 要支援1
  SUPPORT_2 = 'SUPPORT_2', // 要支援2
  CARE_1 = 'CARE_1', // 要介護1
  CARE_2 = 'CARE_2',
  CARE_3 = 'CARE_3',
  CARE_4 = 'CARE_4',
  CARE_5 = 'CARE_5', // 要介護5
}
registerEnumType(CareLevel, { name: 'CareLevel' });

/** Who signed the consent (様式5): the patient, or a proxy (代理人) with a relationship. */
export enum ConsentSigner {
  SELF = 'SELF',
  PROXY = 'PROXY',
}
registerEnumType(ConsentSigner, { name: 'ConsentSigner' });
