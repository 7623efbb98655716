// 受付番号: every application carries the number the applicant is told to quote, and the
// applications list finds it by search (as typed: lower case, full-width, with 受付番号 in front).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, buildWorld } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';

describe('receipt numbers', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let city: Client;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    world = await buildWorld(em, server.secrets);
    for (let i = 0; i < 3; i++) ids.push((await buildApplication(em, { office: world.office })).id);
    city = new Client(server.url);
    await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
  });
  afterAll(() => server?.close());

  const search = async (q: string) => (await city.ok(`query($q: String) { applications(filter: { q: $q }) { total items { id receiptNumber } } }`, { q })).applications;

  it('shows the receipt number on every application', async () => {
    const r = await city.ok(`query($id: ID!) { application(id: $id) { receiptNumber } }`, { id: ids[1] });
    expect(r.application.receiptNumber).toBe(ids[1].slice(0, 8).toUpperCase());
  });

  it('finds an application by its receipt number, however it is typed', async () => {
    const receipt = ids[1].slice(0, 8).toUpperCase();
    const fullWidth = receipt.replace(/[0-9A-F]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const q of [receipt, receipt.toLowerCase(), `受付番号 ${receipt}`, fullWidth]) {
      const r = await search(q);
      expect(
        r.items.map((i: { id: string }) => i.id),
        q,
      ).toEqual([ids[1]]);
    }
  });

  it('another municipality’s city does not find it', async () => {
    const other = new Client(server.url);
    await other.signIn(world.users.otherCity.loginId, world.users.otherCity.password, world.users.otherCity.totpSecret!);
    const r = await other.ok(`query($q: String) { applications(filter: { q: $q }) { total } }`, { q: ids[1].slice(0, 8) });
    expect(r.applications.total).toBe(0);
  });
});
