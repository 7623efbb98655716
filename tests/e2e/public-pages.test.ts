// The pages used without signing in, used as a visitor does: open the page, take one's time
// (more than 20 seconds: reading, looking up the office's data), then submit. Neither page may
// ask who is signed in, sign the visitor out, or lose what was typed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { adminDist, panelSuite, visible } from './browser.js';
import { choose, field, pdfFile } from './applications-browser.js';
import { buildUser } from '../helpers/factories.js';
import { issueActivationCodes } from '../../api/auth/activation.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';
import { totpCode } from '../helpers/totp.js';

/** As long as a person would stay before submitting; the old bug signed visitors out after ~9 s. */
const DWELL_MS = 21_000;

/** GraphQL operations the page sent, by name. */
function operationsOf(page: Page): string[] {
  const ops: string[] = [];
  page.on('request', (r) => {
    if (!r.url().endsWith('/graphql')) return;
    const name = /(?:query|mutation)\s+(\w+)/.exec(String(r.postDataJSON()?.query ?? ''))?.[1];
    if (name) ops.push(name);
  });
  return ops;
}

describe('public pages', () => {
  const s = panelSuite();

  it('新規登録申請: a visitor chooses the municipality, stays over 20 s, and the form is still there to submit', { timeout: 120_000 }, async () => {
    const page = await s.open('public-apply');
    const ops = operationsOf(page);
    await page.goto(`${s.server.url}/#/apply`);
    await visible(page.getByRole('heading', { name: '事業所の新規登録申請' }));

    // the municipalities to choose from (name and prefecture), no code to type
    await choose(page, 'municipalityCode', `${s.world.city.name}（${s.world.city.prefecture}）`);
    await page.getByRole('radio', { name: '医療機関' }).check();
    await field(page, 'input.office.name').fill('ゆっくり在宅クリニック');

    await page.waitForTimeout(DWELL_MS);
    expect(new URL(page.url()).hash).toBe('#/apply');
    await expect(field(page, 'input.office.name').inputValue()).resolves.toBe('ゆっくり在宅クリニック');

    await field(page, 'input.office.nameKana').fill('ユックリザイタククリニック');
    await field(page, 'input.office.postalCode').fill('310-0011');
    await field(page, 'input.office.address').fill('茨城県水戸市三の丸3-3-3');
    await field(page, 'input.office.phone').fill('029-333-4444');
    await field(page, 'input.office.contactEmail').fill('yukkuri@example.jp');
    await field(page, 'input.office.corporationName').fill('医療法人 ゆっくり会');
    await field(page, 'input.office.corporationNameKana').fill('イリョウホウジン ユックリカイ');
    await field(page, 'input.office.representativeName').fill('遊 一郎');
    await field(page, 'input.office.representativeNameKana').fill('ユウ イチロウ');
    await field(page, 'input.office.corporationAddress').fill('茨城県水戸市三の丸3-3-3');
    await field(page, 'input.office.corporationPhone').fill('029-333-4444');
    await field(page, 'input.staff.0.name').fill('遊 花子');
    await field(page, 'input.staff.0.nameKana').fill('ユウ ハナコ');
    await choose(page, 'input.staff.0.jobType', '医師');
    await field(page, 'input.staff.0.pledgedOn').fill('2026-11-20');
    await field(page, 'input.officePledgedOn').fill('2026-11-20');
    await page.locator('input[type=file]').setInputFiles(pdfFile());
    await field(page, 'applicantName').fill('遊 一郎');
    await field(page, 'applicantEmail').fill('yukkuri@example.jp');
    await page.getByRole('button', { name: '申請する' }).click();
    await visible(page.getByText('申請を受け付けました'));

    const [app] = await s.server.orm.em.fork().getConnection().execute(`select m.code from application a join municipality m on m.id = a.municipality_id where a.applicant_name = '遊 一郎'`);
    expect(app.code).toBe(s.world.city.code);
    // a public page never asks who is signed in, and never signs out
    expect(ops.filter((o) => ['Me', 'AuthStatus', 'Logout'].includes(o))).toEqual([]);
  });

  it('利用開始: a new user stays over 20 s on the page, then activates', { timeout: 120_000 }, async () => {
    const em = s.server.orm.em.fork();
    const pending = await buildUser(em, s.server.secrets, { role: Role.OFFICE, office: s.world.office, status: UserStatus.PENDING, totp: false });
    const codes = await issueActivationCodes(em, [pending.user]);
    await em.flush();
    const code = codes.get(pending.user.id)!.code;

    const page = await s.open('public-activate');
    const ops = operationsOf(page);
    await page.goto(`${s.server.url}/#/activate`);
    await page.locator('#loginId').fill(pending.loginId);
    await page.locator('#activationCode').fill(code);

    await page.waitForTimeout(DWELL_MS);
    expect(new URL(page.url()).hash).toBe('#/activate');
    await expect(page.locator('#loginId').inputValue()).resolves.toBe(pending.loginId);

    await page.locator('#newPassword').fill('slow-reader-2026');
    await page.locator('#confirmPassword').fill('slow-reader-2026');
    await page.getByRole('button', { name: 'パスワードを設定して次へ' }).click();
    await visible(page.getByRole('heading', { name: '二要素認証の設定' }));
    const key = (await page.getByTestId('totp-manual-key').innerText()).replace(/\s/g, '');
    await page.getByLabel('認証コード').fill(await totpCode(key));
    await page.getByRole('button', { name: '確認' }).click();
    await visible(page.getByTestId('recovery-codes'));
    expect(ops.slice(0, ops.indexOf('ActivateAccount')).filter((o) => ['Me', 'AuthStatus', 'Logout'].includes(o))).toEqual([]);
  });

  it('the build serves only the build: no source of the public pages', async () => {
    for (const file of ['PublicApplyPage.tsx', 'PublicFrame.tsx', 'paths.ts']) {
      const body = await (await fetch(`${s.server.url}/${file}`)).text();
      expect(body).not.toMatch(/\bimport\b|export const/);
    }
    const built = fs.readdirSync(adminDist(), { recursive: true }).map(String);
    expect(built.filter((f) => /\.(tsx?|jsx)$/.test(f))).toEqual([]);
  });
});
