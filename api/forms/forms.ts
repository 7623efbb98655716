// The paper forms of the city's guide (../shared/seed/), filled from an application: titles, field
// labels, the order of the fields and the statements the signer agrees to as the seed prints them,
// with empty boxes where the paper wants a handwritten signature (自署) or a seal (印). Dates are
// 和暦 where the form prints 令和 (様式4-1, 5, 6) and western where it prints 西暦 (様式1-2, 2-2B,
// 2-2C, 3). The vendor-internal parts of the seed's forms (カナミック使用欄) become the
// "システム管理者使用欄" of whoever operates the system.
import { formatWareki } from '../common/wareki.js';
import type { OfficeInput } from '../offices/office.inputs.js';
import { CredentialsDelivery, OfficeKind, ServiceType } from '../offices/office.enums.js';
import type { ConsentInput, PatientInput } from '../patients/patient.inputs.js';
import { ConsentSigner } from '../patients/patient.enums.js';
import type { StaffRow } from '../applications/application.payload.js';
import { JobType } from '../users/user.enums.js';
import { CONTENT_WIDTH, type Cell, FormPdf, MARGIN } from './pdf.js';
import { careLevelChoice, jobLabel, serviceTypeLabel, sexLabel } from './labels.js';

/** The city the forms are addressed to (the seed's 水戸市 / 地域包括支援センター). */
export interface Issuer {
  name: string;
  contactName: string | null;
  contactEmail: string | null;
}

const western = (iso: string | null | undefined) => (iso ? `西暦 ${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : '西暦　　　年　　月　　日');
const wareki = (iso: string | null | undefined) => (iso ? formatWareki(iso) : '令和　　年　　月　　日');
const postal = (code: string | null | undefined, address: string) => `〒${code ?? ''}　${address}`;
const ERAS = ['明治', '大正', '昭和', '平成', '令和'];

/** The receipt number in the top corner: the scan is matched to its application by it. */
const receipt = (no: string | null) => (no ? `受付番号 ${no}` : undefined);

const L = 92; // width of a heading cell

/** The issuer block at the top of the account forms (the seed's 会員情報 / 依頼者情報). */
function issuerBlock(pdf: FormPdf, heading: string, city: Issuer): void {
  pdf.paragraph(heading, { size: 9 });
  const w = CONTENT_WIDTH * 0.62;
  const x = MARGIN;
  pdf.row([{ w: 110, label: true, text: '法人・部署名' }, { text: city.name }], 18, x, w);
  pdf.row([{ w: 110, label: true, text: '担当者名' }, { text: city.contactName ?? '情報共有システム管理責任者' }], 18, x, w);
  pdf.row([{ w: 110, label: true, text: '連絡先' }, { text: city.contactEmail ?? '' }], 18, x, w);
  pdf.gap(10);
}

/** 法人情報: the corporation rows of 様式1-2, 2-2B, 2-2C and 3. */
function corporationRows(
  pdf: FormPdf,
  o: Pick<OfficeInput, 'corporationName' | 'corporationNameKana' | 'representativeName' | 'representativeNameKana' | 'corporationPostalCode' | 'corporationAddress' | 'corporationPhone'>,
  seal: boolean,
): void {
  const kana = (k: string, v: string): Cell => ({ text: `（${k}）\n${v}` });
  pdf.row([{ w: 60, label: true, text: '法人情報' }, { w: L, label: true, text: '(フリガナ)\n法人名' }, kana(o.corporationNameKana, o.corporationName)]);
  pdf.row([
    { w: 60, label: true },
    { w: L, label: true, text: '(フリガナ)\n代表者名' },
    { ...kana(o.representativeNameKana, o.representativeName), seal },
  ]);
  pdf.row([{ w: 60, label: true }, { w: L, label: true, text: '住 所' }, { text: postal(o.corporationPostalCode, o.corporationAddress) }]);
  pdf.row([{ w: 60, label: true }, { w: L, label: true, text: '電話番号' }, { text: o.corporationPhone }]);
}

function credentialsRow(pdf: FormPdf, o: OfficeInput): void {
  const other = o.credentialsDelivery === CredentialsDelivery.OTHER_ADDRESS;
  pdf.row([
    {
      choices: {
        before: 'ID/PW を受けとる住所:',
        options: ['①上記と同じ', '②その他'],
        chosen: [other ? '②その他' : '①上記と同じ'],
        after: other ? `（${postal(o.credentialsPostalCode, o.credentialsAddress ?? '')}）` : '（　　　　　　　　）',
      },
    },
  ]);
  pdf.row([{ text: `システムの利用に関する連絡に使用するメールアドレス:　${o.contactEmail}` }]);
}

function operatorUse(pdf: FormPdf, items: string[]): void {
  pdf.gap(8);
  pdf.row([
    { w: 110, label: true, text: 'システム管理者使用欄' },
    { checks: items.map((label) => ({ label, on: false })), size: 8 },
  ]);
}

export interface RegistrationForm {
  city: Issuer;
  receipt: string | null;
  /** the date the form was filled in (submitted) */
  date: string | null;
  office: OfficeInput;
  /** the office's own pledge (様式4-1, first part): only on a registration */
  officePledgedOn: string | null;
  staff: StaffRow[];
}

/** 様式1-2 (医療機関), 2-2B (サービス事業所) or 2-2C (ケアマネジャー), by the office's kind. */
function officeForm(pdf: FormPdf, f: RegistrationForm): void {
  const o = f.office;
  const kind = o.kind;
  if (kind === OfficeKind.MEDICAL) {
    pdf.formNumber('様式1-2', receipt(f.receipt));
    pdf.title('情報共有システム利用登録依頼書(PKI 認証)');
    issuerBlock(pdf, '会員情報', f.city);
    pdf.paragraph('*****情報共有システム ID 発行依頼先情報*****', { align: 'center', size: 9 });
  } else if (kind === OfficeKind.SERVICE) {
    pdf.formNumber('様式 2-2B', receipt(f.receipt));
    pdf.title('サービス事業所用 連携ID・PW発行依頼書(PKI 認証)');
    issuerBlock(pdf, '依頼者情報', f.city);
    pdf.paragraph('*****サービス事業所用 連携ID発行先情報*****', { align: 'center', size: 9 });
  } else {
    pdf.formNumber('様式 2-2C', receipt(f.receipt));
    pdf.title('委託先居宅支援事業所およびケアマネジャー登録用紙(PKI 認証/ICT 連携)', 13);
    issuerBlock(pdf, '依頼者情報', f.city);
    pdf.paragraph('*****委託先居宅支援事業所用 連携 ID 発行先情報*****', { align: 'center', size: 9 });
  }
  pdf.paragraph(`ご記入日: ${western(f.date)}`, { align: 'right' });
  pdf.paragraph('■システムに登録する以下の情報をご記入ください。', { size: 9 });
  corporationRows(pdf, o, false);
  if (kind === OfficeKind.MEDICAL) pdf.paragraph('※ 個人事業主の場合、法人名に医療機関名等をご記入ください。', { size: 8 });
  pdf.gap(6);
  const head: Cell = { w: 60, label: true, text: kind === OfficeKind.MEDICAL ? '医療機関等情報' : '事業所情報' };
  const blank: Cell = { w: 60, label: true };
  if (kind === OfficeKind.MEDICAL) pdf.row([head, { w: L, label: true, text: '(フリガナ)\n医療機関名等' }, { text: `（${o.nameKana ?? ''}）\n${o.name}` }]);
  else pdf.row([head, { w: L, label: true, text: '事業所名' }, { text: o.nameKana ? `（${o.nameKana}）\n${o.name}` : o.name }]);
  if (kind !== OfficeKind.MEDICAL) pdf.row([blank, { w: L, label: true, text: '事業所番号' }, { text: o.officeNumber ?? '' }]);
  pdf.row([blank, { w: L, label: true, text: kind === OfficeKind.MEDICAL ? '住 所' : '事業所住所' }, { text: postal(o.postalCode, o.address) }]);
  pdf.row([blank, { w: L, label: true, text: kind === OfficeKind.CARE_MANAGEMENT ? '事業所電話番号' : '電話番号' }, { text: o.phone }]);
  if (kind === OfficeKind.SERVICE) {
    const checks = Object.values(ServiceType).map((t) => ({
      label: t === ServiceType.OTHER ? `${serviceTypeLabel[t]}(${o.serviceTypeOther ?? '　　'})` : serviceTypeLabel[t],
      on: o.serviceTypes.includes(t),
    }));
    pdf.row([blank, { w: L, label: true, text: 'サービス種類' }, { checks, size: 8 }]);
  }
  credentialsRow(pdf, o);
  if (kind === OfficeKind.CARE_MANAGEMENT) pdf.paragraph('※ 地域包括支援センターから返信を受ける住所等をご記載ください。', { size: 8 });
  pdf.gap(8);
  staffTable(pdf, kind, f.staff);
  pdf.gap(6);
  if (kind === OfficeKind.SERVICE) {
    pdf.paragraph(
      '・医療・介護多職種連携(コミュニティ)機能を利用することが可能です。\n・ICT情報連携: 居宅とサービス事業所間におけるケアプランデータ連携機能です。1事業所で管理者様や請求ご担当者 1~2名程度のご登録をお願い致します。',
      { size: 8 },
    );
  } else if (kind === OfficeKind.CARE_MANAGEMENT) {
    pdf.paragraph('・医療・介護多職種連携(コミュニティ)機能を利用することが可能です。\n・ICT 情報連携(居宅とサービス事業所間におけるデータ連携機能)の利用が可能です。', { size: 8 });
  }
  pdf.row([{ w: 60, label: true, text: '備考' }, { text: o.note ?? '' }], 40);
  const items =
    kind === OfficeKind.CARE_MANAGEMENT
      ? ['事業所登録', 'ケアマネジャー登録', 'PKI 認証 (個人)', '利用者コミュニティ:一般', 'ICT 情報連携', '事業所管理設定']
      : ['事業所登録', 'スタッフ登録', 'PKI 認証 (個人)', '利用者コミュニティ:一般', 'ICT 情報連携', '事業所管理設定'];
  operatorUse(pdf, items);
}

/** The staff rows, two per line as on the paper (one per line with the 8-digit number on 2-2C). */
function staffTable(pdf: FormPdf, kind: OfficeKind, staff: StaffRow[]): void {
  const rows = staff.length ? staff : [null];
  if (kind === OfficeKind.CARE_MANAGEMENT) {
    pdf.row(
      [
        { w: 28, label: true, text: 'No.' },
        { w: 250, label: true, text: '(フリガナ) ケアマネジャー氏名' },
        { label: true, text: '支援専門員番号' },
      ],
      18,
    );
    for (const [i, s] of rows.entries())
      pdf.row(
        [{ w: 28, text: String(i + 1), align: 'center' }, { w: 250, text: `（${s?.nameKana ?? ''}）\n${s?.name ?? ''}` }, { text: `介護支援専門員番号(8桁): ${s?.careManagerNumber ?? ''}` }],
        30,
      );
    return;
  }
  const half = CONTENT_WIDTH / 2;
  const header: Cell[] =
    kind === OfficeKind.MEDICAL
      ? [
          { w: 24, label: true, text: 'No.' },
          { w: 132, label: true, text: '(フリガナ)\nシステム利用者情報' },
          { w: half - 156, label: true, text: '職種' },
        ]
      : [
          { w: 24, label: true, text: 'No.' },
          { w: half - 24, label: true, text: '(フリガナ) システム利用者氏名' },
        ];
  pdf.row([...header, ...header], 18);
  const person = (s: StaffRow | null, n: number): Cell[] => {
    if (kind === OfficeKind.MEDICAL) {
      const job = !s ? null : s.jobType === JobType.DOCTOR ? '医師' : s.jobType === JobType.NURSE ? '看護師' : 'その他';
      return [
        { w: 24, text: String(n), align: 'center' },
        { w: 132, text: `（${s?.nameKana ?? ''}）\n${s?.name ?? ''}`, size: 8.5 },
        { w: half - 156, choices: { options: ['医師', '看護師', 'その他'], chosen: [job], after: s && job === 'その他' ? `(${s.jobTypeOther || jobLabel[s.jobType]})` : undefined }, size: 8 },
      ];
    }
    return [
      { w: 24, text: String(n), align: 'center' },
      { w: half - 24, text: `（${s?.nameKana ?? ''}）${s?.name ?? ''}`, size: 8.5 },
    ];
  };
  for (let i = 0; i < rows.length; i += 2) {
    const pair = [rows[i], rows[i + 1] ?? null];
    pdf.row([...person(pair[0], i + 1), ...person(pair[1], i + 2)], 30);
    if (kind === OfficeKind.SERVICE) {
      const ict = (s: StaffRow | null): Cell[] => [
        { w: 24 },
        { w: half - 24, choices: { before: 'ICT情報連携:', options: ['希望する', '希望しない'], chosen: s ? [s.ictLinkage ? '希望する' : '希望しない'] : [] }, size: 8 },
      ];
      pdf.row([...ict(pair[0]), ...ict(pair[1])], 18);
    }
  }
}

/** 誓約事項 (the pledge the office accepts with 様式4-1). */
const PLEDGE_ITEMS = [
  '① 使用している情報機器の故障、通信障害等が生じた場合は、速やかに{city}に報告するとともに復旧解決方を講じます。',
  '② システムの利用に際して使用するID及びパスワードは、事業所内のシステム利用者の利用状況を適正に把握し、部外者に利用させることのないように適切に管理します。',
  '③ 使用する情報機器及びネットワークは、{city}が指定するセキュリティ要件を満たす環境のもとで利用します。',
  '④ 法人内及び事業所内でシステムの利用の許可を得たうえで利用します。',
  '⑤ 厚生労働省が定める「医療・介護関係事業所における個人情報の適切な取扱いのためのガイドライン」を遵守します。',
  '⑥ システムの利用を終了するときは、速やかに{city}に報告しシステム利用者登録削除の手続きをします。',
  '⑦ 個人情報については、あらかじめ承諾を得た関係者と情報共有し、部外者に個人情報等が漏洩することのないよう適正に管理します。',
  '⑧ システムの利用に際して知り得た個人情報等については、利用が終了した後においても継続して部外者に漏洩することのないよう機密性を保持します。',
  '⑨ 個人情報等については、目的外に利用はしません。',
  '⑩ システムに登録する情報は、正確な内容を入力することに努めます。',
  '⑪ システム利用に係る規定を遵守し、これに違反のある場合には、利用申請の却下及び利用停止等になることに承諾します。',
  '⑫ IDの新規発行・削除、事業所情報の変更等の手続きに関しては、事業所管理者又は事業所が定めるシステム管理者に委任します。',
];

/** 様式4-1: the office's pledge to the city (registration only) and the employees' pledges to the office. */
function pledgeForm(pdf: FormPdf, f: RegistrationForm): void {
  const o = f.office;
  pdf.newPage();
  pdf.formNumber('様式4-1', receipt(f.receipt));
  if (f.officePledgedOn) {
    pdf.title('個人情報の取扱いに関する誓約書');
    pdf.paragraph(`${f.city.name} 様`, { size: 11, gap: 8 });
    pdf.paragraph(
      '私は、当事業所における情報共有システムの利用において、知り得た患者(利用者)及びその家族に関する個人情報については、個人情報の適切な取扱い方針を遵守し、個人情報を適正に管理することを誓約します。',
      { gap: 8 },
    );
    pdf.paragraph(wareki(f.officePledgedOn), { align: 'right' });
    pdf.paragraph('誓約者');
    pdf.row([{ w: 80, label: true, text: '事業所名' }, { text: o.name }], 22);
    pdf.row(
      [
        { w: 80, label: true, text: '代表者名' },
        { text: o.representativeName, seal: true },
      ],
      30,
    );
    pdf.gap(8);
    pdf.paragraph(`${f.city.name}在宅医療・介護連携情報共有システム利用に関する誓約事項`, { size: 10 });
    for (const item of PLEDGE_ITEMS) pdf.paragraph(item.replaceAll('{city}', f.city.name), { size: 8.5, indent: 8, gap: 1 });
    pdf.newPage();
  }
  // one employee pledge per date, six names to a sheet as on the paper
  const byDate = new Map<string, StaffRow[]>();
  for (const s of f.staff) byDate.set(s.pledgedOn, [...(byDate.get(s.pledgedOn) ?? []), s]);
  let first = true;
  for (const [date, people] of byDate) {
    for (let i = 0; i < people.length; i += 6) {
      if (!first) pdf.newPage();
      first = false;
      pdf.title('個人情報取扱いに関する誓約書');
      pdf.row([{ w: 80, label: true, text: '事業所名' }, { text: o.name }], 22);
      pdf.row([{ w: 80, label: true, text: '代表者名' }, { text: `${o.representativeName}　様` }], 22);
      pdf.gap(8);
      pdf.paragraph(
        '私は当事業所の従業者として、情報共有システムの利用において、知り得た患者(利用者)及びその家族に関する個人情報については、個人情報の適切な取扱い方針を遵守し、個人情報を適正に管理することを誓約します。',
      );
      pdf.paragraph('また、在職中及び退職後も第三者に故意又は過失により開示、提供又は漏えいしたり、自ら使用しないことを誓約します。', { gap: 8 });
      pdf.paragraph(wareki(date), { align: 'right' });
      pdf.paragraph('誓約者');
      pdf.row([{ w: 80, label: true, text: '事業所名' }, { text: o.name }], 22);
      for (const s of people.slice(i, i + 6)) pdf.row([{ w: 80, label: true, text: '従業者名' }, { w: 200, text: s.name }, { sign: { caption: '署名（自署）' } }], 30);
    }
  }
}

export async function registrationPdf(f: RegistrationForm): Promise<Buffer> {
  const pdf = await FormPdf.create('情報共有システム利用登録依頼書・誓約書');
  officeForm(pdf, f);
  pledgeForm(pdf, f);
  return pdf.save();
}

export interface IdStopForm {
  city: Issuer;
  receipt: string | null;
  date: string | null;
  office: OfficeInput;
  users: { name: string; nameKana: string; jobType: JobType; jobTypeOther: string | null; officeName: string; officeNumber: string | null }[];
  stopDate: string | null;
}

/** 様式3: ID停止依頼書, with the corporation's seal. */
export async function idStopPdf(f: IdStopForm): Promise<Buffer> {
  const pdf = await FormPdf.create('情報連携システム ID 停止依頼書');
  pdf.formNumber('様式 3', receipt(f.receipt));
  pdf.title('情報連携システム ID 停止依頼書');
  pdf.paragraph('会員情報', { size: 9 });
  const w = CONTENT_WIDTH * 0.62;
  pdf.row([{ w: 110, label: true, text: 'ご事業所名' }, { text: f.city.name }], 18, MARGIN, w);
  pdf.row([{ w: 110, label: true, text: 'ご担当者名' }, { text: f.city.contactName ?? '情報共有システム管理責任者' }], 18, MARGIN, w);
  pdf.row([{ w: 110, label: true, text: 'ご連絡先' }, { text: f.city.contactEmail ?? '' }], 18, MARGIN, w);
  pdf.gap(10);
  pdf.paragraph('*****情報共有システム ID 停止先情報*****', { align: 'center', size: 9 });
  pdf.paragraph(`ご記入日：${western(f.date)}`, { align: 'right' });
  pdf.paragraph('※法人もしくは医療機関名の記入および代表者印をご捺印ください。', { size: 8.5 });
  corporationRows(pdf, f.office, true);
  pdf.gap(8);
  pdf.row(
    [
      { w: 28, label: true, text: 'No.' },
      { w: 190, label: true, text: '(フリガナ)\nシステム利用者氏名' },
      { label: true, text: '職 種 等\n※介護事業所の場合は事業所名・事業所番号もご記入ください', size: 8 },
    ],
    26,
  );
  const rows = f.users.length ? f.users : [null, null, null];
  rows.forEach((u, i) => {
    const job = !u ? null : u.jobType === JobType.DOCTOR ? '医師' : u.jobType === JobType.NURSE ? '看護師' : u.jobType === JobType.CARE_MANAGER ? 'ケアマネジャー' : 'その他';
    const other = u && job === 'その他' ? `:${u.jobTypeOther || jobLabel[u.jobType]})` : ':　　　)';
    const care = u && (u.officeNumber || u.jobType === JobType.CARE_MANAGER);
    pdf.row(
      [
        { w: 28, text: String(i + 1), align: 'center' },
        { w: 190, text: `（${u?.nameKana ?? ''}）` },
        { choices: { before: '職種 (', options: ['医師', '看護師', 'ケアマネジャー', 'その他'], chosen: [job], after: other }, size: 8.5 },
      ],
      20,
    );
    pdf.row([{ w: 28 }, { w: 190, text: u?.name ?? '' }, { text: `介護事業所名: ${care ? u.officeName : ''}　介護事業所番号: ${care ? (u.officeNumber ?? '') : ''}`, size: 8.5 }], 22);
  });
  pdf.gap(10);
  pdf.paragraph(`◆ 情報連携システム ID 停止年月日【${western(f.stopDate)}】`, { size: 10.5 });
  pdf.paragraph('※上記停止年月日が空欄の場合は、即日の停止といたしますので予めご了承ください。', { size: 8.5 });
  pdf.paragraph('【ご注意】 ID 停止年月日の翌日より、情報連携システムにサインインできなくなります。このシステムでは、停止したIDの部屋への参加も停止年月日に自動で終了します。', { size: 8.5 });
  return pdf.save();
}

export interface RoomForms {
  city: Issuer;
  receipt: string | null;
  date: string | null;
  patient: Omit<PatientInput, 'birthDate'> & { birthDate: string };
  consent: ConsentInput;
  explainingOffice: { name: string; representativeName: string };
  coveredOffices: string[];
  applicant: { officeName: string; representativeName: string; phone: string; personName: string } | null;
  members: { officeName: string; name: string; job: string }[];
  note: string | null;
}

/** 生年月日 as the paper prints it: the era circled among 明治・大正・昭和・平成 (令和 too), then the year, month and day. */
function birthDateCell(iso: string): Cell {
  const w = iso ? formatWareki(iso) : '';
  const era = ERAS.find((e) => w.startsWith(e)) ?? null;
  return { choices: { options: ERAS, chosen: [era], after: era ? w.slice(era.length) : '　年　月　日' } };
}

/** 様式5: 情報共有システム情報共有同意書, signed by the patient (or a proxy) and the explaining person. */
export async function consentPdf(f: RoomForms): Promise<Buffer> {
  const pdf = await FormPdf.create('情報共有システム情報共有同意書');
  const { patient: p, consent: c } = f;
  pdf.formNumber('様式5', receipt(f.receipt));
  pdf.title('情報共有システム情報共有同意書');
  pdf.paragraph('(システム利用同意取得事業所の代表者)', { size: 8.5, gap: 1 });
  pdf.paragraph(`${f.explainingOffice.name}　${f.explainingOffice.representativeName}　様`, { size: 11, gap: 8 });
  pdf.paragraph(
    `私は「${f.city.name}の運営する情報共有システム」に関する説明を受け、その目的および利用方法などを理解しましたので、私の医療・介護に関する情報が、連携する医療機関・介護事業所との間で共有されることに同意します。`,
  );
  pdf.paragraph(`また、システムに登録された情報が、システム管理者である${f.city.name}との間で共有されることにも同意します。`, { gap: 10 });
  pdf.row([{ label: true, text: '患者（利用者）記載欄' }], 18);
  pdf.row([{ w: 120, label: true, text: '同意年月日' }, { text: wareki(c.consentDate) }], 24);
  const selfSigns = c.signer === ConsentSigner.SELF;
  pdf.row([{ w: 120, label: true, text: '患者（利用者）氏名\n【自 署】' }, { w: 60, label: true, text: '(フリガナ)' }, { text: p.nameKana }], 22);
  pdf.row(
    [
      { w: 120, label: true },
      { w: 60, label: true, text: '(氏 名)' },
      { w: 230, sign: { caption: selfSigns ? '自署' : '自署（代理人記載の場合は空欄）', onRecord: p.name } },
      { choices: { options: ['男', '女'], chosen: [sexLabel[p.sex]], before: '', after: '' }, align: 'center' },
    ],
    36,
  );
  pdf.row([{ w: 120, label: true, text: '生年月日' }, birthDateCell(p.birthDate)], 24);
  pdf.row(
    [
      { w: 120, label: true, text: '代理人記載の場合' },
      { w: 70, label: true, text: '代理人氏名\n(自署)' },
      { w: 170, sign: { caption: '自署', onRecord: c.proxyName } },
      { w: 40, label: true, text: '続柄' },
      { text: c.proxyRelationship ?? '' },
    ],
    36,
  );
  pdf.row([{ w: 120, label: true, text: '介護保険番号' }, { text: p.insuredNumber ?? '' }], 24);
  pdf.paragraph('※ 確実な患者(利用者)本人の確認のために、介護保険番号を記載してください。', { size: 8.5, gap: 10 });
  pdf.row([{ label: true, text: 'システム同意取得事業所記載欄' }], 18);
  pdf.row([{ w: 120, label: true, text: '説明者\n【自 署】' }, { w: 60, label: true, text: '(事業所名)' }, { text: f.explainingOffice.name }], 24);
  pdf.row([{ w: 120, label: true }, { w: 60, label: true, text: '(氏 名)' }, { sign: { caption: '自署', onRecord: c.explainingPersonName } }], 36);
  pdf.row([{ w: 120, label: true, text: '連携医療機関・介護\n事業所名' }, { text: f.coveredOffices.join('、') }], 40);
  pdf.gap(8);
  pdf.paragraph('◎原本は説明し、同意を得た事業所が保管するものとします。', { size: 9 });
  pdf.paragraph('コピー1部を患者(利用者)様本人へお渡しし、システムのユーザー管理者には、コピーと「様式6 患者(利用者)部屋作成依頼書」とともに提出してください。', { size: 9 });
  return pdf.save();
}

/** 様式6: 患者(利用者)部屋作成依頼書, with the duties of each party printed under it. */
export async function roomRequestPdf(f: RoomForms): Promise<Buffer> {
  const pdf = await FormPdf.create('患者(利用者)部屋作成依頼書');
  const p = f.patient;
  pdf.formNumber('様式6', receipt(f.receipt));
  pdf.title('患者(利用者)部屋作成依頼書');
  pdf.paragraph(`${f.city.name} 様`, { size: 11 });
  pdf.paragraph(wareki(f.date), { align: 'right' });
  pdf.paragraph('個人情報の適切な取扱い方針を準拠し、在宅医療・介護に関する情報共有システムにおける患者(利用者)部屋の作成を希望しますので下記のとおり申請します。', { gap: 8 });
  pdf.paragraph('◎申請者', { size: 10 });
  const a = f.applicant;
  pdf.row([{ w: 130, label: true, text: '事業所名' }, { text: a?.officeName ?? '' }]);
  pdf.row([{ w: 130, label: true, text: '代表者名' }, { text: a?.representativeName ?? '' }]);
  pdf.row([{ w: 130, label: true, text: 'システム運用責任者名' }, { text: a?.personName ?? '' }]);
  pdf.row([{ w: 130, label: true, text: '電話番号' }, { text: a?.phone ?? '' }]);
  pdf.gap(8);
  pdf.paragraph('◎作成依頼内容', { size: 10 });
  const care = careLevelChoice[p.careLevel];
  pdf.row(
    [
      { w: 50, label: true, text: '部屋情報' },
      { w: 80, label: true, text: '患者(利用者)\n氏名' },
      { w: 260, text: `（${p.nameKana}）\n${p.name}` },
      { w: 40, label: true, text: '性別' },
      { choices: { options: ['男', '女'], chosen: [sexLabel[p.sex]] }, align: 'center' },
    ],
    30,
  );
  pdf.row([{ w: 50, label: true }, { w: 80, label: true, text: '生年月日' }, birthDateCell(p.birthDate)]);
  pdf.row([{ w: 50, label: true }, { w: 80, label: true, text: '住所' }, { text: postal(p.postalCode, p.address) }]);
  pdf.row([{ w: 50, label: true }, { w: 80, label: true, text: '電話番号' }, { text: p.phone ?? '' }]);
  const levels = ['なし', '申請中', '要支援1', '要支援2', '要介護1', '要介護2', '要介護3', '要介護4', '要介護5'];
  pdf.row(
    [
      { w: 50, label: true },
      { w: 80, label: true, text: '介護保険' },
      { choices: { before: '(認定)', options: levels, chosen: [care] }, size: 8.5 },
    ],
    24,
  );
  pdf.row([{ w: 50, label: true }, { w: 80, label: true, text: '介護保険 (番号)' }, { text: p.insuredNumber ?? '' }]);
  pdf.row(
    [
      { w: 50, label: true, text: '利用設定' },
      { label: true, text: '部屋利用者' },
    ],
    18,
  );
  pdf.row(
    [
      { w: 50, label: true },
      { w: 200, label: true, text: '医療機関・事業所名' },
      { w: 150, label: true, text: '利用者氏名' },
      { label: true, text: '職種' },
    ],
    18,
  );
  const members = f.members.length ? f.members : [null, null, null];
  for (const m of members) pdf.row([{ w: 50, label: true }, { w: 200, text: m?.officeName ?? '' }, { w: 150, text: m?.name ?? '' }, { text: m?.job ?? '' }], 20);
  if (f.note) pdf.row([{ w: 130, label: true, text: '備考' }, { text: f.note }], 30);
  pdf.gap(6);
  pdf.paragraph('◎ 患者(利用者)部屋の作成後、「メール通知」の設定先に作業完了の通知が送信されます。', { size: 9, gap: 10 });
  const duties = (heading: string, items: string[]) => {
    pdf.paragraph(heading, { size: 9.5, gap: 1 });
    for (const item of items) pdf.paragraph(`・${item}`, { size: 8.5, indent: 8, gap: 0 });
    pdf.gap(5);
  };
  duties('■システム利用事業所の責務', [
    'システム利用登録手続きを行いシステム利用者ごとに ID を取得する。',
    'システム利用者（ID 取得者）の ID の登録変更・削除は速やかに手続きをする。',
    '事業所ごとにシステム管理担当者を設置し適切な運営体制を整える。',
    '個人データの機密性及び正確性の確保に努める。',
    `${f.city.name}在宅医療・介護連携情報共有システムの目的外利用及び部外者に使用させてはならない。`,
    'システムの利用にあたっては利用規約を遵守すること。',
  ]);
  duties(`■${f.city.name}の責務`, [
    'システム利用者の氏名及び職種、事業所、人数を把握し適切に管理する。',
    'システム利用者登録（削除）手続きの窓口業務を所掌する。',
    'システムの利用にあたっては利用規約を遵守すること。',
  ]);
  duties('■システム管理者の責務', [
    'システムの安定かつ効果的な利用が継続的に確保できるように管理する。',
    'ID 及びパスワードを発行しシステムの適正な利用環境を確保する。',
    'システム利用方法やサービス利用に関する各種問い合わせに対応する。',
    '個人データの機密性や正確性の確保に努める。',
  ]);
  return pdf.save();
}
