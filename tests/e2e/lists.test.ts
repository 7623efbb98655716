// The panel's lists. An empty register says what will appear in it (a new city's first look).
// A column header that offers to sort (react-admin's sort label) sorts by an order the API offers.
// The panel marks its unsortable columns by hand (`disableSort`); the API offers only the orders an
// index serves (api/common/list.ts). A header left sortable by mistake would show an arrow and
// silently keep the default order (buildQuery.ts falls back). Found from every role's menu, so a new
// list or column is covered without anyone remembering it; the orders are read from schema.graphql.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, getNamedType, type GraphQLEnumType, type GraphQLInputObjectType } from 'graphql';
import { panelSuite } from './browser.js';
import { goTo, menuLists, sessions, settle } from './screens.js';
import { buildListRows, buildRoom } from '../helpers/factories.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

/** The orders the API offers for the list query named like the resource, or null if it is not one. */
function apiOrders(resource: string): string[] | null {
  const field = schema.getQueryType()!.getFields()[resource];
  if (!field?.args.some((a) => a.name === 'page')) return null;
  const sort = field.args.find((a) => a.name === 'sort');
  if (!sort) return [];
  const input = getNamedType(sort.type) as GraphQLInputObjectType;
  return (getNamedType(input.getFields().field.type) as GraphQLEnumType).getValues().map((v) => v.name);
}

describe('lists', () => {
  const s = panelSuite();
  const { openAs } = sessions(s);

  it('the empty consents register says what will appear there, in Japanese and English', { timeout: 60_000 }, async () => {
    const page = await openAs(s.world.users.city, 'consents-empty', '#/consents');
    await expect.poll(() => page.getByTestId('list-empty').innerText(), { timeout: 15_000 }).toMatch(/^同意書はまだありません。\s*部屋ができると、その同意書（様式5）がここに載ります。$/);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('list-empty').innerText(), { timeout: 15_000 }).toMatch(/^No consents yet\.\s*When a room is created, its consent \(form 5\) is listed here\.$/);
  });

  it('every sortable header of every list in each role’s menu is an order the API offers', { timeout: 240_000 }, async () => {
    const em = s.server.orm.em.fork();
    await buildListRows(em, s.server.secrets, s.world, 3);
    const { city, office, users } = s.world;
    await buildRoom(em, { municipality: city, explainingOffice: office, coveredOffices: [office], members: [{ user: users.staff.user }, { user: users.officeAdmin.user }] });
    const checked: string[] = [];
    const wrong: string[] = [];
    const empty: string[] = [];
    for (const [user, who] of [
      [s.world.users.city, 'city'],
      [s.world.users.vendor, 'vendor'],
      [s.world.users.officeAdmin, 'office admin'],
      [s.world.users.staff, 'office staff'],
    ] as const) {
      const page = await openAs(user, `sorts-${who}`, '#/');
      for (const hash of await menuLists(page)) {
        const orders = apiOrders(hash.slice(2));
        if (!orders) continue; // not a paged list of the API (the home page, reports, settings)
        // without the list's default filter (the VENDOR's applications open on one state), so its rows show
        await goTo(page, `${s.server.url}/${hash}?filter=%7B%7D`);
        await settle(page);
        if ((await page.locator('table thead th').count()) === 0) {
          empty.push(`${who} ${hash}`);
          continue;
        }
        const sortable = await page.locator('table thead th [data-field]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-field') ?? ''));
        for (const f of sortable) if (!orders.includes(f)) wrong.push(`${who} ${hash}: the header "${f}" offers to sort, the API orders by ${orders.join(', ') || 'nothing'}`);
        checked.push(`${who} ${hash} (${sortable.join(', ') || 'no sortable header'})`);
      }
    }
    expect(wrong).toEqual([]);
    // the lists whose tables were read: every role's main lists, so the test is not empty
    expect(checked.length, `read: ${checked.join('; ')}; no table: ${empty.join('; ')}`).toBeGreaterThanOrEqual(10);
    expect(
      checked.some((c) => /^city #\/users \(.*nameKana/.test(c)),
      checked.join('\n'),
    ).toBe(true);
  });
});
