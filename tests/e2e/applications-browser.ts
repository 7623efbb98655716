// For the account lifecycle and reports tests: one Chromium with an isolated context per person,
// so that the city, the vendor, an office admin and a leaver stay signed in side by side (each
// user signs in once per file: a TOTP code is accepted once per time step).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, ARTIFACTS_DIR, signIn } from './browser.js';
import type { BuiltUser } from '../helpers/factories.js';

export interface People {
  browser: Browser;
  /** A new context (own cookies and storage) with one tab. */
  page: (name: string) => Promise<Page>;
  /** A tab signed in as `user` (password + TOTP), kept for the whole file. */
  signedIn: (name: string, user: BuiltUser) => Promise<Page>;
  /** On a failed test: a screenshot of every open tab. */
  screenshots: (test: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function launchPeople(baseUrl: string): Promise<People> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const pages = new Map<string, Page>();
  const page = async (name: string) => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    const p = await context.newPage();
    pages.set(name, p);
    return p;
  };
  return {
    browser,
    page,
    signedIn: async (name, user) => {
      const p = await page(name);
      await signIn(p, baseUrl, user);
      return p;
    },
    screenshots: async (test) => {
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      for (const [name, p] of pages) {
        if (p.isClosed()) continue;
        const file = path.join(ARTIFACTS_DIR, `${test.replace(/\W+/g, '_').slice(0, 60)}-${name}-${Date.now()}.png`);
        await p.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.error(`e2e failure screenshot: ${file} (${p.url()})`);
      }
    },
    close: () => browser.close(),
  };
}

/** A small valid PDF for the attachment inputs (the server checks the %PDF- signature). */
export const pdfFile = (name = '申請書.pdf') => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') });

/** The input of a form field by its source path (react-admin's `name`, e.g. `input.staff.0.name`). */
export const field = (page: Page, source: string) => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first();

/** Picks an option of a select input (by its source path). */
export async function choose(page: Page, source: string, option: string): Promise<void> {
  await page
    .locator('.MuiFormControl-root')
    .filter({ has: page.locator(`input[name="${source}"]`) })
    .getByRole('combobox')
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
