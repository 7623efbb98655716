// The system operator (VENDOR): every municipality's offices; registers a service office with
// its サービス種類 and issues an account for it (server-side errors shown on the form).
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { absent, formField, menuEntries, panelSuite, signIn, visible } from './browser.js';

const officeNumber = () => Array.from({ length: 10 }, () => Math.floor(Math.random() * 10)).join('');

describe('VENDOR in the admin panel', () => {
  const s = panelSuite();
  let page: Page;
  const officeName = 'テスト訪問看護ステーション';
  const number = officeNumber();

  beforeAll(async () => {
    page = await s.open('vendor');
    await signIn(page, s.server.url, s.world.users.vendor);
  });

  it('has every menu entry and sees the offices of both municipalities', async () => {
    await expect.poll(() => menuEntries(page)).toEqual(['ホーム', '市町村', '事業所', 'アカウント', '申請', '集計', '監査ログ', 'メール送信履歴', 'APIトークン', 'パスワード変更']);
    await page.getByRole('menuitem', { name: '事業所', exact: true }).click();
    for (const o of [s.world.office, s.world.otherOffice, s.world.otherCityOffice]) await visible(page.getByRole('cell', { name: o.name }));
    await visible(page.getByRole('cell', { name: '笠間市' }));
    await visible(page.getByRole('cell', { name: '水戸市' }));
  });

  it('exports the offices as CSV for Excel: UTF-8 with BOM, Japanese headers and labels', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV出力' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^事業所_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header).toContain('"市町村","事業所種別","事業所名","フリガナ","事業所番号","サービス種類"');
    expect(rows).toHaveLength(3);
    expect(rows.join('\n')).toContain('"居宅介護支援事業所"');
    expect(rows.join('\n')).toContain('"訪問看護"');
  });

  it('registers a service office with its service types', async () => {
    await page.getByRole('link', { name: '新規作成' }).click();
    // the create screen is its own chunk: until it is shown the list (and its filter comboboxes) stays
    await visible(page.getByRole('button', { name: '保存' }));
    await page.getByRole('combobox', { name: '市町村', exact: true }).click();
    await page.getByRole('option', { name: '水戸市' }).click();
    await page.getByLabel('サービス事業所').check();
    await page.getByRole('textbox', { name: '事業所名', exact: true }).fill(officeName);
    await page.getByRole('textbox', { name: 'フリガナ', exact: true }).fill('テストホウモンカンゴステーション');
    await page.getByRole('textbox', { name: '事業所番号', exact: true }).fill(number);
    await page.getByLabel('訪問看護', { exact: true }).check();
    await page.getByLabel('訪問リハビリ', { exact: true }).check();
    await page.getByRole('textbox', { name: '所在地', exact: true }).fill('茨城県水戸市中央1-4-1');
    await page.getByRole('textbox', { name: '電話番号', exact: true }).fill('029-232-9110');
    await page.getByRole('textbox', { name: '連絡先メールアドレス', exact: true }).fill('test-station@example.jp');
    await page.getByRole('textbox', { name: '法人名', exact: true }).fill('株式会社テストケア');
    await page.getByRole('textbox', { name: '法人名フリガナ', exact: true }).fill('カブシキガイシャテストケア');
    await page.getByRole('textbox', { name: '代表者名', exact: true }).fill('試験 太郎');
    await page.getByRole('textbox', { name: '代表者名フリガナ', exact: true }).fill('シケン タロウ');
    await page.getByRole('textbox', { name: '法人の住所', exact: true }).fill('茨城県水戸市中央1-4-1');
    // a malformed phone number is refused in Japanese before anything is sent
    await page.getByRole('textbox', { name: '法人の電話番号', exact: true }).fill('029-23');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('電話番号は数字とハイフンで入力してください（例: 029-232-9110）。'));
    // without hyphens is fine: the server stores it hyphenated
    await page.getByRole('textbox', { name: '法人の電話番号', exact: true }).fill('0292329110');
    await page.getByRole('button', { name: '保存' }).click();

    await visible(page.getByText('作成しました'));
    await visible(page.getByRole('heading', { name: 'サービス' }));
    await visible(page.getByText('訪問リハビリ'));
    const [row] = await s.server.orm.em.fork().getConnection().execute('select service_types, kind from office where office_number = ?', [number]);
    expect(row.kind).toBe('SERVICE');
    expect([...row.service_types].sort()).toEqual(['HOME_NURSING', 'HOME_REHABILITATION']);
  });

  it('issues an account for the new office; a login ID in use is refused on its field', async () => {
    await page.getByRole('menuitem', { name: 'アカウント', exact: true }).click();
    await page.getByRole('link', { name: '新規作成' }).click();
    // the create screen is its own chunk: until it is shown the list (and its filter comboboxes) stays
    await visible(page.getByRole('button', { name: '保存' }));
    await page.getByRole('textbox', { name: 'ログインID', exact: true }).fill(s.world.users.staff.loginId); // already taken
    await page.getByRole('combobox', { name: '事業所', exact: true }).fill('テスト訪問');
    await page.getByRole('option', { name: officeName }).click();
    // no password to choose: the account starts waiting for the code its city prints
    await visible(page.getByTestId('account-pending-help'));
    await absent(page.getByLabel('初期パスワード'));
    await page.getByRole('textbox', { name: '氏名', exact: true }).fill('看護 花子');
    await page.getByRole('textbox', { name: 'フリガナ', exact: true }).fill('カンゴ ハナコ');
    await page.getByRole('combobox', { name: '職種', exact: true }).click();
    await page.getByRole('option', { name: '看護師' }).click();
    await page.getByLabel('ICT情報連携 希望する').check();
    await page.getByRole('button', { name: '保存' }).click();
    // the server's answer, on the login ID field
    await visible(formField(page, 'ログインID').getByText('すでに使われています。'));

    await page.getByRole('textbox', { name: 'ログインID', exact: true }).fill('kango-hanako');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('作成しました'));
    await visible(page.getByRole('link', { name: officeName }));
    const [row] = await s.server.orm.em
      .fork()
      .getConnection()
      .execute('select u.name, u.status, u.password_hash, u.ict_linkage, o.office_number from app_user u join office o on o.id = u.office_id where u.login_id = ?', ['kango-hanako']);
    expect(row).toMatchObject({ name: '看護 花子', status: 'PENDING', password_hash: null, ict_linkage: true, office_number: number });
    // VENDOR may stop the account, but never print its activation code (the city does)
    await visible(page.getByRole('button', { name: 'ID停止' }));
    await absent(page.getByRole('button', { name: '利用再開' }));
    await absent(page.getByRole('button', { name: '利用開始コードを印刷' }));
  });

  it('resets credentials without choosing a password: the account waits for its city’s code again', async () => {
    const staff = s.world.users.staff.user;
    await page.goto(`${s.server.url}/#/users/${staff.id}/show`);
    await page.getByRole('button', { name: '認証情報リセット' }).click();
    await visible(page.getByRole('dialog').getByText('パスワードは発行しません', { exact: false }));
    await page.getByRole('dialog').getByRole('button', { name: '認証情報リセット' }).click();
    await visible(page.getByText('認証情報をリセットしました', { exact: false }));
    const [row] = await s.server.orm.em.fork().getConnection().execute('select status, password_hash, totp_enabled_at from app_user where id = ?', [staff.id]);
    expect(row).toEqual({ status: 'PENDING', password_hash: null, totp_enabled_at: null });
    await absent(page.getByRole('button', { name: '利用開始コードを印刷' }));
  });
});
