// OFFICE accounts: an office admin sees the roster (職員名簿) of its own office only, read-only,
// and its office; plain staff see their own account and office. No municipality menu for either.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildWorld } from '../helpers/factories.js';
import { absent, adminDist, launchBrowser, menuEntries, recordFailures, signIn, visible, type TestBrowser } from './browser.js';

describe('OFFICE accounts in the admin panel', () => {
  let server: TestServer;
  let tb: TestBrowser;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let page: Page;
  let onFailure: (failed: boolean) => Promise<void> = async () => undefined;

  beforeAll(async () => {
    [server, tb] = await Promise.all([startTestServer({ adminDist: adminDist() }), launchBrowser()]);
    world = await buildWorld(server.orm.em.fork(), server.secrets);
  });
  afterEach(async (ctx) => onFailure(ctx.task.result?.state === 'fail'));
  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  it('an office admin has the roster and its office in the menu, nothing for municipalities', async () => {
    page = await tb.newPage();
    onFailure = recordFailures(page, 'office-admin');
    await signIn(page, server.url, world.users.officeAdmin);
    await expect.poll(() => menuEntries(page)).toEqual(['ホーム', '参加中の部屋', '部屋作成の申請', '職員名簿', '自事業所', '申請', '集計', 'パスワード変更']);
    const menu = await menuEntries(page);
    expect(menu).not.toContain('市町村');
    expect(menu).not.toContain('事業所');
  });

  it("the roster lists its own office's staff only, without edit or create", async () => {
    await page.getByRole('menuitem', { name: '職員名簿' }).click();
    await visible(page.getByRole('heading', { name: '職員名簿' }));
    await visible(page.getByRole('cell', { name: world.users.staff.user.name }));
    await visible(page.getByRole('cell', { name: world.users.officeAdmin.user.name }));
    for (const u of [world.users.otherOfficeStaff, world.users.otherCityStaff, world.users.city, world.users.vendor]) {
      await absent(page.getByText(u.user.name));
    }
    await absent(page.getByRole('link', { name: '新規作成' }));
    await page.getByRole('cell', { name: world.users.staff.user.name }).click();
    await visible(page.getByRole('heading', { name: '名簿情報' }));
    await absent(page.getByRole('link', { name: '編集' }));
    await absent(page.getByRole('button', { name: 'ID停止' }));
  });

  it('its own office page shows the office and its staff', async () => {
    await page.getByRole('menuitem', { name: '自事業所' }).click();
    await visible(page.getByText(world.office.name).first());
    await visible(page.getByRole('heading', { name: '職員' }));
    await visible(page.getByRole('cell', { name: world.users.staff.user.name }));
    await absent(page.getByRole('link', { name: '編集' }));
  });

  it('plain staff see only their own account and office', async () => {
    page = await tb.newPage();
    onFailure = recordFailures(page, 'office-staff');
    await signIn(page, server.url, world.users.staff);
    await expect.poll(() => menuEntries(page)).toEqual(['ホーム', '参加中の部屋', '部屋作成の申請', '自分のアカウント', '自事業所', '申請', 'パスワード変更']);
    await page.getByRole('menuitem', { name: '自分のアカウント' }).click();
    await visible(page.getByText(world.users.staff.loginId));
    await page.getByRole('menuitem', { name: '自事業所' }).click();
    await visible(page.getByText(world.office.name).first());
    await absent(page.getByRole('heading', { name: '職員' }));
  });
});
