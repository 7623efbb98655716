// The sign-in steps in the browser: first-time TOTP enrollment with recovery codes, a recovery
// code instead of the app, the forced change of an issued password, and the English UI.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildMunicipality, buildOffice, buildUser, TEST_PASSWORD, type BuiltUser } from '../helpers/factories.js';
import { totpCode } from '../helpers/totp.js';
import { Role } from '../../api/users/user.enums.js';
import { absent, adminDist, clearStorage, launchBrowser, recordFailures, visible, type TestBrowser } from './browser.js';

describe('signing in to the admin panel', () => {
  let server: TestServer;
  let tb: TestBrowser;
  let page: Page;
  let onFailure: (failed: boolean) => Promise<void> = async () => undefined;
  let newcomer: BuiltUser;
  let issued: BuiltUser;
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    [server, tb] = await Promise.all([startTestServer({ adminDist: adminDist() }), launchBrowser()]);
    const em = server.orm.em.fork();
    const office = await buildOffice(em, await buildMunicipality(em));
    newcomer = await buildUser(em, server.secrets, { role: Role.OFFICE, office, totp: false, name: '新人 一郎' });
    issued = await buildUser(em, server.secrets, { role: Role.OFFICE, office, mustChangePassword: true, name: '発行 二郎' });
  });
  afterEach(async (ctx) => onFailure(ctx.task.result?.state === 'fail'));
  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  async function enterPassword(user: BuiltUser, password = user.password) {
    await clearStorage(page, server.url);
    await page.goto(`${server.url}/#/login`);
    await page.getByRole('textbox', { name: 'ログインID' }).fill(user.loginId);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'サインイン' }).click();
  }

  it('first sign-in: enrolls the authenticator app, shows ten recovery codes once, enters the app', async () => {
    page = await tb.newPage();
    onFailure = recordFailures(page, 'sign-in');
    await enterPassword(newcomer);
    await visible(page.getByRole('heading', { name: '二要素認証の設定' }));
    await visible(page.getByRole('img', { name: '認証アプリ登録用の QR コード' }));
    const key = (await page.getByTestId('totp-manual-key').innerText()).trim();
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByRole('textbox', { name: '認証コード' }).fill(await generate({ secret: key }));
    await page.getByRole('button', { name: '確認' }).click();

    await visible(page.getByRole('heading', { name: 'リカバリーコード' }));
    recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await page.getByRole('button', { name: '保存しました' }).click();
    await visible(page.getByText('ようこそ、新人 一郎 さん'));
  });

  it('signs in with a recovery code instead of the app', async () => {
    await page.getByLabel('プロフィール').click();
    await page.getByRole('menuitem', { name: 'サインアウト' }).click();
    await visible(page.getByRole('button', { name: 'サインイン' }));
    await enterPassword(newcomer);
    await page.getByRole('button', { name: 'リカバリーコードを使う' }).click();
    await page.getByRole('textbox', { name: 'リカバリーコード' }).fill('WRONG-CODE');
    await page.getByRole('button', { name: '確認' }).click();
    await visible(page.getByText('リカバリーコードが正しくありません。'));
    await page.getByRole('textbox', { name: 'リカバリーコード' }).fill(recoveryCodes[0]);
    await page.getByRole('button', { name: '確認' }).click();
    await visible(page.getByText('ようこそ、新人 一郎 さん'));
  });

  it('an issued password must be changed after the second factor', async () => {
    page = await tb.newPage();
    onFailure = recordFailures(page, 'sign-in');
    await enterPassword(issued);
    await page.getByRole('textbox', { name: '認証コード' }).fill(await totpCode(issued.totpSecret!));
    await page.getByRole('button', { name: '確認' }).click();
    await visible(page.getByRole('heading', { name: 'パスワードの変更' }));
    await page.locator('#currentPassword').fill(TEST_PASSWORD);
    await page.locator('#newPassword').fill('short1');
    await page.locator('#confirmPassword').fill('short1');
    await page.getByRole('button', { name: '変更する' }).click();
    await visible(page.getByText('パスワードは12文字以上で、英字と数字を含めてください。'));
    await page.locator('#newPassword').fill('new-password-2026');
    await page.locator('#confirmPassword').fill('new-password-2026');
    await page.getByRole('button', { name: '変更する' }).click();
    await visible(page.getByText('ようこそ、発行 二郎 さん'));
  });

  it('a wrong password is refused with the server’s Japanese message, and English is selectable', async () => {
    page = await tb.newPage();
    onFailure = recordFailures(page, 'sign-in');
    await enterPassword(newcomer, 'not-the-password-1');
    await visible(page.getByText('ログインIDまたはパスワードが正しくないか、アカウントが利用できません。'));

    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await visible(page.getByRole('button', { name: 'Sign in' }));
    await page.getByRole('textbox', { name: 'Login ID' }).fill(newcomer.loginId);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // the server answers in the panel's language (Accept-Language)
    await visible(page.getByText('Wrong login ID or password, or the account cannot be used.'));
    await absent(page.getByText('ログインID'));
  });
});
