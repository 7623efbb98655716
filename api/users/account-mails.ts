// E-mail texts of the account duties (README "Duties"). All are account mails (category ACCOUNT,
// so the outbox's policy may show them to VENDOR) except that the one carrying an activation code
// says so (carriesCredential: never shown to VENDOR). Kinds:
//   account.*     account workflow notices, no secret in them
//   activation.*  carries an activation code
// Only the bootstrap of a municipality's first CITY account mails a code (activation.bootstrap_code).
import { NotificationCategory } from '../mail/notification.entity.js';

const notice = { category: NotificationCategory.ACCOUNT, carriesCredential: false } as const;
const secret = { category: NotificationCategory.ACCOUNT, carriesCredential: true } as const;

export const ACCOUNT_MAIL_KINDS = {
  cityCreated: 'account.city_created',
  cityReset: 'account.city_reset',
  bootstrapNotice: 'account.city_bootstrap',
  contactChanged: 'account.contact_changed',
  bootstrapCode: 'activation.bootstrap_code',
} as const;

/** Kinds whose body carries an activation code. */
export const SECRET_MAIL_KIND_PREFIX = 'activation.';

const footer = (url: string) => `\n\n心当たりがない場合は、直ちにシステム管理者と市の担当窓口へご連絡ください。\n${url}\n\n※このメールは送信専用です。`;

interface AccountInfo {
  loginId: string;
  name: string;
}

/** To the municipality's other CITY users: a further CITY account was issued. */
export function cityAccountCreated(account: AccountInfo, by: string, publicUrl: string) {
  return {
    ...notice,
    kind: ACCOUNT_MAIL_KINDS.cityCreated,
    subject: '【在宅医療・介護連携】市の管理者アカウントが追加されました',
    body: `貴自治体の市の管理者アカウント（ログインID ${account.loginId}、${account.name}）が ${by} により発行されました。利用開始コードは市の管理者が印刷してお渡しします。${footer(`${publicUrl}/#/users`)}`,
  };
}

/** To the municipality's other CITY users: a CITY account's credentials were reset. */
export function cityAccountReset(account: AccountInfo, by: string, publicUrl: string) {
  return {
    ...notice,
    kind: ACCOUNT_MAIL_KINDS.cityReset,
    subject: '【在宅医療・介護連携】市の管理者アカウントの認証情報がリセットされました',
    body: `貴自治体の市の管理者アカウント（ログインID ${account.loginId}、${account.name}）の認証情報が ${by} によりリセットされました。再開には市の管理者が印刷する利用開始コードが必要です。${footer(`${publicUrl}/#/users`)}`,
  };
}

/** To the municipality's contact address: the operator created (or re-issued) its first CITY account. */
export function cityBootstrapNotice(municipalityName: string, account: AccountInfo, codeMailed: boolean, publicUrl: string) {
  return {
    ...notice,
    kind: ACCOUNT_MAIL_KINDS.bootstrapNotice,
    subject: '【在宅医療・介護連携】最初の市の管理者アカウントが発行されました',
    body:
      `${municipalityName} の最初の市の管理者アカウント（ログインID ${account.loginId}、${account.name}）がシステム運用者により発行されました。` +
      (codeMailed ? '利用開始コードは別のメールでこのアドレスにお送りします。' : '利用開始コードは運用者から書面でお届けします。') +
      footer(`${publicUrl}/#/activate`),
  };
}

/** To the municipality's contact address only: the bootstrap account's activation code. */
export function cityBootstrapCode(municipalityName: string, account: AccountInfo, code: string, expiresAt: Date, publicUrl: string) {
  return {
    ...secret,
    kind: ACCOUNT_MAIL_KINDS.bootstrapCode,
    subject: '【在宅医療・介護連携】利用開始コードのお知らせ（市の管理者）',
    body:
      `${municipalityName} の市の管理者アカウントの利用開始コードです。\n\nログインID: ${account.loginId}\n利用開始コード: ${code}\n有効期限: ${expiresAt.toISOString()}\n\n` +
      `${publicUrl}/#/activate で、ログインIDとこのコードを入力し、パスワードを設定して認証アプリを登録してください。コードは一度だけ使えます。` +
      footer(`${publicUrl}/#/activate`),
  };
}

/** To the old contact address: the municipality's contact e-mail was changed. */
export function contactAddressChanged(municipalityName: string, newEmail: string | null, publicUrl: string) {
  return {
    ...notice,
    kind: ACCOUNT_MAIL_KINDS.contactChanged,
    subject: '【在宅医療・介護連携】自治体の連絡先メールアドレスが変更されました',
    body: `${municipalityName} の連絡先メールアドレスが ${newEmail ?? '（なし）'} に変更されました。このアドレスには今後お知らせが届きません。${footer(publicUrl)}`,
  };
}
