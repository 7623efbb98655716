// Dates typed as people in Japan write them, shown in Japanese order whatever the browser's own
// locale (this Chromium runs in English: its native date input would show mm/dd/yyyy).
import { describe, expect, it } from 'vitest';
import { adminDist, launchBrowser, visible } from './browser.js';
import { startTestServer } from '../helpers/server.js';
import { buildWorld } from '../helpers/factories.js';
import { field, pdfFile, choose } from './applications-browser.js';

describe('date inputs', () => {
  it('take 和暦, compact and hyphenated dates, show them as 2026/11/20 with the 和暦, and send YYYY-MM-DD', { timeout: 120_000 }, async () => {
    const server = await startTestServer({ adminDist: adminDist() });
    const tb = await launchBrowser('en-US');
    try {
      const world = await buildWorld(server.orm.em.fork(), server.secrets);
      const page = await tb.newPage();
      await page.goto(`${server.url}/#/apply`);
      const pledged = field(page, 'input.officePledgedOn');
      await pledged.fill('令和8年11月20日');
      await pledged.blur();
      await expect(pledged.inputValue()).resolves.toBe('2026/11/20');
      await visible(page.getByText('令和8年11月20日'));
      await pledged.fill('20261119');
      await pledged.blur();
      await expect(pledged.inputValue()).resolves.toBe('2026/11/19');
      await pledged.fill('2026/13/40');
      await pledged.blur();
      await visible(page.getByText(/日付の形式が正しくありません|Not a valid date/).first());

      // the whole form with these dates reaches the server as YYYY-MM-DD
      await pledged.fill('R8.11.18');
      await choose(page, 'municipalityCode', `${world.city.name}（${world.city.prefecture}）`);
      await page.getByRole('radio', { name: '医療機関' }).check();
      for (const [name, value] of [
        ['input.office.name', '日付テスト診療所'],
        ['input.office.address', '茨城県水戸市三の丸1-1'],
        ['input.office.phone', '0292223333'],
        ['input.office.contactEmail', 'date@example.jp'],
        ['input.office.corporationName', '医療法人 日付会'],
        ['input.office.corporationNameKana', 'ひづけかい'],
        ['input.office.representativeName', '日付 一郎'],
        ['input.office.representativeNameKana', 'ひづけ いちろう'],
        ['input.office.corporationAddress', '茨城県水戸市三の丸1-1'],
        ['input.office.corporationPhone', '029-222-3333'],
        ['input.staff.0.name', '日付 花子'],
        ['input.staff.0.nameKana', 'ヒヅケ ハナコ'],
        ['input.staff.0.pledgedOn', '2026-11-17'],
        ['applicantName', '日付 一郎'],
        ['applicantEmail', 'date@example.jp'],
      ])
        await field(page, name).fill(value);
      await choose(page, 'input.staff.0.jobType', '医師');
      await page.locator('input[type=file]').setInputFiles(pdfFile());
      await page.getByRole('button', { name: '申請する' }).click();
      await visible(page.getByTestId('receipt-number'));
      const [app] = await server.orm.em.fork().getConnection().execute(`select payload from application where applicant_name = '日付 一郎'`);
      expect(app.payload.officePledgedOn).toBe('2026-11-18');
      expect(app.payload.staff[0].pledgedOn).toBe('2026-11-17');
    } finally {
      await tb.close();
      await server.close();
    }
  });
});
