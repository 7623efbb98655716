// 集計 in the browser: the city reads the reports as charts and tables and downloads a CSV whose
// bytes are checked (BOM, Japanese header, a known figure); an office admin sees its office only;
// the key figures are on the home page; an API token is created, used by a client, and revoked.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildApplication, buildRoom, buildWorld } from '../helpers/factories.js';
import { ApplicationState } from '../../api/applications/application.enums.js';
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
    // home's key figures (their own read: headcounts by job type, without the rows by office)
    const homeByJobType = city.getByTestId('key-figures').getByRole('figure', { name: '職種別 (利用中) のグラフ' });
    await expect.poll(async () => (await homeByJobType.locator('.MuiBarChart-label').allTextContents()).map(Number).reduce((a, b) => a + b, 0)).toBe(4);
    await city.getByRole('menuitem', { name: '集計' }).click();
    await expect.poll(() => city.getByTestId('active-headcount').innerText()).toBe('4');
    // drawn by MUI X Charts: one bar per job type, each labelled with its count, summing to the headcount
    const byJobType = city.getByRole('figure', { name: '職種別 (利用中) のグラフ' });
    await visible(byJobType);
    await expect.poll(() => byJobType.locator('.MuiBarChart-element').count()).toBeGreaterThan(0);
    const barLabels = (await byJobType.locator('.MuiBarChart-label').allTextContents()).map(Number);
    expect(barLabels.reduce((a, b) => a + b, 0)).toBe(4);
    await expect.poll(() => byJobType.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').allTextContents()).toContain('看護師');
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

  it('the rooms and applications charts are MUI X Charts: columns with a line per month, stacked bars per type', async () => {
    const em = server.orm.em.fork();
    await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    await buildApplication(em, { office: world.office, applicant: world.users.officeAdmin.user, state: ApplicationState.SUBMITTED });
    await buildApplication(em, { office: world.office, applicant: world.users.officeAdmin.user, state: ApplicationState.REJECTED });
    await city.getByRole('menuitem', { name: '集計' }).click();
    await city.reload();
    const months = city.getByTestId('report-rooms').getByRole('figure');
    await visible(months);
    // one opened-rooms column this month (the closed series is 0 and draws no height), the open-at-end line with its marks
    await expect.poll(() => months.locator('.MuiBarChart-element').count()).toBeGreaterThan(0);
    await expect.poll(() => months.locator('.MuiLineChart-line').count()).toBe(1);
    await visible(months.getByText('月末の開設中'));
    const applications = city.getByTestId('report-applications').getByRole('figure');
    await visible(applications);
    await expect.poll(() => applications.locator('.MuiBarChart-element').count()).toBe(2);
    await visible(applications.getByText('審査待ち', { exact: false }).first());
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
