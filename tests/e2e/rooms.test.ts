// Patient rooms through the panel, the whole path of the issue: an office user requests a room
// (様式6 + 様式5, a 和暦 birth date, members from the directory, a scanned form) → the city creates
// it from the request (permissions, titles) → a member posts a care report with vitals → another
// member sees it unread, opens it, and the author sees 既読 1 → a member requests closing → the
// city closes it → the room is read-only for its members. Also: a VIEWER has no post form, and a
// non-member who opens the room's URL gets a not-found page without the patient's data.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildUser, buildWorld, roomCreationInput, type BuiltUser } from '../helpers/factories.js';
import { Client } from '../helpers/client.js';
import { Role } from '../../api/users/user.enums.js';
import { absent, adminDist, clearStorage, launchBrowser, menuEntries, recordFailures, visible, type TestBrowser } from './browser.js';

// a real 1×1 PNG (the API checks the file's own bytes)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PATIENT = '偕楽 梅子';
// ROOMS_SCREENSHOTS=<dir> saves screenshots of the screens (desktop and tablet) for review
const SHOTS = process.env.ROOMS_SCREENSHOTS;

describe('patient rooms in the panel', () => {
  let server: TestServer;
  let tb: TestBrowser;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let viewer: BuiltUser;
  let nurse: BuiltUser;
  let helper: BuiltUser;
  let page: Page;
  let roomId = '';
  let onFailure: (failed: boolean) => Promise<void> = async () => undefined;

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  // One session per user, signed in once through the API (each TOTP time step is accepted only
  // once per user, so signing the same user in again and again would have to wait for the next
  // step); the browser takes the session's cookie. The sign-in screens have their own tests.
  const sessions = new Map<string, Client>();
  const api = async (user: BuiltUser) => {
    const open = sessions.get(user.loginId);
    if (open) return open;
    const c = new Client(server.url);
    await c.signIn(user.loginId, user.password, user.totpSecret!);
    sessions.set(user.loginId, c);
    return c;
  };
  const as = async (user: BuiltUser, name: string) => {
    const [cookieName, value] = (await api(user)).cookieHeader!.split('=');
    page = await tb.newPage();
    onFailure = recordFailures(page, `rooms-${name}`);
    await clearStorage(page, server.url);
    await tb.context.addCookies([{ name: cookieName, value, url: server.url }]);
    await page.goto(`${server.url}/#/`);
    await visible(page.getByText('ようこそ'));
  };
  const openRoom = async () => {
    await page.goto(`${server.url}/#/rooms/${roomId}/show`);
    await visible(page.getByRole('heading', { name: PATIENT }));
  };
  const pickPerson = async (label: string, name: string) => {
    await page.getByRole('combobox', { name: label }).fill(name);
    // at once, before the search has caught up: only matches of what is typed are offered, nothing
    // that changes under the pointer (the previous list was shown there, and a click could miss)
    expect((await page.getByRole('option').allInnerTexts()).filter((t) => !t.includes(name))).toEqual([]);
    await page.getByRole('option', { name: new RegExp(name) }).click();
  };

  beforeAll(async () => {
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
    [server, tb] = await Promise.all([startTestServer({ adminDist: adminDist() }), launchBrowser()]);
    world = await buildWorld(server.orm.em.fork(), server.secrets);
    viewer = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '閲覧 太郎' });
    nurse = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '訪問 看子' });
    helper = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '介護 助子' });
  });
  afterEach(async (ctx) => onFailure(ctx.task.result?.state === 'fail'));
  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  it('an office user requests a room: 様式6 + 様式5 with a 和暦 birth date, members from the directory, the scanned form', async () => {
    const { staff, officeAdmin } = world.users;
    await as(staff, 'request');
    await expect.poll(() => menuEntries(page)).toEqual(expect.arrayContaining(['参加中の部屋', '部屋作成の申請']));
    await page.getByRole('menuitem', { name: '部屋作成の申請' }).click();
    await visible(page.getByRole('heading', { name: '部屋作成の申請（様式6・様式5）' }));

    await page.getByRole('textbox', { name: '氏名', exact: true }).fill(PATIENT);
    await page.getByRole('textbox', { name: 'フリガナ', exact: true }).fill('カイラク ウメコ');
    await page.getByRole('radio', { name: '女' }).check();
    await page.getByRole('textbox', { name: '生年月日' }).fill('S15.3.2');
    await visible(page.getByText('昭和15年3月2日（1940年3月2日）'));
    await page.getByRole('textbox', { name: '生年月日' }).fill('昭和15年3月2日');
    await visible(page.getByText('昭和15年3月2日（1940年3月2日）'));
    await page.getByRole('textbox', { name: '郵便番号' }).fill('310-0001');
    await page.getByRole('textbox', { name: '住所' }).fill('茨城県水戸市三の丸1-1');
    await page.getByRole('textbox', { name: '電話番号' }).fill('029-000-0000');
    await page.getByRole('combobox', { name: '介護保険（認定）' }).click();
    await page.getByRole('option', { name: '要介護2' }).click();
    await page.getByRole('textbox', { name: '被保険者番号' }).fill('1234567890');

    await page.getByRole('radio', { name: '代理人' }).check();
    await page.getByRole('textbox', { name: '代理人氏名' }).fill('偕楽 一郎');
    await page.getByRole('textbox', { name: '続柄' }).fill('長男');
    expect(await page.getByRole('checkbox', { name: world.office.name }).isChecked()).toBe(true);

    for (const u of [staff, officeAdmin, viewer, nurse]) await pickPerson('参加者を追加（氏名・フリガナで検索）', u.user.name);
    await expect.poll(() => page.getByTestId('requested-member').count()).toBe(4);
    await page.locator('input[type=file]').setInputFiles({ name: '様式5.png', mimeType: 'image/png', buffer: PNG });
    await visible(page.getByText('様式5.png'));
    await shot('1-request-form');
    await page.getByRole('button', { name: '申請する' }).click();
    await visible(page.getByText('部屋作成の申請を送信しました').first());
  });

  it('the city creates the room from the request, with permissions and care-report titles', async () => {
    const { staff, officeAdmin, city } = world.users;
    await as(city, 'create');
    await expect.poll(() => menuEntries(page)).toEqual(expect.arrayContaining(['部屋一覧']));
    await page.getByRole('menuitem', { name: '部屋一覧' }).click();
    await visible(page.getByRole('heading', { name: /未処理の部屋作成申請/ }));
    await page.getByRole('link', { name: '部屋を作成' }).click();
    await visible(page.getByText(/昭和15年3月2日（1940年3月2日）/));
    await visible(page.getByRole('link', { name: '様式5.png' }));
    expect(await page.getByRole('textbox', { name: '部屋名' }).inputValue()).toBe(`${PATIENT} 様`);

    const setPermission = async (user: BuiltUser, label: string) => {
      await page.getByTestId('setup-member').filter({ hasText: user.user.name }).getByRole('combobox').click();
      await page.getByRole('option', { name: label }).click();
    };
    await setPermission(staff, '取りまとめ');
    await setPermission(viewer, '閲覧のみ');
    await page.getByRole('textbox', { name: '標題を追加' }).fill('褥瘡ケア');
    await page.getByRole('button', { name: '追加', exact: true }).click();
    await visible(page.getByText('褥瘡ケア'));
    await shot('2-create-from-application');
    await page.getByRole('button', { name: '部屋を作成', exact: true }).click();
    await page.waitForURL(/#\/rooms\/[0-9a-f-]{36}\/show$/);
    roomId = /rooms\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await visible(page.getByRole('heading', { name: PATIENT }));
    await page.getByRole('tab', { name: '参加者' }).click();
    for (const [u, p] of [
      [staff, '取りまとめ'],
      [officeAdmin, '投稿可'],
      [viewer, '閲覧のみ'],
    ] as const) {
      await visible(page.getByRole('row').filter({ hasText: u.user.name }).getByRole('cell', { name: p }));
    }
    await shot('3-city-room-members');
  });

  it('a member posts a care report with vitals and a photo', async () => {
    await as(world.users.officeAdmin, 'post');
    await page.getByRole('menuitem', { name: '参加中の部屋' }).click();
    await page.getByRole('link', { name: new RegExp(PATIENT) }).click();
    await visible(page.getByRole('heading', { name: PATIENT }));
    await visible(page.getByText('昭和15年3月2日（1940年3月2日）'));
    await page.getByRole('button', { name: 'ケアレポート' }).click();
    await page.getByRole('combobox', { name: '標題', exact: true }).click();
    await page.getByRole('option', { name: '訪問看護' }).click();
    await page.getByRole('textbox', { name: '本文', exact: true }).fill('血圧やや高め。水分摂取を促しました。');
    for (const [label, value] of [
      ['血圧（上）', '152'],
      ['血圧（下）', '88'],
      ['脈拍', '72'],
      ['体温', '36.8'],
      ['SpO2', '97'],
      ['体重', '48.5'],
    ]) {
      await page.getByRole('textbox', { name: label, exact: true }).fill(value);
    }
    await page.getByTestId('attachment-input').setInputFiles({ name: '傷.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: '投稿', exact: true }).click();
    const post = page.getByRole('article').filter({ hasText: '血圧やや高め' });
    await visible(post);
    await visible(post.getByText('血圧 152/88 mmHg'));
    await visible(post.getByRole('img', { name: '傷.png' }));
    await visible(post.getByRole('button', { name: '既読 0' }));
    await page.setViewportSize({ width: 820, height: 1180 });
    await shot('4-room-tablet');
    await page.getByRole('tab', { name: 'バイタル' }).click();
    await visible(page.getByRole('img', { name: /血圧/ }));
    await shot('5-vitals-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('another member sees it unread in their rooms and opens it', async () => {
    await as(world.users.staff, 'unread');
    await page.getByRole('menuitem', { name: '参加中の部屋' }).click();
    const card = page.getByTestId('my-room').filter({ hasText: PATIENT });
    await visible(card.getByText('未読 1件'));
    await shot('6-my-rooms');
    await card.getByRole('link').click();
    await visible(page.getByRole('article').filter({ hasText: '血圧やや高め' }).getByText('新着'));
    await page.getByRole('menuitem', { name: '参加中の部屋' }).click();
    await visible(page.getByTestId('my-room').filter({ hasText: PATIENT }).getByText('未読なし'));
  });

  it('a member asks the city to invite a colleague picked from the directory', async () => {
    await openRoom();
    await page.getByRole('button', { name: '参加を依頼' }).click();
    await pickPerson('参加してほしい方', helper.user.name);
    await page.getByRole('button', { name: '依頼する' }).click();
    await visible(page.getByText('参加の依頼を送信しました'));
    const city = await api(world.users.city);
    const joins = await city.ok(`{ applications(filter: { type: ROOM_JOIN, states: [SUBMITTED] }) { items { payload } } }`);
    expect(joins.applications.items.map((a: { payload: unknown }) => a.payload)).toEqual([expect.objectContaining({ roomId, userId: helper.user.id, permission: 'CONTRIBUTOR' })]);
  });

  it('the author sees 既読 1 and who read it, corrects the post (the earlier version is kept) and requests closing', async () => {
    await as(world.users.officeAdmin, 'read-receipt');
    await openRoom();
    const mine = page.getByRole('article').filter({ hasText: '血圧やや高め' });
    await mine.getByRole('button', { name: '既読 1' }).click();
    await visible(page.getByRole('dialog', { name: '既読' }).getByText(world.users.staff.user.name));
    await page.keyboard.press('Escape');

    await mine.getByRole('button', { name: '訂正' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '本文' }).fill('血圧やや高め。水分摂取を促しました（500ml）。');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    const corrected = page.getByRole('article').filter({ hasText: '500ml' });
    await corrected.getByRole('button', { name: /訂正済み/ }).click();
    await visible(corrected.getByText('血圧やや高め。水分摂取を促しました。', { exact: true }));

    await page.getByRole('button', { name: '部屋の終了を依頼' }).click();
    await page.getByRole('radio', { name: '施設入所' }).check();
    await page.getByRole('textbox', { name: '内容' }).fill('特別養護老人ホームへ入所されました。');
    await page.getByRole('button', { name: '終了を依頼する' }).click();
    await visible(page.getByText('部屋の終了が依頼されています'));
    await visible(page.getByRole('article').filter({ hasText: '特別養護老人ホームへ入所されました。' }));
  });

  it('a VIEWER member reads but has no post form', async () => {
    await as(viewer, 'viewer');
    await openRoom();
    await visible(page.getByText('あなたの権限は「閲覧のみ」です。投稿はできません。'));
    await visible(page.getByRole('article').filter({ hasText: '500ml' }));
    await absent(page.getByRole('button', { name: '投稿', exact: true }));
    await absent(page.getByRole('textbox', { name: '本文', exact: true }));
  });

  it('a non-member who opens the room URL gets a not-found page, not the data', async () => {
    await as(world.users.otherOfficeStaff, 'outsider');
    await page.goto(`${server.url}/#/rooms/${roomId}/show`);
    await visible(page.getByText('部屋が見つかりません'));
    await absent(page.getByText(PATIENT));
    await absent(page.getByText('500ml'));
  });

  it('the city confirms the closing request in the applications screen, and the room is read-only for its members', async () => {
    await as(world.users.city, 'close');
    await page.goto(`${server.url}/#/rooms/${roomId}/show`);
    await page.getByRole('link', { name: '終了の依頼を確認する（申請）' }).click();
    await page.getByRole('button', { name: '完了' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '完了' }).click();
    await visible(page.getByText('完了しました'));

    await as(nurse, 'closed');
    await openRoom();
    await visible(page.getByText(/この部屋は終了しました/));
    await visible(page.getByRole('article').filter({ hasText: '500ml' }));
    await absent(page.getByRole('button', { name: '投稿', exact: true }));
    await absent(page.getByRole('button', { name: '部屋の終了を依頼' }));
    await shot('7-closed-room');
  });

  it('a request the city returns is corrected and resubmitted by its applicant', async () => {
    const applicant = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '常磐 ケア子' });
    const input = roomCreationInput({ explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: applicant.user }, { user: viewer.user }], name: '千波 湖子' });
    const submitted = (await (await api(applicant)).ok(`mutation($i: ApplicationInput!) { submitApplication(type: ROOM_CREATION, input: $i) { id version } }`, { i: { roomCreation: input } }))
      .submitApplication;
    const city = await api(world.users.city);
    await city.ok(`mutation($id: ID!, $v: Int!) { returnApplication(id: $id, version: $v, comment: "住所の番地が抜けています。") { state } }`, { id: submitted.id, v: submitted.version });

    await as(applicant, 'resubmit');
    await page.goto(`${server.url}/#/room-request/${submitted.id}`);
    await visible(page.getByTestId('returned-comment').getByText('住所の番地が抜けています。'));
    expect(await page.getByRole('textbox', { name: '氏名', exact: true }).inputValue()).toBe('千波 湖子');
    await visible(page.getByText('昭和15年3月2日（1940年3月2日）'));
    await expect.poll(() => page.getByTestId('requested-member').count()).toBe(2);
    await page.getByRole('textbox', { name: '住所' }).fill('茨城県水戸市三の丸1-5-38');
    await page.getByRole('button', { name: '申請する' }).click();
    await visible(page.getByText('部屋作成の申請を送信しました').first());
    const after = await city.ok(`query($id: ID!) { application(id: $id) { state payload } }`, { id: submitted.id });
    expect(after.application).toMatchObject({ state: 'SUBMITTED', payload: { patient: { address: '茨城県水戸市三の丸1-5-38', birthDate: '1940-03-02' } } });
  });
});
