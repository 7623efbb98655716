// The patients' month: six rooms made from 様式6 applications (one corrected once), the notebook
// and care reports with vitals and photos, members opening their rooms (access log, 既読), a
// member joining, a death at home and the room closed, a hospital stay and a declined closing
// request, a consent withdrawn, and a room whose closing the city has still to confirm.
import { Application } from '../../applications/application.entity.js';
import { ApplicationAction, ApplicationType } from '../../applications/application.enums.js';
import { ApplicationService } from '../../applications/application.service.js';
import type { ApplicationInput } from '../../applications/application.inputs.js';
import { Municipality } from '../../municipalities/municipality.entity.js';
import { CareLevel, ConsentSigner, Sex } from '../../patients/patient.enums.js';
import { Post, PostKind } from '../../posts/post.entity.js';
import { PostService } from '../../posts/post.service.js';
import type { Vitals } from '../../posts/vitals.js';
import { ClosingReason, RoomPermission } from '../../rooms/room.enums.js';
import { RoomService } from '../../rooms/room.service.js';
import { applyDueStops } from '../../users/due-stops.js';
import { medicationCalendarPhoto, pressureAreaPhoto, scannedForm } from './images.js';
import { prng, type DemoCalendar, type StepTools, type Timeline } from './timeline.js';
import { act, officeId, userId, type World } from './world.js';

const v = (temperature: number | null, systolic: number, diastolic: number, pulse: number, spo2: number | null, weight?: number): Vitals => ({
  ...(temperature != null ? { temperature } : {}),
  systolic,
  diastolic,
  pulse,
  ...(spo2 != null ? { spo2 } : {}),
  ...(weight != null ? { weight } : {}),
});

interface PostPlan {
  /** calendar days ago, and the time (Japan) */
  d: number;
  t: string;
  by: string;
  /** a care report under this title, or a note (連絡帳) */
  title?: string;
  body: string;
  vitals?: Vitals;
  photo?: { name: (cal: DemoCalendar) => string; data: () => Buffer };
  /** the author corrects it a few minutes later (the earlier version is kept) */
  correction?: { t: string; body: string };
  /** key to find it again */
  key?: string;
}

interface MemberPlan {
  login: string;
  permission?: RoomPermission;
  /** joins later through a join request (部屋への招待依頼) filed on this working day */
  joinsOnWorkday?: number;
  /** access ends (ID stop) on this working day */
  leavesOnWorkday?: number;
  /** how many hours after a post this person usually opens the room */
  readsWithin: number;
}

interface RoomPlan {
  key: string;
  city: string;
  applicant: string;
  /** working days ago: filed, and made into a room by the city */
  filed: number;
  created: number;
  /** returned for a correction the day after filing, refiled the next day */
  returned?: { comment: string; missing: (input: RoomFormInput) => RoomFormInput };
  patient: RoomFormInput['patient'];
  consent: { signer: ConsentSigner; proxyName?: string; proxyRelationship?: string; explainingOffice: string; explainingPerson: string; offices: string[] };
  members: MemberPlan[];
  note: string;
  posts: PostPlan[];
}

type RoomFormInput = NonNullable<ApplicationInput['roomCreation']>;

const CM = '居宅介護支援事業所 偕楽園';
const CLINIC = 'みと在宅クリニック';
const NURSING = '訪問看護ステーションみと';
const MITO_OFFICES = [CLINIC, NURSING, CM];

/** The six rooms. Days are calendar days ago; every post comes after its room exists, whatever the weekday. */
const ROOMS: RoomPlan[] = [
  {
    key: 'yoshida',
    city: 'mito-city',
    applicant: 'caremgr-admin',
    filed: 23,
    created: 22,
    patient: {
      name: '吉田 トメ',
      nameKana: 'ヨシダ トメ',
      sex: Sex.FEMALE,
      birthDate: '昭和7年1月20日',
      postalCode: '310-0852',
      address: '茨城県水戸市笠原町978-12',
      phone: '029-241-3387',
      careLevel: CareLevel.CARE_5,
      insuredNumber: '0820150731',
    },
    consent: { signer: ConsentSigner.PROXY, proxyName: '吉田 洋子', proxyRelationship: '長男の妻', explainingOffice: CM, explainingPerson: '渡辺 直子', offices: MITO_OFFICES },
    members: [
      { login: 'clinic-admin', readsWithin: 20 },
      { login: 'clinic-nurse', readsWithin: 8 },
      { login: 'nursing-admin', readsWithin: 5 },
      { login: '082015-40518', readsWithin: 10 },
      { login: 'caremgr-admin', permission: RoomPermission.COORDINATOR, readsWithin: 6 },
    ],
    note: 'ご家族はご自宅での看取りを希望されています。',
    posts: [
      {
        d: 29,
        t: '10:05',
        by: 'caremgr-admin',
        body: '部屋を開設しました。ご家族はご自宅での看取りを希望されています。主介護者は長男のお嫁さん（吉田 洋子様）です。日中はご家族が交代で付き添っています。',
      },
      {
        d: 28,
        t: '14:10',
        by: 'clinic-admin',
        title: '訪問診療',
        vitals: v(36.4, 108, 62, 88, 94),
        body: '経口摂取は1日にゼリー2〜3個程度。ご家族に今後予想される経過（食事量がさらに減る、眠っている時間が長くなる等）をお話ししました。苦痛の緩和を優先する方針です。',
      },
      {
        d: 25,
        t: '10:30',
        by: 'nursing-admin',
        title: '訪問看護',
        vitals: v(36.5, 104, 60, 90, 93),
        body: '口腔ケア、陰部洗浄、体位変換。皮膚トラブルはありません。お嫁さんの介護疲れがみられるため、訪問時間を長めに取りお話を伺いました。',
      },
      { d: 21, t: '10:40', by: '082015-40518', title: '訪問看護', vitals: v(36.3, 98, 58, 94, 92), body: '傾眠傾向。声かけに開眼されます。尿量が減ってきています（おむつ交換 1日2回で少量）。' },
      { d: 18, t: '15:00', by: 'clinic-admin', title: '訪問診療', vitals: v(36.2, 92, 54, 98, 91), body: '全身状態は徐々に低下しています。点滴は行わない方針をご家族と再確認しました。' },
      { d: 18, t: '15:20', by: 'clinic-nurse', body: '本日の診療で、頓用の解熱剤（坐薬）を処方しました。使用した場合はこちらに記録をお願いします。' },
      {
        d: 14,
        t: '10:20',
        by: 'nursing-admin',
        title: '訪問看護',
        vitals: v(36.1, 88, 50, 104, 90),
        body: '手足の冷感あり、チアノーゼなし。呼吸は穏やかです。夜間の連絡先（訪問看護の緊急電話）をご家族と再確認しました。',
      },
      { d: 11, t: '02:40', by: 'nursing-admin', body: '本日 1時50分 ご家族より連絡があり訪問しました。呼吸停止を確認し、佐藤先生へ連絡しています。' },
      { d: 11, t: '03:30', by: 'clinic-admin', body: '2時55分、死亡を確認しました。ご家族に見守られての穏やかな最期でした。関係者の皆さま、ありがとうございました。' },
    ],
  },
  {
    key: 'hanako',
    city: 'mito-city',
    applicant: 'caremgr-admin',
    filed: 22,
    created: 21,
    patient: {
      name: '水戸 花子',
      nameKana: 'ミト ハナコ',
      sex: Sex.FEMALE,
      birthDate: '昭和13年4月12日',
      postalCode: '310-0851',
      address: '茨城県水戸市千波町2184-5',
      phone: '029-243-5519',
      careLevel: CareLevel.CARE_3,
      insuredNumber: '0820150412',
    },
    consent: { signer: ConsentSigner.PROXY, proxyName: '水戸 恵子', proxyRelationship: '長女', explainingOffice: CM, explainingPerson: '渡辺 直子', offices: MITO_OFFICES },
    members: [
      { login: 'clinic-admin', readsWithin: 30 },
      { login: '082015-31207', readsWithin: 8, leavesOnWorkday: 12 },
      { login: 'clinic-nurse', readsWithin: 8, joinsOnWorkday: 17 },
      { login: 'nursing-admin', readsWithin: 6 },
      { login: '082015-40518', readsWithin: 12 },
      { login: 'nursing-staff', readsWithin: 20 },
      { login: 'caremgr-admin', permission: RoomPermission.COORDINATOR, readsWithin: 8 },
    ],
    note: '心不全・高血圧で通院困難となり、訪問診療と訪問看護を開始します。仙骨部に発赤があります。',
    posts: [
      {
        d: 28,
        t: '10:40',
        by: 'caremgr-admin',
        body: '本日より部屋を開設しました。ご本人・長女様から情報共有の同意をいただいています。主な介護者は長女の恵子様（日中はパート勤務、17時以降は在宅）です。連絡は長女様の携帯へお願いします。',
      },
      {
        d: 27,
        t: '14:30',
        by: 'clinic-admin',
        title: '訪問診療',
        vitals: v(36.6, 138, 80, 76, 96),
        body: '定期訪問診療。両下腿に軽度の浮腫あり（圧痕 1+）。肺雑音なし。フロセミド 20mg を継続します。体重測定を週1回お願いします。次回は2週間後です。',
      },
      { d: 27, t: '14:45', by: '082015-31207', body: '診療時に採血しました。結果は次回の訪問時にお伝えします。' },
      {
        d: 26,
        t: '10:20',
        by: 'nursing-admin',
        title: '訪問看護',
        vitals: v(36.7, 134, 78, 78, 96),
        key: 'hanako-photo-1',
        body: '初回訪問。全身状態は落ち着いています。仙骨部に 3×2cm 程度の発赤あり（指で押しても消えない）。写真を添付します。除圧のため、エアマットへの変更をケアマネジャーさんに相談しています。',
        photo: { name: (c) => `仙骨部_${c.label(26).replace(/\(.\)/, '')}.png`, data: () => pressureAreaPhoto(1) },
      },
      { d: 26, t: '16:10', by: 'caremgr-admin', body: 'エアマットの件、福祉用具の事業所に連絡しました。明日の午後に搬入の予定です。' },
      {
        d: 25,
        t: '15:00',
        by: 'nursing-staff',
        title: '訪問リハビリ',
        vitals: v(null, 128, 76, 80, 97),
        body: '初回評価。起き上がりは柵につかまって軽介助、立位保持は見守りで30秒程度。トイレまで歩行器で約10m、ふらつきあり。ベッド周りの環境調整（手すりの位置）を提案しました。',
      },
      {
        d: 23,
        t: '10:30',
        by: '082015-40518',
        title: '訪問看護',
        vitals: v(36.5, 130, 74, 74, 97, 41.8),
        body: '体重 41.8kg。下腿の浮腫は前回と変わりません。食事は朝・昼とも半量程度。エアマット導入済みで、寝心地は問題ないとのことです。',
      },
      {
        d: 20,
        t: '11:00',
        by: 'nursing-admin',
        title: '訪問看護',
        vitals: v(36.8, 142, 82, 82, 95),
        body: '血圧やや高め。「少し息が苦しい」と話されますが、安静時 SpO2 95%。夜間の呼吸苦はないとのこと。仙骨部の発赤は変化なし。',
      },
      { d: 20, t: '13:10', by: 'clinic-admin', body: '看護記録を拝見しました。体重が1kg以上増える、横になると息苦しいといった時はクリニックへお電話ください（夜間は当番携帯へ）。' },
      {
        d: 19,
        t: '15:30',
        by: 'nursing-staff',
        title: '訪問リハビリ',
        vitals: v(null, 126, 74, 78, 97),
        body: 'ベッド上で下肢の自動運動、起立練習 5回×2セット。疲労の訴えなく実施できました。ご家族に起立介助の方法をお伝えしました。',
      },
      {
        d: 18,
        t: '10:15',
        by: '082015-40518',
        title: '訪問看護',
        vitals: v(36.6, 132, 76, 76, 96, 42.3),
        body: '体重 42.3kg（前回比 +0.5kg）。浮腫わずかに増えています。排便3日なし、腹部にやや張りあり。本日は浣腸せず様子を見ます。',
      },
      { d: 17, t: '09:50', by: 'caremgr-admin', key: 'hanako-meeting', body: 'サービス担当者会議をご自宅で予定しています。日程が決まり次第お知らせしますので、参加の可否をこちらにご返信ください。' },
      { d: 17, t: '12:30', by: 'nursing-admin', body: '訪問看護からは鈴木が参加します。' },
      {
        d: 15,
        t: '10:40',
        by: 'nursing-admin',
        title: '訪問看護',
        vitals: v(36.9, 136, 80, 80, 96),
        body: '排便あり（普通便・中等量）。腹部の張りは軽快しました。仙骨部の発赤は 2×1.5cm に縮小しています。写真を添付します。',
        photo: { name: (c) => `仙骨部_${c.label(15).replace(/\(.\)/, '')}.png`, data: () => pressureAreaPhoto(0.6) },
      },
      {
        d: 14,
        t: '14:20',
        by: 'clinic-admin',
        title: '訪問診療',
        vitals: v(36.5, 134, 78, 74, 96),
        body: '採血結果：BNP は前回とほぼ同じ、腎機能・電解質に問題ありません。利尿薬はこのまま継続します。食欲低下に対し、栄養補助食品を処方しました。',
      },
      { d: 14, t: '14:35', by: 'clinic-nurse', body: '処方内容に変更があります。薬局から本日夕方にお届けの予定です。服薬カレンダーへのセットをお願いします。' },
      { d: 12, t: '15:00', by: 'nursing-staff', title: '訪問リハビリ', vitals: v(null, 128, 72, 76, 97), body: '歩行器での歩行 15m、ふらつきは減ってきました。トイレ動作は見守りで可能です。' },
      { d: 11, t: '10:20', by: '082015-40518', title: '訪問看護', vitals: v(36.7, 130, 76, 72, 97, 42.0), body: '体重 42.0kg。浮腫は軽減しています。栄養補助食品は1日1本飲めています。' },
      {
        d: 10,
        t: '15:10',
        by: 'caremgr-admin',
        body: '本日のサービス担当者会議、ありがとうございました。決定事項：①訪問看護は週2回を継続 ②リハビリは週1回 ③来月からショートステイ（月1回・2泊）を検討 ④体重が 43kg を超えたらクリニックへ報告。会議録は後日お渡しします。',
      },
      {
        d: 8,
        t: '10:30',
        by: 'nursing-admin',
        title: '訪問看護',
        vitals: v(37.2, 138, 84, 84, 95),
        body: '微熱あり（37.2℃）。咳・痰なし、尿の濁りなし。水分をとるよう促しました。夕方に長女様へ再検温をお願いしています。',
      },
      {
        d: 8,
        t: '18:40',
        by: 'nursing-admin',
        key: 'hanako-evening',
        body: '長女様より連絡あり、夕方の体温は 36.6℃ とのことです。',
        correction: { t: '18:52', body: '長女様より連絡あり、夕方の体温は 36.8℃ とのことです。（先ほどの投稿の数値を訂正しました）' },
      },
      { d: 7, t: '09:10', by: 'clinic-admin', body: '微熱の件、承知しました。37.5℃ 以上が続く場合は臨時往診します。' },
      { d: 5, t: '15:20', by: 'nursing-staff', title: '訪問リハビリ', vitals: v(null, 124, 74, 78, 96), body: '体調が戻り、リハビリを実施しました。屋内の歩行は歩行器でほぼ自立しています。' },
      {
        d: 4,
        t: '10:10',
        by: '082015-40518',
        title: '訪問看護',
        vitals: v(36.6, 132, 78, 76, 96, 42.2),
        body: '体重 42.2kg。体温は平熱に戻りました。食事量は7割程度に改善。服薬カレンダーの写真を添付します（昨日の夕食後の分まで服用済み）。',
        photo: { name: (c) => `服薬カレンダー_${c.label(4).replace(/\(.\)/, '')}.png`, data: () => medicationCalendarPhoto(11) },
      },
      { d: 2, t: '09:40', by: 'caremgr-admin', body: '来月のショートステイ（2泊）の予約が取れました。日程は追ってお知らせします。' },
      { d: 1, t: '10:30', by: 'nursing-admin', title: '訪問看護', vitals: v(36.8, 132, 78, 76, 96), body: '状態は安定しています。仙骨部の発赤はほぼ消失。エアマットは継続します。' },
    ],
  },
  {
    key: 'otsuka',
    city: 'mito-city',
    applicant: 'caremgr-staff',
    filed: 18,
    created: 17,
    patient: {
      name: '大塚 正男',
      nameKana: 'オオツカ マサオ',
      sex: Sex.MALE,
      birthDate: '昭和19年2月3日',
      postalCode: '310-0905',
      address: '茨城県水戸市石川3-4120-8',
      phone: '029-252-7741',
      careLevel: CareLevel.CARE_2,
      insuredNumber: '0820150203',
    },
    consent: { signer: ConsentSigner.SELF, explainingOffice: CM, explainingPerson: '伊藤 大輔', offices: MITO_OFFICES },
    members: [
      { login: 'clinic-admin', readsWithin: 24 },
      { login: 'nursing-admin', readsWithin: 6 },
      { login: '082015-40518', readsWithin: 10 },
      { login: 'caremgr-staff', permission: RoomPermission.COORDINATOR, readsWithin: 8 },
    ],
    note: 'COPD で在宅酸素療法中。奥様と二人暮らし。',
    posts: [
      { d: 22, t: '11:00', by: 'caremgr-staff', body: '部屋を開設しました。奥様（77歳）と二人暮らしです。在宅酸素は安静時 1L、労作時 2L の指示です。酸素業者の連絡先は玄関の貼り紙にあります。' },
      {
        d: 21,
        t: '14:00',
        by: '082015-40518',
        title: '訪問看護',
        vitals: v(36.5, 124, 72, 88, 93),
        body: '初回訪問。安静時 SpO2 93%（酸素 1L）。労作時の息切れが強く、トイレ歩行後に SpO2 88% まで低下、2分で回復しました。口すぼめ呼吸を指導しました。',
      },
      { d: 19, t: '10:30', by: 'clinic-admin', title: '訪問診療', vitals: v(36.6, 130, 76, 90, 92), body: '喘鳴は軽度。吸入薬の使い方を再確認しました。かぜ症状が出たら早めにご連絡ください。' },
      {
        d: 16,
        t: '14:10',
        by: '082015-40518',
        title: '訪問看護',
        vitals: v(37.6, 134, 80, 102, 89),
        body: '発熱 37.6℃、痰が増えて黄色になっています。SpO2 89%（酸素 1L）。佐藤先生に電話で報告し、臨時往診をお願いしました。',
      },
      { d: 16, t: '17:30', by: 'clinic-admin', body: '臨時往診しました。肺炎の疑いがあり、本日夕方に市内の病院へ入院となりました。' },
      { d: 6, t: '16:00', by: 'caremgr-staff', body: '本日退院されました。在宅酸素は安静時 1L のまま、労作時は 2L から 3L に変更です。明日から訪問看護を再開します。' },
      {
        d: 5,
        t: '14:00',
        by: 'nursing-admin',
        title: '訪問看護',
        vitals: v(36.7, 128, 74, 86, 94),
        body: '退院後の初回訪問。食欲は戻りつつあります。体力が落ちており、ベッドで過ごす時間が長くなっています。',
      },
      { d: 2, t: '14:00', by: '082015-40518', title: '訪問看護', vitals: v(36.5, 126, 72, 84, 94), body: 'トイレ歩行後の SpO2 90%、1分以内に回復。口すぼめ呼吸が身についてきました。' },
    ],
  },
  {
    key: 'kato',
    city: 'mito-city',
    applicant: 'caremgr-admin',
    filed: 17,
    created: 16,
    patient: {
      name: '加藤 キヨ',
      nameKana: 'カトウ キヨ',
      sex: Sex.FEMALE,
      birthDate: '昭和22年6月5日',
      postalCode: '310-0911',
      address: '茨城県水戸市見和1-2233-4',
      phone: '029-254-1182',
      careLevel: CareLevel.CARE_1,
      insuredNumber: '0820150605',
    },
    consent: { signer: ConsentSigner.SELF, explainingOffice: CM, explainingPerson: '渡辺 直子', offices: MITO_OFFICES },
    members: [
      { login: 'clinic-admin', readsWithin: 30 },
      { login: 'nursing-admin', readsWithin: 8 },
      { login: '082015-52964', readsWithin: 10 },
      { login: 'caremgr-admin', permission: RoomPermission.COORDINATOR, readsWithin: 6 },
    ],
    note: 'アルツハイマー型認知症。独居。服薬の飲み忘れが多い。',
    posts: [
      { d: 21, t: '09:30', by: 'caremgr-admin', body: '部屋を開設しました。独居で、長女様は県外在住（月1回来訪）です。服薬の飲み忘れが多く、訪問看護での服薬確認をお願いしています。' },
      {
        d: 19,
        t: '11:00',
        by: '082015-52964',
        title: '訪問看護',
        vitals: v(36.4, 146, 84, 72, 97),
        body: 'お薬カレンダーを確認、昨日の昼・夕の分が残っていました。冷蔵庫に消費期限切れの食品が多く、ヘルパーの導入をケアマネジャーさんに相談しました。',
      },
      { d: 15, t: '11:00', by: 'nursing-admin', title: '訪問看護', vitals: v(36.6, 150, 88, 76, 97), body: '血圧が高めです。降圧薬の飲み忘れが続いています。' },
      { d: 13, t: '13:00', by: 'clinic-admin', body: '降圧薬を1日1回（朝）にまとめました。訪問時の服薬確認をお願いします。' },
      { d: 12, t: '11:10', by: '082015-52964', title: '訪問看護', vitals: v(36.5, 138, 80, 70, 98), body: '朝の服薬を確認しました。本日は飲めていました。' },
    ],
  },
  {
    key: 'komatsu',
    city: 'mito-city',
    applicant: 'caremgr-staff',
    filed: 17,
    created: 14,
    returned: {
      comment: '被保険者番号の記載がありません。介護保険被保険者証をご確認のうえ、再提出してください。',
      missing: (input) => ({ ...input, patient: { ...input.patient, insuredNumber: null } }),
    },
    patient: {
      name: '小松 勇',
      nameKana: 'コマツ イサム',
      sex: Sex.MALE,
      birthDate: '昭和25年9月10日',
      postalCode: '311-4141',
      address: '茨城県水戸市赤塚1-1955-2',
      phone: '029-251-6620',
      careLevel: CareLevel.CARE_2,
      insuredNumber: '0820150910',
    },
    consent: { signer: ConsentSigner.SELF, explainingOffice: CM, explainingPerson: '伊藤 大輔', offices: MITO_OFFICES },
    members: [
      { login: 'nursing-staff', readsWithin: 10 },
      { login: 'nursing-admin', readsWithin: 8 },
      { login: 'caremgr-staff', permission: RoomPermission.COORDINATOR, readsWithin: 6 },
      { login: 'clinic-admin', permission: RoomPermission.VIEWER, readsWithin: 40 },
    ],
    note: '脳梗塞後遺症（左片麻痺）。在宅でのリハビリが中心です。',
    posts: [
      { d: 17, t: '13:00', by: 'caremgr-staff', body: '部屋を開設しました。脳梗塞の後遺症で左半身に麻痺があります。奥様と二人暮らし。目標は「自宅の庭まで歩いて出られること」です。' },
      {
        d: 16,
        t: '10:00',
        by: 'nursing-staff',
        title: '訪問リハビリ',
        vitals: v(null, 136, 82, 72, 97),
        body: '初回評価。4点杖で屋内歩行は見守り。段差昇降は手すりがあれば可能。左手の握力が弱く、ボタンの留め外しに時間がかかります。',
      },
      { d: 13, t: '10:00', by: 'nursing-staff', title: '訪問リハビリ', vitals: v(null, 132, 80, 70, 97), body: '屋外歩行の練習（玄関から門まで約8m）。奥様の見守りで実施できました。' },
      { d: 11, t: '14:30', by: 'nursing-admin', title: '訪問看護', vitals: v(36.6, 138, 84, 74, 96), body: '血圧はやや高めで推移。塩分を控えた食事について奥様にお話ししました。' },
      { d: 9, t: '10:00', by: 'nursing-staff', title: '訪問リハビリ', vitals: v(null, 130, 78, 72, 97), body: '庭まで杖歩行で往復できました！ご本人も大変喜ばれていました。' },
      {
        d: 4,
        t: '10:00',
        by: 'nursing-staff',
        title: '訪問リハビリ',
        vitals: v(null, 128, 78, 70, 97),
        body: '歩行は安定しています。奥様から、腰痛が悪化して介護が難しくなってきたとの相談がありました。ケアマネジャーさんに共有します。',
      },
    ],
  },
  {
    key: 'hanawa',
    city: 'kasama-city',
    applicant: 'kasama-caremgr',
    filed: 13,
    created: 12,
    patient: {
      name: '塙 ミツ',
      nameKana: 'ハナワ ミツ',
      sex: Sex.FEMALE,
      birthDate: '昭和15年2月28日',
      postalCode: '309-1635',
      address: '茨城県笠間市稲田1872-3',
      phone: '0296-74-2290',
      careLevel: CareLevel.CARE_2,
      insuredNumber: '0821630228',
    },
    consent: { signer: ConsentSigner.SELF, explainingOffice: 'ケアプランセンターいなだ', explainingPerson: '小野 健太', offices: ['ヘルパーステーションかさま', 'ケアプランセンターいなだ'] },
    members: [
      { login: 'kasama-helper', readsWithin: 6 },
      { login: '082163-21876', readsWithin: 10 },
      { login: 'kasama-caremgr', permission: RoomPermission.COORDINATOR, readsWithin: 8 },
    ],
    note: '日中独居。訪問介護で食事と掃除の支援。',
    posts: [
      { d: 15, t: '10:00', by: 'kasama-caremgr', body: '部屋を開設しました。日中は独居（長男様は会社勤め）です。訪問介護は週3回（月・水・金 10時〜11時）、買い物・調理・掃除の支援です。' },
      {
        d: 14,
        t: '11:10',
        by: 'kasama-helper',
        title: '訪問介護',
        vitals: v(36.4, 134, 76, 70, null),
        body: '昼食の準備（煮物・味噌汁）をご本人と一緒に行いました。食欲あり、完食されました。居室の掃除。',
      },
      { d: 12, t: '11:05', by: '082163-21876', title: '訪問介護', vitals: v(36.5, 130, 74, 72, null), body: '買い物代行（牛乳・パン・果物）。冷蔵庫内を整理しました。右膝の痛みを訴えられています。' },
      { d: 9, t: '11:10', by: 'kasama-helper', title: '訪問介護', vitals: v(36.3, 138, 78, 68, null), body: '調理支援。膝の痛みは続いていますが、室内は伝い歩きで移動できています。' },
      { d: 7, t: '10:30', by: 'kasama-caremgr', body: '膝の痛みについて、来週かかりつけの整形外科を受診されます（長男様が付き添い）。' },
      { d: 5, t: '11:00', by: '082163-21876', title: '訪問介護', vitals: v(36.4, 132, 76, 70, null), body: '掃除・洗濯物の取り込み。受診の結果、湿布と痛み止めが処方されたとのことです。' },
      {
        d: 2,
        t: '11:10',
        by: 'kasama-helper',
        title: '訪問介護',
        vitals: v(36.6, 128, 74, 72, null),
        body: '調理支援。膝の痛みは少し和らいだとのこと。来週から週3回の体操教室を楽しみにされています。',
      },
    ],
  },
];

/** Offices by name, for a form's office ids. */
async function officeIds(t: StepTools, names: string[]) {
  const ids: string[] = [];
  for (const n of names) ids.push(await officeId(t.em, n));
  return ids;
}

async function membersOf(t: StepTools, members: MemberPlan[]) {
  const out: { userId: string; permission: RoomPermission }[] = [];
  for (const m of members) out.push({ userId: await userId(t.em, m.login), permission: m.permission ?? RoomPermission.CONTRIBUTOR });
  return out;
}

async function roomForm(t: StepTools, cal: DemoCalendar, r: RoomPlan): Promise<RoomFormInput> {
  const consentDay = cal.workdaysAgo(r.filed) + 3;
  return {
    patient: r.patient,
    consent: {
      consentDate: cal.date(cal.day(consentDay, '10:00')),
      signer: r.consent.signer,
      proxyName: r.consent.proxyName ?? null,
      proxyRelationship: r.consent.proxyRelationship ?? null,
      explainingOfficeId: await officeId(t.em, r.consent.explainingOffice),
      explainingPersonName: r.consent.explainingPerson,
      coveredOfficeIds: await officeIds(t, r.consent.offices),
    },
    members: await membersOf(
      t,
      r.members.filter((m) => m.joinsOnWorkday === undefined),
    ),
    note: r.note,
  };
}

/** A room's creation (様式6 with the scanned 様式5), its posts and its members' reading. */
function planRoom(tl: Timeline, world: World, r: RoomPlan, seed: number): void {
  const cal = tl.cal;
  const app = `room-form:${r.key}`;
  tl.at(cal.workday(r.filed, '09:40'), r.applicant, async (t) => {
    const scan = await t.upload({ filename: `様式5_同意書_${r.patient.name.replace(' ', '')}.png`, contentType: 'image/png', data: scannedForm(seed) });
    const form = await roomForm(t, cal, r);
    const submitted = await new ApplicationService(t.ctx).submit(ApplicationType.ROOM_CREATION, { roomCreation: r.returned ? r.returned.missing(form) : form }, null, [scan]);
    world.set(app, submitted.id);
  });
  if (r.returned) {
    tl.at(cal.workday(r.filed - 1, '11:15'), r.city, async (t) => void (await act(t.ctx, world.get(app), ApplicationAction.RETURN, r.returned!.comment)));
    tl.at(cal.workday(r.filed - 2, '09:20'), r.applicant, async (t) => {
      await act(t.ctx, world.get(app), ApplicationAction.RESUBMIT, '被保険者番号を記入しました。', { roomCreation: await roomForm(t, cal, r) });
    });
  }
  tl.at(cal.workday(r.created, '14:00'), r.city, async (t) => {
    const m = await t.em.findOneOrFail(Municipality, { id: t.ctx.viewer!.municipalityId! });
    const form = (await t.em.findOneOrFail(Application, { id: world.get(app) })).payload as { members: { userId: string; permission: RoomPermission }[] };
    const done = await act(t.ctx, world.get(app), ApplicationAction.COMPLETE, null, undefined, {
      name: `${r.patient.name} 様`,
      members: form.members.map((x) => ({ userId: x.userId, permission: x.permission })),
      careReportTitles: m.defaultCareReportTitles,
    });
    world.set(`room:${r.key}`, (done.payload as { roomId: string }).roomId);
  });

  // a colleague asked in later (部屋への招待依頼), by the first member who posts, and the city adds her
  for (const m of r.members.filter((x) => x.joinsOnWorkday !== undefined)) {
    const key = `join:${r.key}:${m.login}`;
    const asker = r.members.find((x) => x.joinsOnWorkday === undefined && x.login !== m.login && x.permission !== RoomPermission.VIEWER)!.login;
    tl.at(cal.workday(m.joinsOnWorkday! + 1, '17:20'), asker, async (t) => {
      const filed = await new ApplicationService(t.ctx).submit(
        ApplicationType.ROOM_JOIN,
        {
          roomJoin: {
            roomId: world.get(`room:${r.key}`),
            userId: await userId(t.em, m.login),
            permission: m.permission ?? RoomPermission.CONTRIBUTOR,
            note: '訪問診療に同行している看護師です。処置内容と処方変更の確認のため、参加をお願いします。',
          },
        },
        null,
      );
      world.set(key, filed.id);
    });
    tl.at(cal.workday(m.joinsOnWorkday!, '10:30'), r.city, async (t) => void (await act(t.ctx, world.get(key), ApplicationAction.COMPLETE, '参加者に追加しました。')));
  }

  for (const p of r.posts) {
    tl.at(cal.day(p.d, p.t), p.by, async (t) => {
      const roomId = world.get(`room:${r.key}`);
      const svc = new PostService(t.ctx);
      // the author opens the room before writing: reads (logged) and read receipts
      await svc.list({ roomId, page: { page: 1, perPage: 20 } } as never);
      await svc.markRead(roomId, null);
      const attachments = p.photo ? [await t.upload({ filename: p.photo.name(cal), contentType: 'image/png', data: p.photo.data() })] : null;
      const post = await svc.create(roomId, { kind: p.title ? PostKind.CARE_REPORT : PostKind.NOTE, title: p.title ?? null, body: p.body, vitals: p.vitals ?? null, attachments });
      if (p.key) world.set(`post:${p.key}`, post.id);
    });
    if (p.correction) {
      tl.at(cal.day(p.d, p.correction.t), p.by, async (t) => {
        const post = await t.em.findOneOrFail(Post, { id: world.get(`post:${p.key}`) });
        await new PostService(t.ctx).edit(post.id, post.version, { title: post.title ?? null, body: p.correction!.body, vitals: null });
      });
    }
  }
  planReading(tl, world, r, seed);
}

/**
 * Members open their room some hours after others post (on weekdays' waking hours): the room, its
 * posts (both logged with the patient) and the read receipts. The latest posts stay unread by some.
 */
function planReading(tl: Timeline, world: World, r: RoomPlan, seed: number): void {
  const cal = tl.cal;
  const random = prng(seed * 7919);
  const posts = r.posts.map((p) => ({ at: cal.day(p.d, p.t).getTime(), by: p.by }));
  for (const m of r.members) {
    const from = m.joinsOnWorkday !== undefined ? cal.day(cal.workdaysAgo(m.joinsOnWorkday), '12:00').getTime() : cal.workday(r.created, '15:00').getTime();
    const until = m.leavesOnWorkday !== undefined ? cal.day(cal.workdaysAgo(m.leavesOnWorkday), '23:00').getTime() : Infinity;
    let lastVisit = 0;
    for (const p of posts) {
      if (p.by === m.login || lastVisit >= p.at) continue;
      // a room is opened every day or two at most: what came meanwhile is read on the next visit
      let at = Math.max(Math.max(p.at, from) + (0.5 + random() * m.readsWithin) * 3_600_000, lastVisit + Math.max(40, m.readsWithin * 3) * 3_600_000);
      const hour = new Date(at + 9 * 3_600_000).getUTCHours();
      if (hour >= 21 || hour < 7) at += ((31 - hour) % 24) * 3_600_000 + random() * 3_600_000; // the next morning
      if (at > until || !cal.past(new Date(at + 3_600_000))) continue;
      lastVisit = at;
      tl.at(new Date(at), m.login, async (t) => {
        const roomId = world.get(`room:${r.key}`);
        await new RoomService(t.ctx).get(roomId);
        const posts = new PostService(t.ctx);
        await posts.list({ roomId, page: { page: 1, perPage: 20 } } as never);
        await posts.markRead(roomId, null);
      });
    }
  }
}

/** The rooms' endings and turns: a death and the room closed, a declined and a withdrawn closing request, a consent withdrawn. */
function planEndings(tl: Timeline, world: World): void {
  const cal = tl.cal;
  const room = (key: string) => world.get(`room:${key}`);
  const closing = async (t: StepTools, key: string, reason: ClosingReason, body: string, app: string) => {
    const post = await new PostService(t.ctx).requestClosing({ roomId: room(key), reason, body });
    const filed = await t.em.findOneOrFail(Application, { type: ApplicationType.ROOM_END, payload: { postId: post.id } });
    world.set(app, filed.id);
  };
  const weekend = (d: number) => [0, 6].includes(new Date(cal.day(d, '12:00').getTime() + 9 * 3_600_000).getUTCDay());
  /** the city answers on a weekday: the same day or the next working day */
  const weekdayOnOrAfter = (daysAgo: number) => {
    let d = daysAgo;
    while (weekend(d)) d -= 1;
    return d;
  };
  const weekdayOnOrBefore = (daysAgo: number) => {
    let d = daysAgo;
    while (weekend(d)) d += 1;
    return d;
  };

  // 吉田 トメ: died at home; the nurse asks to end the room, the city closes it
  tl.at(cal.day(10, '09:30'), 'nursing-admin', (t) => closing(t, 'yoshida', ClosingReason.DEATH, 'ご自宅で永眠されました（死亡確認 2時55分、佐藤医師）。部屋の終了をお願いします。', 'end:yoshida'));
  tl.at(cal.day(weekdayOnOrAfter(9), '13:30'), 'mito-city', async (t) => {
    await new RoomService(t.ctx).get(room('yoshida'));
    await act(t.ctx, world.get('end:yoshida'), ApplicationAction.COMPLETE, '部屋を終了しました。記録は閲覧のみで保存されます。皆さま、お疲れさまでした。');
  });

  // 大塚 正男: admitted to hospital; the care manager asks to end the room, the city declines (he will come home)
  tl.at(cal.day(15, '09:30'), 'caremgr-staff', (t) =>
    closing(t, 'otsuka', ClosingReason.OTHER, '昨日から肺炎で入院されています。退院の見込みが立たないため、部屋の終了をお願いします。', 'end:otsuka'),
  );
  tl.at(cal.day(weekdayOnOrAfter(14), '10:10'), 'mito-city', async (t) => {
    await new RoomService(t.ctx).get(room('otsuka'));
    await act(
      t.ctx,
      world.get('end:otsuka'),
      ApplicationAction.REJECT,
      '入院は一時的なもので、退院後は在宅療養を再開される予定と伺っています。部屋は継続とします。退院日が決まりましたら連絡帳でお知らせください。',
    );
  });

  // 小松 勇: a closing request withdrawn by the one who filed it, and a new one waiting for the city
  tl.at(cal.day(8, '17:00'), 'caremgr-staff', (t) =>
    closing(t, 'komatsu', ClosingReason.FACILITY_ADMISSION, '奥様の腰痛が悪化し、ショートステイからそのまま施設入所を検討しています。部屋の終了をお願いします。', 'end:komatsu-1'),
  );
  tl.at(
    cal.day(7, '09:15'),
    'caremgr-staff',
    async (t) => void (await act(t.ctx, world.get('end:komatsu-1'), ApplicationAction.WITHDRAW, '入所先が決まるまで在宅を継続することになったため、取り下げます。')),
  );
  tl.at(cal.day(1, '16:45'), 'caremgr-staff', (t) =>
    closing(t, 'komatsu', ClosingReason.FACILITY_ADMISSION, '来週月曜日に介護老人福祉施設へ入所されることが決まりました。入所日以降の部屋の終了をお願いします。', 'end:komatsu-2'),
  );

  // 加藤 キヨ: the daughter withdraws the consent; the coordinator records it (the room turns read-only)
  tl.at(cal.day(9, '16:20'), 'caremgr-admin', async (t) => {
    await new PostService(t.ctx).create(room('kato'), {
      kind: PostKind.NOTE,
      title: null,
      body: '長女様から、情報共有への同意を撤回したいとのご連絡がありました（施設入所に向けて調整中のため）。本日付で撤回の手続きをします。これまでの記録は閲覧のみ可能です。',
      vitals: null,
      attachments: null,
    });
  });
  tl.at(cal.day(9, '16:35'), 'caremgr-admin', async (t) => void (await new RoomService(t.ctx).withdrawConsent(room('kato'), '長女様より電話で同意撤回の申し出（本日16時）。')));

  // the city looks at its rooms now and then
  for (const [d, key] of [
    [20, 'hanako'],
    [13, 'otsuka'],
    [6, 'kato'],
    [3, 'hanako'],
    [2, 'komatsu'],
  ] as const) {
    tl.at(cal.day(weekdayOnOrBefore(d), '15:40'), 'mito-city', async (t) => {
      await new RoomService(t.ctx).get(room(key));
      await new PostService(t.ctx).list({ roomId: room(key), page: { page: 1, perPage: 20 } } as never);
    });
  }
  tl.at(cal.day(weekdayOnOrBefore(4), '14:10'), 'kasama-city', async (t) => {
    await new RoomService(t.ctx).get(room('hanawa'));
    await new PostService(t.ctx).list({ roomId: room('hanawa'), page: { page: 1, perPage: 20 } } as never);
  });
}

export function planRooms(tl: Timeline, world: World): void {
  ROOMS.forEach((r, i) => {
    planRoom(tl, world, r, i + 1);
  });
  planEndings(tl, world);
}

/** The nightly job stopping an account whose stop date has passed (as jobs.ts does every 30 s). */
export function planDueStop(tl: Timeline, afterWorkday: number): void {
  tl.at(tl.cal.day(tl.cal.workdaysAgo(afterWorkday) - 1, '00:01'), null, async (t) => void (await applyDueStops(t.em)), '127.0.0.1');
}
