// 集計 in the browser: the city reads the reports as charts and tables and downloads a CSV whose
// bytes are checked (BOM, Japanese header, a known figure); an office admin sees its office only;
// the key figures are on the home page; an API token is created, used by a client, and revoked.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildApplication, buildOffice, buildPost, buildRoom, buildWorld } from '../helpers/factories.js';
import { PostKind } from '../../api/posts/post.entity.js';
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

  it('the roster table shows 25 offices at a time by フリガナ, pages to the rest, and its CSV still holds every office', async () => {
    const em = server.orm.em.fork();
    for (let i = 0; i < 26; i++) await buildOffice(em, world.city, undefined, { nameKana: `カ${String(i).padStart(2, '0')}` });
    const names = (await em.getConnection().execute<{ name: string }[]>(`select name from office where municipality_id = ? order by name_kana, id`, [world.city.id])).map((o) => o.name);
    expect(names).toHaveLength(28);
    await city.getByRole('menuitem', { name: '集計' }).click();
    await city.reload();
    const table = city.getByTestId('table-roster');
    const pages = city.getByTestId('roster-pages');
    await visible(pages.getByText('1-25 件 / 全 28 件'));
    await visible(table.getByText(names[0], { exact: true }));
    await visible(table.getByText(names[24], { exact: true }));
    await absent(table.getByText(names[25], { exact: true }));
    // an office without accounts is listed all the same, its count 0
    await visible(table.getByRole('row').filter({ hasText: names[0] }).getByRole('cell', { name: '0', exact: true }));
    await city.waitForTimeout(20_000); // a person reads the page before turning it
    await pages.getByRole('button', { name: '次のページへ' }).click();
    await visible(pages.getByText('26-28 件 / 全 28 件'));
    await visible(table.getByText(names[27], { exact: true }));
    await absent(table.getByText(names[0], { exact: true }));
    await pages.getByRole('button', { name: '前のページへ' }).click();
    await visible(table.getByText(names[0], { exact: true }));
    // the CSV is the whole table, read on the click: the offices with accounts, whatever the page
    const [download] = await Promise.all([city.waitForEvent('download'), city.getByTestId('csv-roster').click()]);
    const lines = fs
      .readFileSync((await download.path())!)
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(lines).toContain(`"水戸市","${world.office.name}","サービス事業所","看護師","利用中","2"`);
    expect(lines).toContain(`"水戸市","${world.otherOffice.name}","医療機関","看護師","利用中","1"`);

    // the whole table cannot be read (the database is away at that moment): no file, and the page says why
    const message = 'データベースに接続できません。しばらくしてから再度お試しください。';
    await city.route('**/graphql', (route) =>
      route.request().postDataJSON()?.operationName === 'RosterExport'
        ? route.fulfill({ status: 503, json: { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] } })
        : route.continue(),
    );
    let downloads = 0;
    const counted = () => downloads++;
    city.on('download', counted);
    await city.getByTestId('csv-roster').click();
    await visible(city.getByRole('alert').getByText(message));
    await expect.poll(() => city.getByTestId('csv-roster').isEnabled()).toBe(true); // and the button can be tried again
    expect(downloads).toBe(0);
    city.off('download', counted);
    await city.unrouteAll();
  }, 90_000);

  it('activity: the months as a chart, the latest month’s offices a page at a time, another month chosen, the CSV whole', async () => {
    const em = server.orm.em.fork();
    const room = await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    await buildPost(em.fork(), room, world.users.staff.user, { kind: PostKind.CARE_REPORT, title: '訪問看護' });
    await buildPost(em.fork(), room, world.users.staff.user);
    const earlier = await buildPost(em.fork(), room, world.users.staff.user);
    await em.getConnection().execute(`update post set created_at = '2026-06-15T09:00:00+09:00' where id = ?`, [earlier.id]);
    const thisMonth = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 7);

    await city.getByRole('menuitem', { name: '集計' }).click();
    await city.reload();
    const activity = city.getByTestId('report-activity');
    const chart = activity.getByRole('figure', { name: '利用状況 (投稿数) のグラフ' });
    await visible(chart);
    await expect.poll(() => chart.locator('.MuiBarChart-element').count()).toBeGreaterThan(0);
    // the latest month is chosen; the first page holds the offices added above (カ… before ジ…), each with 0
    const month = activity.getByTestId('activity-month').locator('select');
    await expect.poll(() => month.inputValue()).toBe(thisMonth);
    const table = activity.getByTestId('table-activity');
    const row = (name: string) => table.getByRole('row').filter({ hasText: name });
    const pages = activity.getByTestId('activity-pages');
    await visible(pages.getByText('1-25 件 / 全 28 件'));
    await absent(row(world.office.name));
    await city.waitForTimeout(20_000); // a person reads before turning the page
    await pages.getByRole('button', { name: '次のページへ' }).click();
    // the service office's two posts, one a care report, on its row
    await expect.poll(async () => (await row(world.office.name).getByRole('cell').allInnerTexts()).slice(2)).toEqual(['2', '1']);
    // another month starts again at its first page
    await month.selectOption('2026-06');
    await visible(pages.getByText('1-25 件 / 全 28 件'));
    await pages.getByRole('button', { name: '次のページへ' }).click();
    await expect.poll(async () => (await row(world.office.name).getByRole('cell').allInnerTexts()).slice(2)).toEqual(['1', '0']);
    // the CSV: every month and office with posts, read on the click
    const [download] = await Promise.all([city.waitForEvent('download'), activity.getByTestId('csv-activity').click()]);
    const lines = fs
      .readFileSync((await download.path())!)
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(lines).toContain(`"2026-06","${world.office.name}","1","0"`);
    expect(lines).toContain(`"${thisMonth}","${world.office.name}","2","1"`);
  }, 90_000);

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
