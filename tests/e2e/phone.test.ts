// The room on a phone (390×844) and a tablet (1024×768): no screen of the room scrolls sideways
// (rooms list, every tab of the room page, the post form, the room request form), nor any list in
// the city's or VENDOR's menu (a table wider than the phone scrolls inside its card, no text squeezed
// to a character a line), the members
// are cards on the phone, photos open in the page's viewer with previous/next (buttons and arrow
// keys), and the TOTP enrollment offers an otpauth:// link for the phone that shows the QR code.
// SCREENSHOTS=<dir> keeps screenshots of the screens and of each role's home page for review.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { panelSuite, visible } from './browser.js';
import { buildRoomWorld, goTo, menuLists, overflow, PATIENT, sessions, settle, squeezedText } from './screens.js';
import { buildListRows, buildUser, type BuiltUser } from '../helpers/factories.js';
import { Role } from '../../api/users/user.enums.js';

const SHOTS = process.env.SCREENSHOTS;
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };

describe('the room on a phone and a tablet', () => {
  const s = panelSuite();
  const { openAs } = sessions(s);
  let roomId = '';

  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** The page fits the viewport's width: nothing to scroll sideways (the widest elements otherwise). */
  const fits = async (page: Page, width: number, screen: string) => {
    const o = await overflow(page);
    expect(o.scrollWidth, `${screen} at ${width}px is ${o.scrollWidth}px wide:\n${o.widest.join('\n')}`).toBeLessThanOrEqual(width);
    expect.soft(await squeezedText(page), `${screen} at ${width}px: text squeezed out of shape`).toEqual([]);
  };

  it('sets up a room with posts and photos', async () => {
    roomId = (await buildRoomWorld(s.server.orm.em.fork(), s)).room.id;
  });

  /** Every room screen a user reaches, checked at one size. */
  const roomScreens = async (user: BuiltUser, who: string, size: { width: number; height: number }, tabs: string[]) => {
    const tag = `${who}-${size.width}`;
    const page = await openAs(user, `phone-${tag}`, '#/', size);
    await fits(page, size.width, `${who} home`);
    await shot(page, `${tag}-home`);

    await goTo(page, `${s.server.url}/#/rooms`);
    await visible(page.getByText(PATIENT));
    await fits(page, size.width, `${who} rooms list`);
    await shot(page, `${tag}-rooms`);

    await goTo(page, `${s.server.url}/#/rooms/${roomId}/show`);
    await visible(page.getByRole('heading', { name: PATIENT }));
    await visible(page.getByText('褥瘡の状態を撮影しました'));
    await fits(page, size.width, `${who} room timeline`);
    await shot(page, `${tag}-room-timeline`);
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab }).click();
      await settle(page);
      await fits(page, size.width, `${who} room tab ${tab}`);
      await shot(page, `${tag}-room-${tab}`);
    }
    return page;
  };

  it('office staff at 390×844: home, rooms list, the room (post form, every tab) fit; members are cards', { timeout: 120_000 }, async () => {
    const page = await roomScreens(s.world.users.staff, 'staff', PHONE, ['バイタル', '参加者', '同意']);
    // members: a card each, no table
    await page.getByRole('tab', { name: '参加者' }).click();
    await visible(page.getByTestId('member-card'));
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.getByTestId('member-card').count()).toBe(3);
    // the post form is on the timeline tab of a writable member
    await page.getByRole('tab', { name: '連絡帳・ケアレポート' }).click();
    await visible(page.getByRole('textbox', { name: '本文' }));
    await fits(page, PHONE.width, 'staff post form');
    // the top bar: the title shrinks, the buttons are icons with names
    const bar = await page.locator('header').boundingBox();
    expect(bar!.width).toBeLessThanOrEqual(PHONE.width);
    await visible(page.getByRole('button', { name: /表示言語/ }));
  });

  it('office admin at 390×844: the room request form fits', { timeout: 60_000 }, async () => {
    const page = await openAs(s.world.users.officeAdmin, 'phone-request', '#/', PHONE);
    await goTo(page, `${s.server.url}/#/room-request`);
    await visible(page.getByText('患者（利用者）の部屋の作成を市に申請します', { exact: false }));
    await fits(page, PHONE.width, 'room request form');
    await shot(page, 'admin-390-room-request');
  });

  it('the city at 390×844: rooms list and every tab of the room, settings included, fit', { timeout: 120_000 }, async () => {
    const page = await roomScreens(s.world.users.city, 'city', PHONE, ['バイタル', '参加者', '同意', '標題の設定']);
    await page.getByRole('tab', { name: '参加者' }).click();
    await visible(page.getByRole('button', { name: '変更' }));
    await fits(page, PHONE.width, 'city members with actions');
  });

  it('office staff and the city at 1024×768 (tablet): the same screens fit', { timeout: 180_000 }, async () => {
    await roomScreens(s.world.users.staff, 'staff', TABLET, ['バイタル', '参加者', '同意']);
    const page = await roomScreens(s.world.users.city, 'city', TABLET, ['バイタル', '参加者', '同意', '標題の設定']);
    await goTo(page, `${s.server.url}/#/rooms`);
    await fits(page, TABLET.width, 'city rooms list');
  });

  it('a photo opens in the page, and goes to the next and back by buttons and arrow keys', { timeout: 60_000 }, async () => {
    const page = await openAs(s.world.users.staff, 'phone-photos', `#/rooms/${roomId}/show`, PHONE);
    await visible(page.getByText('褥瘡の状態を撮影しました'));
    const pagesBefore = s.tb.context.pages().length;
    await page.getByRole('button', { name: '写真を拡大表示: photo-1.png' }).click();
    const viewer = page.getByRole('dialog');
    await visible(viewer);
    expect(s.tb.context.pages().length).toBe(pagesBefore); // no new tab
    const image = viewer.getByTestId('photo-viewer-image');
    await expect.poll(() => image.getAttribute('alt')).toBe('photo-1.png');
    await expect.poll(() => image.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(40); // the real file, decoded
    await expect.poll(() => viewer.getByTestId('photo-position').innerText()).toBe('写真 1 / 2');
    await expect(viewer.getByRole('button', { name: '前の写真' }).isDisabled()).resolves.toBe(true);
    await fits(page, PHONE.width, 'photo viewer');
    await shot(page, 'staff-390-photo-viewer');

    await viewer.getByRole('button', { name: '次の写真' }).click();
    await expect.poll(() => image.getAttribute('alt')).toBe('photo-2.png');
    await expect.poll(() => viewer.getByTestId('photo-position').innerText()).toBe('写真 2 / 2');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => image.getAttribute('alt')).toBe('photo-1.png');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => image.getAttribute('alt')).toBe('photo-2.png');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe(`#/rooms/${roomId}/show`);
  });

  it('the TOTP enrollment on a phone offers an otpauth:// link beside the QR code', { timeout: 60_000 }, async () => {
    const newcomer = await buildUser(s.server.orm.em.fork(), s.server.secrets, { role: Role.OFFICE, office: s.world.office, totp: false, name: '携帯 登録子' });
    const page = await openAs(null, 'phone-enroll', '#/login', PHONE);
    await page.getByLabel('ログインID').fill(newcomer.loginId);
    await page.getByLabel('パスワード').fill(newcomer.password);
    await page.getByRole('button', { name: 'サインイン' }).click();
    const link = page.getByRole('link', { name: '認証アプリで開く' });
    await visible(link);
    await visible(page.getByRole('img', { name: '認証アプリ登録用の QR コード' }));
    const href = (await link.getAttribute('href')) ?? '';
    const uri = new URL(href);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    // the same secret as the key shown as text
    const key = (await page.getByTestId('totp-manual-key').innerText()).replace(/\s/g, '');
    expect(uri.searchParams.get('secret')).toBe(key);
    await fits(page, PHONE.width, 'enrollment');
    await shot(page, 'enroll-390');
  });

  it('each role’s home page says what to do next', { timeout: 120_000 }, async () => {
    const w = s.world.users;
    const nobody = await buildUser(s.server.orm.em.fork(), s.server.secrets, { role: Role.OFFICE, office: s.world.otherOffice, name: '新任 看護子' });
    const cases: [BuiltUser, string, RegExp][] = [
      [nobody, 'nurse-no-room', /まだ参加している患者さんの部屋はありません。[\s\S]*市町村の招待で参加します/],
      [w.otherOfficeStaff, 'viewer', /未読の投稿が 2 件あります。まず「偕楽 梅子」から確認しましょう。/],
      [w.officeAdmin, 'office-admin', /事業所の管理担当者として、次のときに申請を出します。[\s\S]*職員の追加申請/],
      [w.city, 'city', /審査を待っている申請が 1 件あります。/],
      [w.vendor, 'vendor', /市町村から回付された申請はありません。/],
    ];
    for (const [user, name, text] of cases) {
      for (const size of [{ width: 1366, height: 900 }, PHONE]) {
        const page = await openAs(user, `home-${name}`, '#/', size);
        const steps = page.getByTestId('next-steps');
        await visible(steps);
        expect(await steps.innerText()).toMatch(text);
        await fits(page, size.width, `${name} home`);
        await shot(page, `home-${name}-${size.width}`);
      }
    }
  });

  // last: its rows change what the home pages above count
  it('every list in the city’s and VENDOR’s menu fits a phone: a wide table scrolls inside its card', { timeout: 240_000 }, async () => {
    await buildListRows(s.server.orm.em.fork(), s.server.secrets, s.world, 3);
    for (const [user, who] of [
      [s.world.users.city, 'city'],
      [s.world.users.vendor, 'vendor'],
    ] as const) {
      const wide = await openAs(user, `menu-${who}`, '#/');
      const lists = await menuLists(wide);
      expect(lists.length, `${who}'s menu`).toBeGreaterThanOrEqual(4);
      const page = await openAs(user, `lists-${who}-390`, '#/', PHONE);
      for (const hash of lists) {
        await goTo(page, `${s.server.url}/${hash}`);
        await fits(page, PHONE.width, `${who} ${hash}`);
        await shot(page, `${who}-390-list-${hash.slice(2)}`);
      }
    }
  });
});
