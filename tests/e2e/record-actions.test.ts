// The panel's buttons on one record follow the record's allowedActions (the API's policy), not
// only the role: VENDOR may stop and reset accounts, but its own account offers neither.
import { beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { absent, panelSuite, signIn, visible } from './browser.js';

describe('record-level buttons from allowedActions', () => {
  const s = panelSuite();
  let page: Page;

  beforeAll(async () => {
    page = await s.open('record-actions');
    await signIn(page, s.server.url, s.world.users.vendor);
  });

  it("another account offers ID停止 and 認証情報リセット to VENDOR; VENDOR's own account offers neither", async () => {
    await page.goto(`${s.server.url}/#/users/${s.world.users.staff.user.id}/show`);
    await visible(page.getByRole('button', { name: 'ID停止' }));
    await visible(page.getByRole('button', { name: '認証情報リセット' }));

    await page.goto(`${s.server.url}/#/users/${s.world.users.vendor.user.id}/show`);
    await visible(page.getByText(s.world.users.vendor.loginId));
    await visible(page.getByRole('link', { name: '編集' })); // the page is there, with what the record allows
    await absent(page.getByRole('button', { name: 'ID停止' }));
    await absent(page.getByRole('button', { name: '認証情報リセット' }));
  });
});
