// FHIR一括出力 in the browser: the city finds it in the menu, starts an export, watches it finish
// (the panel polls while it runs) and downloads a file with its session; office staff have no
// menu entry and the page tells them they may not use it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { runQueuedExports } from '../../api/fhir/bulk-export.js';
import { absent, adminDist, visible } from './browser.js';
import { launchPeople, type People } from './applications-browser.js';

describe('FHIR bulk export in the panel', () => {
  let server: TestServer;
  let people: People;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  beforeAll(async () => {
    server = await startTestServer({ adminDist: adminDist() });
    world = await buildWorld(server.orm.em.fork(), server.secrets);
    await buildRoom(server.orm.em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    people = await launchPeople(server.url);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await people.screenshots(ctx.task.name);
  });
  afterAll(async () => {
    await people?.close();
    await server?.close();
  });

  it('the city starts an export from the menu, sees it finish and downloads the Patient file', async () => {
    const city = await people.signedIn('city', world.users.city);
    await city.getByRole('menuitem', { name: 'FHIR出力' }).click();
    await visible(city.getByText('まだ出力していません。'));
    await city.getByRole('button', { name: '出力を開始' }).click();
    const table = city.getByTestId('fhir-exports');
    await visible(table.getByText('待機中'));
    // the job runner of a server process: here, the test runs it once
    await runQueuedExports(server.orm, server.url);
    await expect.poll(() => table.getByText('完了').count(), { timeout: 15_000 }).toBe(1);
    await visible(table.getByText('進捗 (部屋) 1 / 1', { exact: false }));
    const link = table.getByRole('link', { name: /^Patient \(1\)$/ });
    const href = await link.getAttribute('href');
    const body = await city.evaluate(async (url) => (await fetch(url!, { credentials: 'same-origin' })).text(), href);
    const patient = JSON.parse(body.trim()) as { resourceType: string };
    expect(patient.resourceType).toBe('Patient');
  });

  it('office staff see no menu entry, and the page refuses them', async () => {
    const staff = await people.signedIn('staff', world.users.staff);
    await visible(staff.getByRole('menuitem', { name: 'ホーム' }));
    await absent(staff.getByRole('menuitem', { name: 'FHIR出力' }));
    await staff.goto(`${server.url}/#/fhir`);
    await visible(staff.getByText('このページを表示する権限がありません。'));
  });
});
