// E-mail texts. They say what happened and link to the panel; never patient data, never credentials,
// and never free text that someone typed (a reviewer's comment may name a patient or a person: it
// stays in the panel, and the mail says there is one). Each text carries its category, so who may
// read it in the outbox is decided by mail/notification.policy.ts, not by reading the text.
import { ApplicationState, ApplicationType, ROOM_TYPES } from '../applications/application.enums.js';
import { receiptNumber } from '../applications/patient-data.js';
import { NotificationCategory } from './notification.entity.js';
import type { MailCategory } from './outbox.js';

const typeLabel: Record<ApplicationType, string> = {
  OFFICE_REGISTRATION: '事業所登録申請',
  STAFF_ADDITION: '職員追加申請',
  ID_STOP: 'ID停止申請',
  ROOM_CREATION: '部屋作成申請',
  ROOM_JOIN: '部屋への招待依頼',
  ROOM_END: '部屋の終了依頼',
};

/**
 * What a mail may say about the application: account forms name the office and staff; anything
 * about a room names no patient, only the receipt number.
 */
const about = (a: AppInfo) => (ROOM_TYPES.includes(a.type) ? `受付番号 ${receiptNumber(a.id)}` : a.summary);

/** Room forms concern a patient; account forms are the account workflow. None of these texts holds a credential. */
const categoryOf = (a: AppInfo): MailCategory => (ROOM_TYPES.includes(a.type) ? { category: NotificationCategory.ROOM } : { category: NotificationCategory.ACCOUNT, carriesCredential: false });

const footer = (url: string) => `\n\n詳細はシステムにサインインしてご確認ください。\n${url}\n\n※このメールは送信専用です。`;

interface AppInfo {
  id: string;
  type: ApplicationType;
  summary: string;
  /** the reviewer wrote a comment (shown in the panel, never in the mail) */
  hasComment?: boolean;
}

export function applicationArrived(a: AppInfo, publicUrl: string) {
  return {
    kind: 'application.submitted',
    ...categoryOf(a),
    subject: `【在宅医療・介護連携】${typeLabel[a.type]}が届きました`,
    body: `${typeLabel[a.type]}が届きました。審査をお願いします。\n\n内容: ${about(a)}${footer(`${publicUrl}/#/applications/${a.id}/show`)}`,
  };
}

export function applicationForwarded(a: AppInfo, publicUrl: string) {
  return {
    kind: 'application.forwarded',
    ...categoryOf(a),
    subject: `【在宅医療・介護連携】${typeLabel[a.type]}の処理依頼`,
    body: `市の審査を終えた${typeLabel[a.type]}が回付されました。登録処理をお願いします。\n\n内容: ${about(a)}${footer(`${publicUrl}/#/applications/${a.id}/show`)}`,
  };
}

const outcome: Partial<Record<ApplicationState, string>> = {
  RETURNED: '差し戻されました。内容を修正のうえ再提出してください',
  REJECTED: '却下されました',
  COMPLETED: '処理が完了しました。ログインIDと利用開始コードは市から書面でお届けします',
};

const roomOutcome: Partial<Record<ApplicationState, string>> = {
  RETURNED: '差し戻されました。内容を修正のうえ再提出してください',
  REJECTED: '受け付けられませんでした',
  COMPLETED: '処理が完了しました。システムにサインインしてご確認ください',
};

export function applicationDecided(a: AppInfo, state: ApplicationState, publicUrl: string) {
  const idStopDone = a.type === ApplicationType.ID_STOP && state === ApplicationState.COMPLETED;
  const what = idStopDone ? '処理が完了しました。停止日の翌日からサインインできなくなります' : (ROOM_TYPES.includes(a.type) ? roomOutcome : outcome)[state];
  return {
    kind: `application.${state.toLowerCase()}`,
    ...categoryOf(a),
    subject: `【在宅医療・介護連携】${typeLabel[a.type]}の結果のお知らせ`,
    body: `お申し込みの${typeLabel[a.type]}（${about(a)}）は${what}。${a.hasComment ? '\n\n市・システム管理者からのコメントがあります。システムでご確認ください。' : ''}${footer(publicUrl)}`,
  };
}

/** A new post: says only that there is something new, with a link. */
export function newPostNotice(roomId: string, publicUrl: string) {
  return {
    kind: 'post.created',
    category: NotificationCategory.POST as const,
    subject: '【在宅医療・介護連携】新しい投稿があります',
    body: `参加している部屋に新しい投稿があります。${footer(`${publicUrl}/#/rooms/${roomId}/show`)}`,
  };
}
