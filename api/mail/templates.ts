// E-mail texts. They say what happened and link to the panel; never patient data, never credentials.
import { ApplicationState, ApplicationType, ROOM_TYPES } from '../applications/application.enums.js';

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
const about = (a: AppInfo) => (ROOM_TYPES.includes(a.type) ? `受付番号 ${a.id.slice(0, 8).toUpperCase()}` : a.summary);

const footer = (url: string) => `\n\n詳細はシステムにサインインしてご確認ください。\n${url}\n\n※このメールは送信専用です。`;

interface AppInfo {
  id: string;
  type: ApplicationType;
  summary: string;
}

export function applicationArrived(a: AppInfo, publicUrl: string) {
  return {
    kind: 'application.submitted',
    subject: `【在宅医療・介護連携】${typeLabel[a.type]}が届きました`,
    body: `${typeLabel[a.type]}が届きました。審査をお願いします。\n\n内容: ${about(a)}${footer(`${publicUrl}/#/applications/${a.id}/show`)}`,
  };
}

export function applicationForwarded(a: AppInfo, publicUrl: string) {
  return {
    kind: 'application.forwarded',
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

export function applicationDecided(a: AppInfo, state: ApplicationState, comment: string | null, publicUrl: string) {
  const idStopDone = a.type === ApplicationType.ID_STOP && state === ApplicationState.COMPLETED;
  const what = idStopDone ? '処理が完了しました。停止日の翌日からサインインできなくなります' : (ROOM_TYPES.includes(a.type) ? roomOutcome : outcome)[state];
  return {
    kind: `application.${state.toLowerCase()}`,
    subject: `【在宅医療・介護連携】${typeLabel[a.type]}の結果のお知らせ`,
    body: `お申し込みの${typeLabel[a.type]}（${about(a)}）は${what}。${comment ? `\n\n市・システム管理者からのコメント:\n${comment}` : ''}${footer(publicUrl)}`,
  };
}

/** A new post: says only that there is something new, with a link. */
export function newPostNotice(roomId: string, publicUrl: string) {
  return {
    kind: 'post.created',
    subject: '【在宅医療・介護連携】新しい投稿があります',
    body: `参加している部屋に新しい投稿があります。${footer(`${publicUrl}/#/rooms/${roomId}/show`)}`,
  };
}
