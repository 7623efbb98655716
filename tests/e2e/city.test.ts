// A municipality's user administrator (CITY): two-factor sign-in, only its own municipality's
// offices and accounts, roster edits with client and server validation, optimistic locking.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { absent, formField, menuEntries, panelSuite, signIn, visible } from './browser.js';
import { buildUser } from '../helpers/factories.js';
import { Client } from '../helpers/client.js';
import { JobType, Role, UserStatus } from '../../api/users/user.enums.js';

describe('CITY in the admin panel', () => {
  const s = panelSuite();
  let page: Page;

  beforeAll(async () => {
    page = await s.open('city');
  });

  it('signs in with password and a TOTP code and sees its role on the home page', async () => {
    await signIn(page, s.server.url, s.world.users.city);
    await visible(page.getByText('役割: 市町村 管理者'));
    await expect
      .poll(() => menuEntries(page))
      .toEqual(['ホーム', '部屋一覧', '事業所', 'アカウント', '申請', '同意書の一覧', '集計', '監査ログ', 'メール送信履歴', 'APIトークン', 'FHIR出力', 'パスワード変更']);
    const menu = await menuEntries(page);
    expect(menu).not.toContain('市町村');
  });

  it("lists only its municipality's offices", async () => {
    await page.getByRole('menuitem', { name: '事業所', exact: true }).click();
    await visible(page.getByRole('cell', { name: s.world.office.name }));
    await visible(page.getByRole('cell', { name: s.world.otherOffice.name }));
    await absent(page.getByText(s.world.otherCityOffice.name));
    await visible(page.getByText('1-2 件 / 全 2 件'));
  });

  it("lists only its municipality's accounts", async () => {
    await page.getByRole('menuitem', { name: 'アカウント', exact: true }).click();
    for (const u of [s.world.users.staff, s.world.users.officeAdmin, s.world.users.otherOfficeStaff, s.world.users.city]) {
      await visible(page.getByRole('cell', { name: u.user.name }));
    }
    for (const u of [s.world.users.otherCityStaff, s.world.users.otherCity, s.world.users.vendor]) {
      await absent(page.getByText(u.user.name));
    }
    // CITY keeps the roster but issues no IDs
    await absent(page.getByRole('link', { name: '新規作成' }));
  });

  it('edits a フリガナ: a kanji value shows the Japanese error; hiragana is accepted and stored as katakana', async () => {
    const staff = s.world.users.staff.user;
    await page.getByRole('cell', { name: staff.name }).click();
    await visible(page.getByRole('heading', { name: '名簿情報' }));
    // no ID stop for CITY
    await absent(page.getByRole('button', { name: 'ID停止' }));
    await page.getByRole('link', { name: '編集' }).click();

    const kana = page.getByRole('textbox', { name: 'フリガナ', exact: true });
    await kana.fill('利用者 太郎');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(formField(page, 'フリガナ').getByText('カタカナで入力してください。'));

    // typed in hiragana (as an IME gives it before conversion): the server stores katakana
    await kana.fill('りようしゃ たろう');
    await absent(page.getByText('カタカナで入力してください。'));
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('更新しました'));
    await visible(page.getByText('リヨウシャ タロウ'));

    const [row] = await s.server.orm.em.fork().getConnection().execute('select name_kana, version from app_user where id = ?', [staff.id]);
    expect(row.name_kana).toBe('リヨウシャ タロウ');
  });

  it('a job type of その他 asks for its text before saving', async () => {
    await page.getByRole('link', { name: '編集' }).click();
    await page.getByRole('combobox', { name: '職種', exact: true }).click();
    await page.getByRole('option', { name: 'その他' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('必須項目です。'));
    await page.getByRole('textbox', { name: '職種 (その他の内容)', exact: true }).fill('管理栄養士');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('更新しました'));
  });

  it('a concurrent change is reported as a conflict, in Japanese', async () => {
    const staff = s.world.users.staff.user;
    await page.getByRole('link', { name: '編集' }).click();
    await page.getByRole('textbox', { name: '氏名', exact: true }).fill('利用者 変更後');
    // someone else saves first
    await s.server.orm.em.fork().getConnection().execute('update app_user set version = version + 1 where id = ?', [staff.id]);
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('他の利用者が先に更新しました。最新の内容を確認してからやり直してください。'));
  });
  it('sees the pending accounts of its municipality on the home page and prints their letter (separation of duties)', async () => {
    const em = s.server.orm.em.fork();
    const newcomer = await buildUser(em, s.server.secrets, { role: Role.OFFICE, office: s.world.office, status: UserStatus.PENDING, totp: false, name: '新人 看護師' });
    await em.getConnection().execute('update app_user set password_hash = null where id = ?', [newcomer.user.id]);
    const newCity = await buildUser(em, s.server.secrets, {
      role: Role.CITY,
      municipality: s.world.city,
      status: UserStatus.PENDING,
      totp: false,
      jobType: JobType.ADMINISTRATOR,
      name: '追加 市職員',
    });
    await page.goto(`${s.server.url}/#/`);
    const card = page.getByTestId('pending-accounts');
    await visible(card.getByText('新人 看護師', { exact: false }));
    // a CITY account issued or reset by VENDOR is called out to the other city users
    await visible(card.getByTestId('city-account-notice').getByText(newCity.loginId, { exact: false }));

    await page.goto(`${s.server.url}/#/users/${newcomer.user.id}/show`);
    await page.getByRole('button', { name: '利用開始コードを印刷' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '利用開始コードを印刷' }).click();
    await visible(page.getByTestId('letter-sheet'));
    expect(await page.getByTestId('letter-login-id').innerText()).toBe(newcomer.loginId);
    const code = (await page.getByTestId('letter-activation-code').innerText()).trim();
    const person = new Client(s.server.url);
    const r = await person.ok(`mutation($l: String!, $c: String!) { activateAccount(loginId: $l, activationCode: $c, newPassword: "newcomer-password-2026") { step } }`, {
      l: newcomer.loginId,
      c: code,
    });
    expect(r.activateAccount.step).toBe('TOTP_ENROLLMENT');
  });
});
