// 集計 in the browser: the city reads the reports as charts and tables and downloads a CSV whose
// bytes are checked (BOM, Japanese header, a known figure); an office admin sees its office only;
// the key figures are on the home page; an API token is created, used by a client, and revoked.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildWorld } from '../helpers/factories.js';
import { absent, adminDist, visible } from './browser.js';
import { launchPeople, type People } from './applications-browser.js';

describe('reports and API tokens in the panel', () => {
  let server: TestServer;
  let people: People;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let city: Page;

  beforeAll(async () => {
    server = await startTestServer({ adminDist: adminDist() });
    world = await buildWorld(server.orm.em.fork(), server.secrets);
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

  it('the city downloads the roster report as CSV: UTF-8 with BOM, Japanese header, the known headcount', async () => {
    await visible(city.getByTestId('key-figures'));
    await city.getByRole('menuitem', { name: '集計' }).click();
    await expect.poll(() => city.getByTestId('active-headcount').innerText()).toBe('4');
    await visible(city.getByRole('img', { name: '職種別 (利用中) のグラフ' }));
    const [download] = await Promise.all([city.waitForEvent('download'), city.getByTestId('csv-roster').click()]);
    expect(download.suggestedFilename()).toMatch(/^集計_利用者名簿 \(アカウント数\)_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('"市町村","事業所","事業所種別","職種","状態","人数"');
    expect(lines).toContain(`"水戸市","${world.office.name}","サービス事業所","看護師","利用中","2"`);
    expect(lines).toContain(`"水戸市","${world.otherOffice.name}","医療機関","看護師","利用中","1"`);
    expect(lines).toHaveLength(4);
  });

  it('an office admin reads its own office’s figures only', async () => {
    const admin = await people.signedIn('officeAdmin', world.users.officeAdmin);
    await admin.getByRole('menuitem', { name: '集計' }).click();
    await expect.poll(() => admin.getByTestId('active-headcount').innerText()).toBe('2');
    await visible(admin.getByTestId('table-roster').getByText(world.office.name));
    await absent(admin.getByText(world.otherOffice.name));
  });

  it('an API token is shown once, reads with the owner’s scope, and stops working when revoked', async () => {
    await city.getByRole('menuitem', { name: 'APIトークン' }).click();
    await city.getByRole('button', { name: 'トークンを作成' }).click();
    await city.locator('#token-name').fill('BIツール');
    await city.locator('#token-days').fill('30');
    await city.getByRole('dialog').getByRole('button', { name: 'トークンを作成' }).click();
    await visible(city.getByText('このトークンは今だけ表示されます'));
    const secret = (await city.getByTestId('token-secret').innerText()).trim();
    expect(secret).toMatch(/^zrt_/);
    await visible(city.getByText(`Authorization: Bearer ${secret}`, { exact: false }));
    await city.getByRole('button', { name: '保管しました' }).click();
    await visible(city.getByTestId('token-table').getByText('BIツール'));
    await absent(city.getByText(secret));

    const read = async () => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ rosterReport { activeHeadcount } }' }),
      });
      return (await res.json()) as { data?: { rosterReport: { activeHeadcount: number } }; errors?: { extensions: { code: string } }[] };
    };
    expect((await read()).data?.rosterReport.activeHeadcount).toBe(4);

    await city.getByTestId('token-table').getByRole('button', { name: '無効化' }).click();
    await city.getByRole('dialog').getByRole('button', { name: '無効化' }).click();
    await visible(city.getByTestId('token-table').getByText('無効化済み'));
    expect((await read()).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
