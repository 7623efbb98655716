// The account lifecycle in the browser: a new office applies on the public page, the city
// forwards it from its queue, the vendor completes it, the city prints the credentials letter and
// the new user activates with a real TOTP code; a returned staff addition is corrected and
// resubmitted; an ID stop from the roster ends the leaver's open session the day after.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildApplication, buildUser, buildWorld } from '../helpers/factories.js';
import { totpCode } from '../helpers/totp.js';
import { applyDueStops } from '../../api/users/due-stops.js';
import { todayInTokyo } from '../../api/common/dates.js';
import { Role } from '../../api/users/user.enums.js';
import { absent, adminDist, visible } from './browser.js';
import { choose, field, launchPeople, pdfFile, type People } from './applications-browser.js';

describe('the account lifecycle in the panel', () => {
  let server: TestServer;
  let people: People;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let city: Page;
  let vendor: Page;
  let officeAdmin: Page;
  const sql = (q: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute(q, params);

  beforeAll(async () => {
    server = await startTestServer({ adminDist: adminDist() });
    world = await buildWorld(server.orm.em.fork(), server.secrets);
    people = await launchPeople(server.url);
    [city, vendor, officeAdmin] = await Promise.all([
      people.signedIn('city', world.users.city),
      people.signedIn('vendor', world.users.vendor),
      people.signedIn('officeAdmin', world.users.officeAdmin),
    ]);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await people.screenshots(ctx.task.name);
  });
  afterAll(async () => {
    await people?.close();
    await server?.close();
  });

  /** Opens the application from the list (menu 申請) by its summary, returns its id. */
  async function openFromQueue(page: Page, summary: string): Promise<string> {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('menuitem', { name: '申請', exact: true }).click();
    await page.getByRole('cell', { name: summary }).click();
    await visible(page.getByRole('heading', { name: '履歴' }));
    return /applications\/([^/]+)\/show/.exec(page.url())![1];
  }

  /** Clicks an action button, fills the dialog's comment, confirms. */
  async function act(page: Page, button: string, comment?: string): Promise<void> {
    await page.getByRole('button', { name: button }).first().click();
    const dialog = page.getByRole('dialog');
    if (comment) await dialog.getByRole('textbox').fill(comment);
    await dialog.getByRole('button', { name: button }).click();
    await absent(page.getByRole('dialog'));
  }

  it('a new office applies on the public page, the city forwards, the vendor completes, the letter is printed and the new user activates', async () => {
    // the public page, linked from the sign-in page
    const applicant = await people.page('applicant');
    await applicant.goto(`${server.url}/#/login`);
    await applicant.getByRole('link', { name: '事業所の新規登録申請はこちら' }).click();
    await visible(applicant.getByRole('heading', { name: '事業所の新規登録申請' }));
    await choose(applicant, 'municipalityCode', `${world.city.name}（${world.city.prefecture}）`);
    await applicant.getByRole('radio', { name: '医療機関' }).check();
    await field(applicant, 'input.office.name').fill('みなみ在宅クリニック');
    await field(applicant, 'input.office.nameKana').fill('ミナミザイタククリニック');
    await field(applicant, 'input.office.postalCode').fill('310-0011');
    await field(applicant, 'input.office.address').fill('茨城県水戸市三の丸2-2-2');
    await field(applicant, 'input.office.phone').fill('029-222-3333');
    await field(applicant, 'input.office.contactEmail').fill('minami@example.jp');
    await field(applicant, 'input.office.corporationName').fill('医療法人 みなみ会');
    await field(applicant, 'input.office.corporationNameKana').fill('イリョウホウジン ミナミカイ');
    await field(applicant, 'input.office.representativeName').fill('南 一郎');
    await field(applicant, 'input.office.representativeNameKana').fill('ミナミ イチロウ');
    await field(applicant, 'input.office.corporationAddress').fill('茨城県水戸市三の丸2-2-2');
    await field(applicant, 'input.office.corporationPhone').fill('029-222-3333');
    await field(applicant, 'input.staff.0.name').fill('南 花子');
    await field(applicant, 'input.staff.0.nameKana').fill('ミナミ ハナコ');
    await choose(applicant, 'input.staff.0.jobType', '医師');
    await field(applicant, 'input.staff.0.pledgedOn').fill('2026-11-20');
    await field(applicant, 'input.staff.0.officeAdmin').check();
    await field(applicant, 'input.officePledgedOn').fill('2026-11-20');
    await applicant.locator('input[type=file]').setInputFiles(pdfFile());
    await field(applicant, 'applicantName').fill('南 一郎');
    await field(applicant, 'applicantEmail').fill('minami@example.jp');
    await applicant.getByRole('button', { name: '申請する' }).click();
    await visible(applicant.getByText('申請を受け付けました'));
    const receipt = (await applicant.getByTestId('receipt-number').innerText()).trim();
    expect(receipt).toMatch(/^[0-9A-F]{8}$/);

    // the city: the count on the home page, the application in its queue
    await city.reload();
    await expect.poll(() => city.getByTestId('queue-count').innerText()).toBe('1');
    const summary = 'みなみ在宅クリニック（職員 1名）';
    const id = await openFromQueue(city, summary);
    expect(id.slice(0, 8).toUpperCase()).toBe(receipt);
    // the receipt number the applicant quotes is on the application, and the list finds it
    await expect.poll(() => city.getByTestId('receipt-number').innerText()).toContain(receipt);
    await city.goto(`${server.url}/#/applications?filter=${encodeURIComponent(JSON.stringify({ q: receipt.toLowerCase() }))}`);
    await expect.poll(() => city.locator('tbody tr').count()).toBe(1);
    // back to the queue as the clerk keeps it (the list remembers its filter)
    await city.goto(`${server.url}/#/applications?filter=${encodeURIComponent(JSON.stringify({ states: ['SUBMITTED'] }))}`);
    await city.goto(`${server.url}/#/applications/${id}/show`);
    await visible(city.getByText('新規登録申請ページ'));
    await visible(city.getByRole('link', { name: '申請書.pdf' }));
    await visible(city.getByTestId('staff-table').getByText('南 花子'));
    await act(city, '承認して回付');
    await visible(city.getByTestId('application-state').getByText('登録処理待ち'));

    // the vendor: forwarded to it, completes the registration (the office and the account are created)
    const vendorId = await openFromQueue(vendor, summary);
    expect(vendorId).toBe(id);
    await act(vendor, '登録処理を完了');
    await visible(vendor.getByTestId('application-state').getByText('完了'));
    const [account] = await sql(`select login_id, status from app_user where name = '南 花子'`);
    expect(account.status).toBe('PENDING');

    // the city prints the credentials letter
    await city.reload();
    await visible(city.getByTestId('application-state').getByText('完了'));
    await city.getByRole('button', { name: 'ID通知書を印刷' }).click();
    await city.getByRole('dialog').getByRole('button', { name: 'ID通知書を印刷' }).click();
    await visible(city.getByTestId('letter-sheet'));
    const loginId = (await city.getByTestId('letter-login-id').innerText()).trim();
    const code = (await city.getByTestId('letter-activation-code').innerText()).trim();
    expect(loginId).toBe(account.login_id);
    await visible(city.getByText('みなみ在宅クリニック').first());

    // the new user: activation page from the sign-in page, password, TOTP enrollment, signed in
    const newcomer = await people.page('newcomer');
    await newcomer.goto(`${server.url}/#/login`);
    await newcomer.getByRole('link', { name: '利用開始コードをお持ちの方' }).click();
    await newcomer.locator('#loginId').fill(loginId);
    await newcomer.locator('#activationCode').fill(code);
    await newcomer.locator('#newPassword').fill('minami-clinic-2026');
    await newcomer.locator('#confirmPassword').fill('minami-clinic-2026');
    await newcomer.getByRole('button', { name: 'パスワードを設定して次へ' }).click();
    await visible(newcomer.getByRole('heading', { name: '二要素認証の設定' }));
    const key = (await newcomer.getByTestId('totp-manual-key').innerText()).replace(/\s/g, '');
    await newcomer.getByLabel('認証コード').fill(await totpCode(key));
    await newcomer.getByRole('button', { name: '確認' }).click();
    await visible(newcomer.getByTestId('recovery-codes'));
    await newcomer.getByRole('button', { name: '保存しました' }).click();
    await visible(newcomer.getByText('ようこそ、南 花子 さん'));
    const [activated] = await sql(`select status from app_user where login_id = ?`, [loginId]);
    expect(activated.status).toBe('ACTIVE');
  });

  it('a return with a comment shows in the applicant’s timeline; the applicant corrects and resubmits', async () => {
    // the office admin files a staff addition for its office
    await officeAdmin.goto(`${server.url}/#/`);
    await officeAdmin.getByRole('menuitem', { name: '申請', exact: true }).click();
    await officeAdmin.getByRole('link', { name: '新しい申請' }).click();
    await officeAdmin.getByRole('radio', { name: '職員の追加' }).check();
    await field(officeAdmin, 'staffAddition.staff.0.name').fill('追加 看護子');
    await field(officeAdmin, 'staffAddition.staff.0.nameKana').fill('ツイカ カンゴコ');
    await choose(officeAdmin, 'staffAddition.staff.0.jobType', '看護師');
    await field(officeAdmin, 'staffAddition.staff.0.pledgedOn').fill('2026-11-21');
    await officeAdmin.locator('input[type=file]').setInputFiles(pdfFile('様式2-2B.pdf'));
    await officeAdmin.getByRole('button', { name: '申請する' }).click();
    await visible(officeAdmin.getByTestId('application-state').getByText('審査待ち'));
    const id = /applications\/([^/]+)\/show/.exec(officeAdmin.url())![1];

    // the city returns it with a reason
    expect(await openFromQueue(city, '追加 看護子')).toBe(id);
    await act(city, '差戻し', '誓約書の日付が申請書と異なります。ご確認ください。');
    await visible(city.getByTestId('application-state').getByText('差戻し中'));

    // the applicant reads the reason in its timeline, corrects the date and resubmits
    await officeAdmin.reload();
    await visible(officeAdmin.getByTestId('application-state').getByText('差戻し中'));
    await visible(officeAdmin.getByTestId('history-comment').getByText('誓約書の日付が申請書と異なります。ご確認ください。'));
    await officeAdmin.getByRole('button', { name: '修正して再申請' }).click();
    await expect.poll(() => field(officeAdmin, 'staffAddition.staff.0.name').inputValue()).toBe('追加 看護子');
    await field(officeAdmin, 'staffAddition.staff.0.pledgedOn').fill('2026-11-22');
    await field(officeAdmin, 'comment').fill('日付を訂正しました');
    await officeAdmin.getByRole('button', { name: '再申請する' }).click();
    await visible(officeAdmin.getByTestId('application-state').getByText('審査待ち'));
    const history = officeAdmin.getByTestId('history-event');
    await expect.poll(() => history.count()).toBe(3);
    await visible(history.nth(2).getByText('再申請'));
    await visible(history.nth(2).getByText('日付を訂正しました'));
    const [row] = await sql(`select state, payload from application where id = ?`, [id]);
    expect(row.state).toBe('SUBMITTED');
    expect(row.payload.staff[0].pledgedOn).toBe('2026-11-22');
  });

  it('an ID stop requested from the roster ends the leaver’s open session the day after the stop date', async () => {
    const leaver = await buildUser(server.orm.em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '退職 予定' });
    const leaverPage = await people.signedIn('leaver', leaver);

    // the office admin selects the leaver in its roster and requests the stop (blank date = today)
    await officeAdmin.goto(`${server.url}/#/`);
    await officeAdmin.getByRole('menuitem', { name: '職員名簿' }).click();
    await officeAdmin.getByRole('row').filter({ hasText: '退職 予定' }).getByRole('checkbox').check();
    await officeAdmin.getByRole('button', { name: 'ID停止を申請' }).click();
    const dialog = officeAdmin.getByRole('dialog');
    await visible(dialog.getByText('停止日の翌日からサインインできなくなります'));
    await dialog.getByRole('button', { name: 'ID停止を申請' }).click();
    await visible(officeAdmin.getByTestId('application-state').getByText('審査待ち'));
    await visible(officeAdmin.getByTestId('stop-date').getByText('即日 (完了した日)'));
    await visible(officeAdmin.getByTestId('stop-users').getByText(leaver.loginId));

    // the city forwards, the vendor completes: the stop date is today
    await openFromQueue(city, '退職 予定');
    await act(city, '承認して回付');
    await visible(city.getByTestId('application-state').getByText('登録処理待ち'));
    await openFromQueue(vendor, '退職 予定');
    await act(vendor, '登録処理を完了');
    await visible(vendor.getByTestId('application-state').getByText('完了'));
    const [stopped] = await sql(`select status, stop_date::text as d from app_user where id = ?`, [leaver.user.id]);
    expect(stopped).toEqual({ status: 'ACTIVE', d: todayInTokyo() });

    // still usable today
    await leaverPage.getByRole('menuitem', { name: '自分のアカウント' }).click();
    await visible(leaverPage.getByText(leaver.loginId));

    // the next day: the nightly job stops the account; the open session is refused at its next request
    expect(await applyDueStops(server.orm.em.fork(), new Date(Date.now() + 86_400_000))).toBe(1);
    await leaverPage.getByRole('menuitem', { name: '自事業所' }).click();
    await visible(leaverPage.getByRole('button', { name: 'サインイン' }));
    expect(leaverPage.url()).toContain('#/login');
  });

  it('someone acting first: the stale page shows the server’s message and reloads the application', async () => {
    const app = await buildApplication(server.orm.em.fork(), { office: world.office, applicant: world.users.officeAdmin.user, staffNames: ['競合 太郎'] });
    await city.goto(`${server.url}/#/applications/${app.id}/show`);
    await visible(city.getByTestId('application-state').getByText('審査待ち'));
    // another clerk returns it meanwhile
    await sql(`update application set state = 'RETURNED', version = version + 1 where id = ?`, [app.id]);
    await city.getByRole('button', { name: '承認して回付' }).click();
    await city.getByRole('dialog').getByRole('button', { name: '承認して回付' }).click();
    await visible(city.getByText('この申請は現在の状態ではその操作ができません。画面を更新して状態を確認してください。'));
    await visible(city.getByTestId('application-state').getByText('差戻し中'));
    await absent(city.getByRole('button', { name: '承認して回付' }));
  });
});
