// The city's rooms list like every other list: Japanese pagination and a CSV export of what the
// search finds.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { panelSuite, signIn, visible } from './browser.js';
import { buildRoom } from '../helpers/factories.js';

describe('rooms list', () => {
  const s = panelSuite();

  it('pages in Japanese and exports CSV', { timeout: 90_000 }, async () => {
    const em = s.server.orm.em.fork();
    for (const name of ['一覧 一子', '一覧 二子', '一覧 三子']) {
      await buildRoom(em, { municipality: s.world.city, explainingOffice: s.world.office, coveredOffices: [s.world.office], members: [], name });
    }
    const page = await s.open('rooms-list');
    await signIn(page, s.server.url, s.world.users.city);
    await page.getByRole('menuitem', { name: '部屋一覧' }).click();
    await visible(page.getByText('一覧 一子'));
    await visible(page.getByText('1-3 件 / 全 3 件'));
    await visible(page.getByRole('button', { name: '次のページへ' }));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV出力' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    for (const name of ['一覧 一子', '一覧 二子', '一覧 三子']) expect(text).toContain(name);
    expect(text).toContain('利用中');
  });
});
