// One headless Debian Chromium per test file (playwright-core, never `playwright install`),
// a fresh profile directory each time, and helpers for the panel's sign-in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect as pwExpect, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { totpCode } from '../helpers/totp.js';
import type { BuiltUser } from '../helpers/factories.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  /** A new isolated context (own cookies and storage) with one page, Japanese by default. */
  newPage: (locale?: string) => Promise<{ context: BrowserContext; page: Page }>;
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${userDataDir}`,
    ],
  });
  return {
    browser,
    newPage: async (locale = 'ja-JP') => {
      const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, acceptDownloads: true });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      return { context, page };
    },
    close: async () => {
      await browser.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Password, then the TOTP code of the user's authenticator, until the app is shown. */
export async function signIn(page: Page, baseUrl: string, user: BuiltUser): Promise<void> {
  if (!user.totpSecret) throw new Error('signIn needs a user with TOTP; use the enrollment flow otherwise');
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('ログインID').fill(user.loginId);
  await page.getByLabel('パスワード').fill(user.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByLabel('認証コード').fill(await totpCode(user.totpSecret));
  await page.getByRole('button', { name: '確認' }).click();
  await pwExpect(page.getByText('ようこそ')).toBeVisible();
}

export { pwExpect };

/** The side menu's entries, as the user sees them. */
export async function menuEntries(page: Page): Promise<string[]> {
  const items = page.locator('.RaMenu-open a, .RaMenu-closed a');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}
