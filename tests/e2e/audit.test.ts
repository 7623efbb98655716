// 監査ログ and メール送信履歴 in the browser: the city reads its audit trail in words (the action's
// name, the target by name), filters it by picking an action and an outcome, and exports the
// filtered events as CSV, and pages through it without counting it; the outbox shows the notice of
// an arrival.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { accountEvent, buildWorld } from '../helpers/factories.js';
import { adminDist, visible } from './browser.js';
import { launchPeople, type People } from './applications-browser.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';

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

  const pickAction = async (label: string) => {
    await city.getByRole('combobox', { name: '操作' }).fill(label);
    await city.getByRole('option', { name: label, exact: true }).click();
  };

  it('speaks Japanese, filters by a picked action and by outcome, and exports the filtered events as CSV', async () => {
    await city.getByRole('menuitem', { name: '監査ログ' }).click();
    await visible(city.getByRole('cell', { name: '申請', exact: true }));
    await visible(city.getByRole('cell', { name: 'サインイン (パスワード確認)' }).first());
    // the target by name, not "User 1a2b3c4d"
    await visible(city.getByRole('cell', { name: `${world.users.officeAdmin.user.name} (${world.users.officeAdmin.loginId})` }).first());
    expect(await city.getByRole('cell', { name: 'application.submit' }).count()).toBe(0);

    await pickAction('申請');
    await expect.poll(actions).toEqual(['申請']);
    const [download] = await Promise.all([city.waitForEvent('download'), city.getByRole('button', { name: 'CSV出力' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].startsWith('"日時","操作","操作コード","結果","操作者のログインID","操作者の役割"')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"申請","application.submit","成功","${world.users.officeAdmin.loginId}","事業所職員"`);

    // the refused read by office staff, by outcome
    await city.goto(`${server.url}/#/auditEvents`);
    await city
      .getByRole('button', { name: /クリア|Clear/ })
      .first()
      .click()
      .catch(() => undefined);
    await city.goto(`${server.url}/#/auditEvents?filter=${encodeURIComponent(JSON.stringify({}))}`);
    await city
      .locator('.MuiFormControl-root')
      .filter({ has: city.locator('input[name="outcome"]') })
      .getByRole('combobox')
      .click();
    await city.getByRole('option', { name: '拒否' }).click();
    await expect.poll(actions).toEqual(['権限のない操作の拒否']);
    await visible(city.getByRole('cell', { name: world.users.staff.loginId, exact: false }));
  });

  it('pages the trail without counting it: "1-50 件 / 50 件超", the next and previous pages, and no request asks for the total', async () => {
    // more than a page of older events
    await server.orm.em.fork().insertMany(
      AuditEvent,
      Array.from({ length: 60 }, (_, i) => accountEvent(world, new Date(Date.now() - (i + 1) * 3_600_000))),
    );
    const bodies: string[] = [];
    const listen = (r: Request) => {
      const body = r.postData();
      if (body?.includes('auditEvents(')) bodies.push(body);
    };
    city.on('request', listen);
    await city.goto(`${server.url}/#/auditEvents?filter=${encodeURIComponent(JSON.stringify({}))}`);
    await visible(city.getByText('1-50 件 / 50 件超'));
    await city.getByRole('button', { name: '次のページへ' }).click();
    // the last page is short: its range and the total are its real rows, not a full page's
    const shown = () => city.locator('tbody tr:has(td:nth-child(3))').count();
    await expect.poll(shown).toBeLessThan(50);
    const rows = await shown();
    expect(rows).toBeGreaterThan(0);
    await visible(city.getByText(`51-${50 + rows} 件 / 全 ${50 + rows} 件`, { exact: true }));
    await expect.poll(() => city.getByRole('button', { name: '次のページへ' }).isDisabled()).toBe(true);
    await city.getByRole('button', { name: '前のページへ' }).click();
    await visible(city.getByText('1-50 件 / 50 件超'));
    city.off('request', listen);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      expect(body).toContain('hasNextPage');
      expect(body).not.toMatch(/\btotal\b/);
    }
  });

  it('the outbox shows the notice of the arrived application', async () => {
    await city.getByRole('menuitem', { name: 'メール送信履歴' }).click();
    await visible(city.getByRole('cell', { name: 'desk@example.jp' }));
    await visible(city.getByRole('cell', { name: '【在宅医療・介護連携】職員追加申請が届きました' }));
    await visible(city.getByText('送信待ち'));
    // one page: its rows are the total (not a full page of 25)
    const rows = await city.locator('tbody tr:has(td:nth-child(3))').count();
    await visible(city.getByText(`1-${rows} 件 / 全 ${rows} 件`, { exact: true }));
  });
});
