// Every user-facing message, by stable code, in Japanese first and English second.
// Error codes and validation codes are the API contract; the texts may be reworded.
import { vitalRanges, type VitalSign } from './formats.js';

export type Locale = 'ja' | 'en';

/** "体温は 34.0〜42.0 ℃ の範囲で入力してください。": the message names the accepted range. */
function vitalRange(sign: VitalSign, ja: string, en: string): Record<Locale, string> {
  const { min, max, unit, decimals } = vitalRanges[sign];
  const [lo, hi] = [min.toFixed(decimals), max.toFixed(decimals)];
  return { ja: `${ja}は ${lo}〜${hi} ${unit} の範囲で入力してください。`, en: `${en} must be between ${lo} and ${hi} ${unit}.` };
}

export const errorMessages = {
  UNAUTHENTICATED: { ja: 'サインインが必要です。', en: 'You must sign in.' },
  SESSION_EXPIRED: { ja: 'セッションの有効期限が切れました。もう一度サインインしてください。', en: 'Your session has expired. Please sign in again.' },
  SECOND_FACTOR_REQUIRED: { ja: '認証コードによる確認が必要です。', en: 'The second sign-in step is required.' },
  PASSWORD_CHANGE_REQUIRED: { ja: '初期パスワードを変更してください。', en: 'You must change your initial password.' },
  FORBIDDEN: { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  NOT_FOUND: { ja: '対象が見つかりません。', en: 'Not found.' },
  BAD_USER_INPUT: { ja: '入力内容に誤りがあります。', en: 'Some fields are invalid.' },
  CONFLICT: { ja: '他の利用者が先に更新しました。最新の内容を確認してからやり直してください。', en: 'Someone else changed this first. Reload and try again.' },
  DUPLICATE: { ja: '同じ内容がすでに登録されています。', en: 'This is already registered.' },
  INVALID_CREDENTIALS: { ja: 'ログインIDまたはパスワードが正しくないか、アカウントが利用できません。', en: 'Wrong login ID or password, or the account cannot be used.' },
  INVALID_TOTP: { ja: '認証コードが正しくありません。', en: 'The authentication code is not valid.' },
  INVALID_RECOVERY_CODE: { ja: 'リカバリーコードが正しくありません。', en: 'The recovery code is not valid.' },
  WRONG_PASSWORD: { ja: '現在のパスワードが正しくありません。', en: 'The current password is wrong.' },
  INVALID_TRANSITION: {
    ja: 'この申請は現在の状態ではその操作ができません。画面を更新して状態を確認してください。',
    en: 'This action is not possible in the application’s current state. Reload and check.',
  },
  TOO_MANY_REQUESTS: { ja: '短時間に多くの試行がありました。しばらくしてから再度お試しください。', en: 'Too many attempts in a short time. Please try again later.' },
  PAYLOAD_TOO_LARGE: { ja: 'リクエストが大きすぎます。ファイルは添付ファイルの欄から送ってください。', en: 'The request is too large. Send files through the attachment field.' },
  FILE_TYPE: { ja: 'PDF・JPEG・PNG のファイルのみ添付できます。', en: 'Only PDF, JPEG and PNG files can be attached.' },
  FILE_TOO_LARGE: { ja: 'ファイルが大きすぎます（上限 5MB）。', en: 'The file is too large (5 MB at most).' },
  BAD_REQUEST: { ja: 'リクエストの形式が正しくありません。', en: 'The request is malformed.' },
  ROOM_READ_ONLY: { ja: 'この部屋は閲覧のみです（部屋の終了または同意の撤回）。', en: 'This room is read-only (closed, or consent withdrawn).' },
  QUERY_TOO_COMPLEX: { ja: 'リクエストが大きすぎます。取得する項目や件数を減らしてください。', en: 'The request is too large. Ask for fewer fields or rows.' },
  GRAPHQL_VALIDATION_FAILED: { ja: 'リクエストの形式が正しくありません。', en: 'The request is malformed.' },
  GRAPHQL_PARSE_FAILED: { ja: 'リクエストの形式が正しくありません。', en: 'The request is malformed.' },
  QUERY_TIMEOUT: { ja: '処理に時間がかかりすぎたため中止しました。検索条件を絞り込んで再度お試しください。', en: 'The request took too long and was stopped. Narrow the search and try again.' },
  SERVICE_UNAVAILABLE: { ja: 'データベースに接続できません。しばらくしてから再度お試しください。', en: 'The database is unavailable. Please try again shortly.' },
  INTERNAL_SERVER_ERROR: { ja: 'システムエラーが発生しました。時間をおいて再度お試しください。', en: 'An internal error occurred. Please try again later.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

/** Field-level validation codes (extensions.fields[].code). */
export const fieldMessages = {
  REQUIRED: { ja: '必須項目です。', en: 'Required.' },
  TOO_LONG: { ja: '長すぎます。', en: 'Too long.' },
  KATAKANA: { ja: 'カタカナで入力してください。', en: 'Use katakana.' },
  OFFICE_NUMBER: { ja: '事業所番号は10桁の数字で入力してください。', en: 'The office number must be 10 digits.' },
  CARE_MANAGER_NUMBER: { ja: '介護支援専門員番号は8桁の数字で入力してください。', en: 'The care manager number must be 8 digits.' },
  POSTAL_CODE: { ja: '郵便番号は NNN-NNNN の形式で入力してください。', en: 'Postal code must look like NNN-NNNN.' },
  PHONE: { ja: '電話番号は数字とハイフンで入力してください（例: 029-232-9110）。', en: 'Use digits and hyphens for the phone number (e.g. 029-232-9110).' },
  EMAIL: { ja: 'メールアドレスの形式が正しくありません。', en: 'Not a valid e-mail address.' },
  LOGIN_ID: { ja: 'ログインIDは半角英数字と . _ - の4〜32文字で入力してください。', en: 'Login IDs are 4–32 letters, digits, ".", "_" or "-".' },
  PASSWORD_POLICY: { ja: 'パスワードは12文字以上で、英字と数字を含めてください。', en: 'Passwords need at least 12 characters, with letters and digits.' },
  PASSWORD_REUSED: { ja: '現在と同じパスワードは使えません。', en: 'Choose a password different from the current one.' },
  DATE: { ja: '日付の形式が正しくありません（YYYY-MM-DD）。', en: 'Not a valid date (YYYY-MM-DD).' },
  INVALID_VALUE: { ja: '値が正しくありません。', en: 'Invalid value.' },
  VITAL_SYSTOLIC: vitalRange('systolic', '収縮期血圧', 'Systolic blood pressure'),
  VITAL_DIASTOLIC: vitalRange('diastolic', '拡張期血圧', 'Diastolic blood pressure'),
  VITAL_PULSE: vitalRange('pulse', '脈拍', 'Pulse'),
  VITAL_TEMPERATURE: vitalRange('temperature', '体温', 'Temperature'),
  VITAL_SPO2: vitalRange('spo2', 'SpO2', 'SpO2'),
  VITAL_WEIGHT: vitalRange('weight', '体重', 'Weight'),
  NOT_ALLOWED_FOR_KIND: { ja: 'この事業所種別では指定できません。', en: 'Not allowed for this kind of office.' },
  NOT_ALLOWED_FOR_ROLE: { ja: 'この役割では指定できません。', en: 'Not allowed for this role.' },
  OFFICE_INACTIVE: { ja: '利用停止中の事業所です。', en: 'This office is inactive.' },
  NOT_IN_SCOPE: { ja: '指定できない対象です。', en: 'You cannot choose this.' },
  TAKEN: { ja: 'すでに使われています。', en: 'Already in use.' },
  ALREADY_REGISTERED: { ja: '同じ方がすでに登録されています。', en: 'This person is already registered.' },
  ALREADY_REQUESTED: { ja: '同じ内容の申請が処理中です。', en: 'The same request is already in progress.' },
  ALREADY_STOPPED: { ja: 'すでに停止されています。', en: 'Already stopped.' },
  NOT_PENDING: { ja: '利用開始待ちのアカウントではありません（利用開始コードは不要です）。', en: 'This account is not waiting for activation (no activation code needed).' },
  CITY_BOOTSTRAP_REQUIRED: {
    ja: 'この自治体には利用中の市の管理者がいません。最初の市の管理者アカウントは運用者の手順（bootstrap-city）で発行します。',
    en: 'This municipality has no active city administrator; its first CITY account is issued with the operator’s procedure (bootstrap-city).',
  },
  DATE_IN_PAST: { ja: '過去の日付は指定できません。', en: 'The date cannot be in the past.' },
  INSURED_NUMBER: { ja: '被保険者番号は10桁の数字で入力してください。', en: 'The insured number must be 10 digits.' },
  WAREKI_DATE: { ja: '日付は「昭和15年3月2日」「S15.3.2」「1940-03-02」のように入力してください。', en: 'Enter a date like 昭和15年3月2日, S15.3.2 or 1940-03-02.' },
  DATE_IN_FUTURE: { ja: '未来の日付は指定できません。', en: 'The date cannot be in the future.' },
  NOT_A_TITLE: { ja: 'この部屋のケアレポート標題から選んでください。', en: 'Choose one of this room’s care-report titles.' },
  USER_NOT_ACTIVE: { ja: '利用中の登録済み利用者のみ招待できます。', en: 'Only registered, active users can be invited.' },
  ALREADY_MEMBER: { ja: 'すでにこの部屋の参加者です。', en: 'Already a member of this room.' },
  NOT_COVERED: { ja: '同意書の対象事業所ではありません。', en: 'This office is not covered by the consent.' },
  FILE_TYPE: { ja: 'PDF・JPEG・PNG のファイルのみ添付できます。', en: 'Only PDF, JPEG and PNG files can be attached.' },
  FILE_TOO_LARGE: { ja: 'ファイルが大きすぎます（上限 5MB）。', en: 'The file is too large (5 MB at most).' },
  UPLOAD_UNAVAILABLE: { ja: '添付ファイルの受付期限が切れたか、すでに使われています。もう一度添付してください。', en: 'The uploaded file has expired or was already used. Attach it again.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type FieldCode = keyof typeof fieldMessages;
