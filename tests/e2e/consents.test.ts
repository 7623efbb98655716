// 同意書の一覧 in the panel, as the city clerk uses it: the menu entry, the list of the
// municipality's consents, one opened under its row with its scanned form, a withdrawal recorded
// from there, the filter by withdrawal, and the CSV export. Office staff have no such entry.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { panelSuite, signIn, visible, menuEntries } from './browser.js';
import { buildRoom } from '../helpers/factories.js';

describe('consents register', () => {
  const s = panelSuite();

  it('the city lists, opens, withdraws, filters and exports', { timeout: 120_000 }, async () => {
    const em = s.server.orm.em.fork();
    const common = { municipality: s.world.city, explainingOffice: s.world.office, coveredOffices: [s.world.office], members: [{ user: s.world.users.staff.user }] };
    await buildRoom(em, { ...common, name: '登録 花子' });
    await buildRoom(em, { ...common, name: '登録 太郎' });
    await buildRoom(em, { municipality: s.world.otherCity, explainingOffice: s.world.otherCityOffice, coveredOffices: [s.world.otherCityOffice], members: [], name: '他市 次郎' });

    const page = await s.open('consents');
    await signIn(page, s.server.url, s.world.users.city);
    expect(await menuEntries(page)).toContain('同意書の一覧');
    await page.getByRole('menuitem', { name: '同意書の一覧' }).click();
    await visible(page.getByText('登録 花子'));
    await visible(page.getByText('登録 太郎'));
    expect(await page.getByText('他市 次郎').count()).toBe(0);

    // open one: its details, then record the withdrawal from here
    await page.getByText('登録 花子').click();
    // The panel opens with a height animation; a click that lands before it has finished opening
    // can miss the button (seen under a loaded CI machine), and no person clicks that fast.
    const detail = page.locator('.MuiCollapse-entered').getByTestId('consent-detail');
    await visible(detail.getByText(s.world.office.name));
    await detail.getByRole('button', { name: '撤回を記録' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('ご家族から電話で撤回の申し出');
    await page.getByRole('dialog').getByRole('button', { name: '撤回を記録する' }).click();
    await visible(page.getByText('同意の撤回を記録しました'));
    const [row] = await em.getConnection().execute(`select c.withdrawn_at, c.withdrawal_note from consent c join patient p on p.id = c.patient_id where p.name = '登録 花子'`);
    expect(row.withdrawal_note).toBe('ご家族から電話で撤回の申し出');
    expect(row.withdrawn_at).toBeTruthy();

    // filter: withdrawn only
    await page.getByRole('combobox', { name: '撤回' }).click();
    await page.getByRole('option', { name: '撤回済みのみ' }).click();
    await expect.poll(() => page.getByText('登録 太郎').count()).toBe(0);
    await visible(page.getByText('登録 花子'));

    // CSV export of what is listed
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV出力' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('利用者');
    expect(csv).toContain('登録 花子');
    expect(csv).toContain('ご家族から電話で撤回の申し出');
  });

  it('office staff have no consents register', async () => {
    const page = await s.open('consents-staff');
    await signIn(page, s.server.url, s.world.users.staff);
    expect(await menuEntries(page)).not.toContain('同意書の一覧');
  });
});
