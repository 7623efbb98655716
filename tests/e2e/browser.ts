// One headless Debian Chromium per test file (playwright-core, never `playwright install`),
// a fresh profile directory each time, and helpers for the panel's sign-in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { totpCode } from '../helpers/totp.js';
import { buildWorld, type BuiltUser } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The built panel, as an absolute path: Express's sendFile refuses a relative one, which the
 * harness's default ('admin/dist') is.
 */
export function adminDist(): string {
  const dir = path.resolve('admin/dist');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error('admin/dist is missing: run `npm run build:admin` first');
  return dir;
}

export interface TestBrowser {
  context: BrowserContext;
  /** A new tab with no cookies or storage left from an earlier user. */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Chromium with a fresh temporary profile (--user-data-dir): Playwright takes the directory as
 * launchPersistentContext's argument, so the file's browser is this one persistent context.
 */
export async function launchBrowser(locale = 'ja-JP'): Promise<TestBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000); // generous: CI shares two cores between Chromium, the server and PostgreSQL
  return {
    context,
    newPage: async () => {
      for (const p of context.pages()) await p.close();
      await context.clearCookies();
      const page = await context.newPage();
      return page;
    },
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Forgets the previous user's local settings (react-admin's store, the activity time). */
export async function clearStorage(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/healthz`);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
}

/** Password, then the TOTP code of the user's authenticator, until the app is shown. */
export async function signIn(page: Page, baseUrl: string, user: BuiltUser): Promise<void> {
  if (!user.totpSecret) throw new Error('signIn needs a user with TOTP; use the enrollment flow otherwise');
  await clearStorage(page, baseUrl);
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('ログインID').fill(user.loginId);
  await page.getByLabel('パスワード').fill(user.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByLabel('認証コード').fill(await totpCode(user.totpSecret));
  await page.getByRole('button', { name: '確認' }).click();
  await visible(page.getByText('ようこそ'));
}

/** Waits until (the first element of) the locator is shown. */
export async function visible(locator: Locator, timeout?: number): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** Waits until nothing matches the locator (use after something on the same page is shown). */
export async function absent(locator: Locator, timeout = 5_000): Promise<void> {
  await expect.poll(() => locator.count(), { timeout }).toBe(0);
}

/** The side menu's entries, as the user sees them. */
export async function menuEntries(page: Page): Promise<string[]> {
  const items = page.locator('.RaMenu-open a, .RaMenu-closed a');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** Where failed tests leave a screenshot and the page's console output. */
export const ARTIFACTS_DIR = path.join(os.tmpdir(), 'zaitaku-e2e');

/** Collects the page's console errors; on a failed test, saves them with a screenshot. */
export function recordFailures(page: Page, name: string): (failed: boolean) => Promise<void> {
  const log: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.push(`[${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  return async (failed) => {
    if (!failed) return;
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const base = path.join(ARTIFACTS_DIR, `${name}-${Date.now()}`);
    await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
    fs.writeFileSync(`${base}.log`, `${page.url()}\n${log.join('\n')}\n`);
    console.error(`e2e failure artifacts: ${base}.png / .log`);
  };
}

/** The form control (input, label, helper text) of the text input with this accessible name. */
export function formField(page: Page, name: string): Locator {
  return page.locator('.MuiFormControl-root').filter({ has: page.getByRole('textbox', { name, exact: true }) });
}

export interface PanelSuite {
  server: TestServer;
  tb: TestBrowser;
  world: Awaited<ReturnType<typeof buildWorld>>;
  /** A fresh tab; if the test fails, its console errors and a screenshot are kept under `name`. */
  open: (name: string) => Promise<Page>;
}

/**
 * The setup the panel's test files share, registered in the calling describe block: a server
 * with the built panel and a Chromium, started together, the usual world of users, and both
 * closed after the block. Its fields are set once the block's first beforeAll has run.
 */
export function panelSuite(): PanelSuite {
  let onFailure: (failed: boolean) => Promise<void> = async () => undefined;
  const suite = {
    open: async (name: string) => {
      const page = await suite.tb.newPage();
      onFailure = recordFailures(page, name);
      return page;
    },
  } as PanelSuite;
  beforeAll(async () => {
    [suite.server, suite.tb] = await Promise.all([startTestServer({ adminDist: adminDist() }), launchBrowser()]);
    suite.world = await buildWorld(suite.server.orm.em.fork(), suite.server.secrets);
  });
  afterEach(async (ctx) => onFailure(ctx.task.result?.state === 'fail'));
  afterAll(async () => {
    await suite.tb?.close();
    await suite.server?.close();
  });
  return suite;
}
