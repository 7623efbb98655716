// 監査ログ and メール送信履歴 in the browser: the city filters its audit trail by action prefix and
// outcome and exports the filtered events as CSV; the outbox shows the notice of an arrival.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildWorld } from '../helpers/factories.js';
import { absent, adminDist, visible } from './browser.js';
import { field, launchPeople, type People } from './applications-browser.js';

describe('the audit trail and the outbox in the panel', () => {
  let server: TestServer;
  let people: People;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let city: Page;

  beforeAll(async () => {
    server = await startTestServer({ adminDist: adminDist() });
    world = await buildWorld(server.orm.em.fork(), server.secrets);
    await server.orm.em.fork().getConnection().execute(`update municipality set contact_email = 'desk@example.jp' where id = ?`, [world.city.id]);
    // an office admin files a staff addition; office staff try to read the audit trail (refused)
    const admin = new Client(server.url);
    await admin.signIn(world.users.officeAdmin.loginId, world.users.officeAdmin.password, world.users.officeAdmin.totpSecret!);
    await admin.ok(`mutation($i: ApplicationInput!) { submitApplication(type: STAFF_ADDITION, input: $i) { id } }`, {
      i: { staffAddition: { staff: [{ name: '監査 花子', nameKana: 'カンサ ハナコ', jobType: 'NURSE', pledgedOn: '2026-11-20' }] } },
    });
    const staff = new Client(server.url);
    await staff.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
    await staff.gql(`query Snoop { auditEvents { total } }`);
    people = await launchPeople(server.url);
    city = await people.signedIn('city', world.users.city);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await people.screenshots(ctx.task.name);
  });
  afterAll(async () => {
    await people?.close();
    await server?.close();
  });

  const actions = async () => (await city.locator('tbody tr td:nth-child(3)').allInnerTexts()).map((t) => t.trim());

  it('filters by action prefix and by outcome, and exports the filtered events as CSV', async () => {
    await city.getByRole('menuitem', { name: '監査ログ' }).click();
    await visible(city.getByRole('cell', { name: 'application.submit' }));
    await visible(city.getByRole('cell', { name: 'auth.password' }).first());

    await field(city, 'action').fill('auth.');
    await expect.poll(async () => (await actions()).length).toBeGreaterThan(0);
    await expect.poll(async () => (await actions()).every((a) => a.startsWith('auth.'))).toBe(true);
    await absent(city.getByRole('cell', { name: 'application.submit' }));

    await field(city, 'action').fill('application.');
    await expect.poll(actions).toEqual(['application.submit']);
    const [download] = await Promise.all([city.waitForEvent('download'), city.getByRole('button', { name: 'CSV出力' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].startsWith('"日時","操作","結果","操作者のログインID","操作者の役割"')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"application.submit","成功","${world.users.officeAdmin.loginId}","事業所職員"`);

    // the refused read by office staff, by outcome
    await field(city, 'action').fill('');
    await city.locator('.MuiFormControl-root').filter({ has: city.locator('input[name="outcome"]') }).getByRole('combobox').click();
    await city.getByRole('option', { name: '拒否' }).click();
    await expect.poll(actions).toEqual(['authz.denied']);
    await visible(city.getByRole('cell', { name: world.users.staff.loginId, exact: false }));
  });

  it('the outbox shows the notice of the arrived application', async () => {
    await city.getByRole('menuitem', { name: 'メール送信履歴' }).click();
    await visible(city.getByRole('cell', { name: 'desk@example.jp' }));
    await visible(city.getByRole('cell', { name: '【在宅医療・介護連携】職員追加申請が届きました' }));
    await visible(city.getByText('送信待ち'));
  });
});
