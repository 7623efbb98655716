import { registerEnumType } from 'type-graphql';

/** The three office kinds, each with its registration form. */
export enum OfficeKind {
  /** 医療機関 (様式1-2) */
  MEDICAL = 'MEDICAL',
  /** サービス事業所 (様式2-2B) */
  SERVICE = 'SERVICE',
  /** 居宅介護支援事業所 (様式2-2C) */
  CARE_MANAGEMENT = 'CARE_MANAGEMENT',
}
registerEnumType(OfficeKind, {
  name: 'OfficeKind',
  valuesConfig: {
    MEDICAL: { description: '医療機関 (様式1-2)' },
    SERVICE: { description: 'サービス事業所 (様式2-2B)' },
    CARE_MANAGEMENT: { description: '居宅介護支援事業所 (様式2-2C)' },
  },
});

export enum OfficeStatus {
  ACTIVE = 'ACTIVE',
  /** 利用停止: "deleted" in the panel; kept for history */
  INACTIVE = 'INACTIVE',
}
registerEnumType(OfficeStatus, { name: 'OfficeStatus' });

/** サービス種類, the fixed list of 様式2-2B (plus OTHER with free text). */
export enum ServiceType {
  HOME_HELP = 'HOME_HELP', // 訪問介護
  HOME_BATHING = 'HOME_BATHING', // 訪問入浴
  HOME_NURSING = 'HOME_NURSING', // 訪問看護
  HOME_REHABILITATION = 'HOME_REHABILITATION', // 訪問リハビリ
  NIGHT_HOME_HELP = 'NIGHT_HOME_HELP', // 夜間対応型訪問介護
  PERIODIC_VISIT = 'PERIODIC_VISIT', // 定期巡回
  DAY_SERVICE = 'DAY_SERVICE', // 通所介護
  DAY_REHABILITATION = 'DAY_REHABILITATION', // 通所リハビリ
  DEMENTIA_DAY_SERVICE = 'DEMENTIA_DAY_SERVICE', // 認知通所
  WELFARE_EQUIPMENT = 'WELFARE_EQUIPMENT', // 福祉用具
  SHORT_STAY = 'SHORT_STAY', // 短期入所
  SHORT_STAY_GERIATRIC = 'SHORT_STAY_GERIATRIC', // 短期入所(老健)
  COMMUNITY_DAY_SERVICE = 'COMMUNITY_DAY_SERVICE', // 地域通所
  COMPREHENSIVE_HOME_VISIT = 'COMPREHENSIVE_HOME_VISIT', // 総合事業サービス(訪問型)
  COMPREHENSIVE_DAY_SERVICE = 'COMPREHENSIVE_DAY_SERVICE', // 総合事業サービス(通所型)
  SMALL_MULTIFUNCTIONAL = 'SMALL_MULTIFUNCTIONAL', // 小規模多機能
  NURSING_SMALL_MULTIFUNCTIONAL = 'NURSING_SMALL_MULTIFUNCTIONAL', // 看護小規模多機能
  GROUP_HOME = 'GROUP_HOME', // グループホーム
  SPECIAL_NURSING_HOME = 'SPECIAL_NURSING_HOME', // 介護老人福祉施設
  GERIATRIC_HEALTH_FACILITY = 'GERIATRIC_HEALTH_FACILITY', // 介護老人保健施設
  OTHER = 'OTHER', // その他サービス
}
registerEnumType(ServiceType, { name: 'ServiceType' });

/** ID/PW を受けとる住所: ① same as the office ② another address */
export enum CredentialsDelivery {
  OFFICE_ADDRESS = 'OFFICE_ADDRESS',
  OTHER_ADDRESS = 'OTHER_ADDRESS',
}
registerEnumType(CredentialsDelivery, { name: 'CredentialsDelivery' });
