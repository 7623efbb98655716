// The words the paper forms print for the API's codes (the panel has its own copies in admin/i18n).
import { ServiceType } from '../offices/office.enums.js';
import { CareLevel, Sex } from '../patients/patient.enums.js';
import { JobType } from '../users/user.enums.js';

export const sexLabel: Record<Sex, string> = { [Sex.MALE]: '男', [Sex.FEMALE]: '女' };

export const jobLabel: Record<JobType, string> = {
  [JobType.DOCTOR]: '医師',
  [JobType.DENTIST]: '歯科医師',
  [JobType.PHARMACIST]: '薬剤師',
  [JobType.NURSE]: '看護師',
  [JobType.CARE_MANAGER]: 'ケアマネジャー',
  [JobType.CARE_WORKER]: '介護職',
  [JobType.THERAPIST]: 'リハビリ職',
  [JobType.SOCIAL_WORKER]: '相談員',
  [JobType.OFFICE_STAFF]: '事務職・管理者',
  [JobType.ADMINISTRATOR]: 'システム管理',
  [JobType.OTHER]: 'その他',
};

/** 様式2-2B's list, in the paper's order */
export const serviceTypeLabel: Record<ServiceType, string> = {
  [ServiceType.HOME_HELP]: '訪問介護',
  [ServiceType.HOME_BATHING]: '訪問入浴',
  [ServiceType.HOME_NURSING]: '訪問看護',
  [ServiceType.HOME_REHABILITATION]: '訪問リハビリ',
  [ServiceType.NIGHT_HOME_HELP]: '夜間対応型訪問介護',
  [ServiceType.PERIODIC_VISIT]: '定期巡回',
  [ServiceType.DAY_SERVICE]: '通所介護',
  [ServiceType.DAY_REHABILITATION]: '通所リハビリ',
  [ServiceType.DEMENTIA_DAY_SERVICE]: '認知通所',
  [ServiceType.WELFARE_EQUIPMENT]: '福祉用具',
  [ServiceType.SHORT_STAY]: '短期入所',
  [ServiceType.SHORT_STAY_GERIATRIC]: '短期入所(老健)',
  [ServiceType.COMMUNITY_DAY_SERVICE]: '地域通所',
  [ServiceType.COMPREHENSIVE_HOME_VISIT]: '総合事業サービス(訪問型)',
  [ServiceType.COMPREHENSIVE_DAY_SERVICE]: '総合事業サービス(通所型)',
  [ServiceType.SMALL_MULTIFUNCTIONAL]: '小規模多機能',
  [ServiceType.NURSING_SMALL_MULTIFUNCTIONAL]: '看護小規模多機能',
  [ServiceType.GROUP_HOME]: 'グループホーム',
  [ServiceType.SPECIAL_NURSING_HOME]: '介護老人福祉施設',
  [ServiceType.GERIATRIC_HEALTH_FACILITY]: '介護老人保健施設',
  [ServiceType.OTHER]: 'その他サービス',
};

/** 様式6's 介護保険 line: which word is circled */
export const careLevelChoice: Record<CareLevel, string> = {
  [CareLevel.NONE]: 'なし',
  [CareLevel.APPLYING]: '申請中',
  [CareLevel.SUPPORT_1]: '要支援1',
  [CareLevel.SUPPORT_2]: '要支援2',
  [CareLevel.CARE_1]: '要介護1',
  [CareLevel.CARE_2]: '要介護2',
  [CareLevel.CARE_3]: '要介護3',
  [CareLevel.CARE_4]: '要介護4',
  [CareLevel.CARE_5]: '要介護5',
};
