// OFFICE accounts: an office admin sees the roster (職員名簿) of its own office only, read-only,
// and its office; plain staff see their own account and office. No municipality menu for either.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { absent, menuEntries, panelSuite, signIn, visible } from './browser.js';

describe('OFFICE accounts in the admin panel', () => {
  const s = panelSuite();
  let page: Page;

  it('an office admin has the roster and its office in the menu, nothing for municipalities', async () => {
    page = await s.open('office-admin');
    await signIn(page, s.server.url, s.world.users.officeAdmin);
    await expect.poll(() => menuEntries(page)).toEqual(['ホーム', '参加中の部屋', '部屋作成の申請', '職員名簿', '自事業所', '申請', '集計', 'パスワード変更']);
    const menu = await menuEntries(page);
    expect(menu).not.toContain('市町村');
    expect(menu).not.toContain('事業所');
  });

  it("the roster lists its own office's staff only, without edit or create", async () => {
    await page.getByRole('menuitem', { name: '職員名簿' }).click();
    await visible(page.getByRole('heading', { name: '職員名簿' }));
    await visible(page.getByRole('cell', { name: s.world.users.staff.user.name }));
    await visible(page.getByRole('cell', { name: s.world.users.officeAdmin.user.name }));
    for (const u of [s.world.users.otherOfficeStaff, s.world.users.otherCityStaff, s.world.users.city, s.world.users.vendor]) {
      await absent(page.getByText(u.user.name));
    }
    await absent(page.getByRole('link', { name: '新規作成' }));
    await page.getByRole('cell', { name: s.world.users.staff.user.name }).click();
    await visible(page.getByRole('heading', { name: '名簿情報' }));
    await absent(page.getByRole('link', { name: '編集' }));
    await absent(page.getByRole('button', { name: 'ID停止' }));
  });

  it('its own office page shows the office and its staff', async () => {
    await page.getByRole('menuitem', { name: '自事業所' }).click();
    await visible(page.getByText(s.world.office.name).first());
    await visible(page.getByRole('heading', { name: '職員' }));
    await visible(page.getByRole('cell', { name: s.world.users.staff.user.name }));
    await absent(page.getByRole('link', { name: '編集' }));
  });

  it('plain staff see only their own account and office', async () => {
    page = await s.open('office-staff');
    await signIn(page, s.server.url, s.world.users.staff);
    await expect.poll(() => menuEntries(page)).toEqual(['ホーム', '参加中の部屋', '部屋作成の申請', '自分のアカウント', '自事業所', '申請', 'パスワード変更']);
    await page.getByRole('menuitem', { name: '自分のアカウント' }).click();
    await visible(page.getByText(s.world.users.staff.loginId));
    await page.getByRole('menuitem', { name: '自事業所' }).click();
    await visible(page.getByText(s.world.office.name).first());
    await absent(page.getByRole('heading', { name: '職員' }));
  });
});
