// The lists that grow for as long as the system runs (the audit trail, the outbox: HistoryPageResult
// in api/common/list.ts) are paged without counting them. A request that does not ask for `total`
// costs one page statement that reads one row past the page, and no count: a count of one
// municipality's trail reads every matching row of every monthly partition, so its cost grows with
// the years (bench/README.md). `hasNextPage` is right at every boundary, the pages hold the counted
// pages' rows in the same order, and a caller who asks for `total` still gets the exact count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type Client, signedIn } from '../helpers/client.js';
import { accountEvent, buildListRows, buildWorld } from '../helpers/factories.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';
import { Notification, NotificationCategory, NotificationStatus, newMessageId } from '../../api/mail/notification.entity.js';

let server: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const as = {} as Record<'city' | 'vendor', Client>;

beforeAll(async () => {
  server = await startTestServer();
  const em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  await buildListRows(em, server.secrets, world, 23);
  Object.assign(as, await signedIn(server.url, world.users, ['city', 'vendor'] as const));
});

afterAll(async () => {
  await server?.close();
});

const lists = [
  { field: 'auditEvents', caller: 'city' },
  { field: 'auditEvents', caller: 'vendor' },
  { field: 'notifications', caller: 'city' },
  { field: 'notifications', caller: 'vendor' },
] as const;

type Page = { items: { id: string }[]; total?: number; hasNextPage: boolean };

const pageOf = async (client: Client, field: string, page: number, perPage: number, counted: boolean): Promise<Page> =>
  (await client.ok(`query($page: PageInput) { ${field}(page: $page) { items { id } hasNextPage ${counted ? 'total' : ''} } }`, { page: { page, perPage } }))[field];

/** Every id of the list in order, and its total, from the counted query. */
async function reference(client: Client, field: string) {
  const all = await pageOf(client, field, 1, 500, true);
  expect(all.hasNextPage).toBe(false);
  expect(all.items.length).toBe(all.total);
  return all.items.map((i) => i.id);
}

/** Older rows the caller sees, until its list holds a multiple of 4 and at least 12: pages of 4 then end on a full page. */
async function padded(field: (typeof lists)[number]['field'], caller: 'city' | 'vendor') {
  const em = server.orm.em.fork();
  const length = (await reference(as[caller], field)).length;
  const missing = ((4 - (length % 4)) % 4) + (length < 12 ? 12 : 0);
  for (let i = 0; i < missing; i++) {
    const at = new Date(Date.now() - (i + 1) * 86_400_000);
    if (field === 'auditEvents') {
      em.create(AuditEvent, accountEvent(world, at));
    } else {
      // the vendor reads the account workflows' mail only
      em.create(Notification, {
        municipalityId: world.city.id,
        kind: 'account.issued',
        category: caller === 'vendor' ? NotificationCategory.ACCOUNT : NotificationCategory.OTHER,
        carriesCredential: false,
        messageId: newMessageId(),
        to: `pad${i}@example.jp`,
        subject: '件名',
        body: '本文',
        status: NotificationStatus.SENT,
        attempts: 1,
        nextAttemptAt: at,
        createdAt: at,
      });
    }
  }
  await em.flush();
  const ids = await reference(as[caller], field);
  expect(ids.length % 4).toBe(0);
  expect(ids.length).toBeGreaterThanOrEqual(12);
  return ids;
}

describe.each(lists)('$field as $caller, paged without a count', ({ field, caller }) => {
  it('walks page after page by hasNextPage to exactly the counted list, in its order', async () => {
    const client = as[caller];
    const ids = await padded(field, caller);
    // sizes that divide the list (the last page is full: only the row read past it tells there is no next), and sizes that do not
    const sizes = [1, 2, 4, 7, ids.length / 2, ids.length - 1, ids.length];
    for (const perPage of sizes) {
      const walked: string[] = [];
      let pages = 0;
      for (let page = 1; ; page++) {
        const p = await pageOf(client, field, page, perPage, false);
        expect(p.total).toBeUndefined();
        walked.push(...p.items.map((i) => i.id));
        pages++;
        expect(p.hasNextPage, `page ${page} of ${perPage}`).toBe(page * perPage < ids.length);
        if (!p.hasNextPage) break;
        expect(pages).toBeLessThanOrEqual(ids.length);
      }
      expect(walked).toEqual(ids);
      expect(pages).toBe(Math.ceil(ids.length / perPage));
    }
    // past the end: nothing, and no next page
    expect(await pageOf(client, field, ids.length + 1, 1, false)).toEqual({ items: [], hasNextPage: false });
    expect(await reference(client, field)).toEqual(ids);
  });

  it('sends one statement for the page, without a count; asking for total counts exactly, and hasNextPage agrees', async () => {
    const client = as[caller];
    const statements = async (counted: boolean) => {
      await pageOf(client, field, 1, 5, counted); // warm-up: a session touch is not in the measured request
      server.sql.reset();
      const page = await pageOf(client, field, 1, 5, counted);
      return { page, sql: server.sql.statements.filter((s) => s.includes(field === 'auditEvents' ? 'audit_event' : 'notification')) };
    };
    const uncounted = await statements(false);
    expect(uncounted.sql.filter((s) => /order by/i.test(s))).toHaveLength(1);
    for (const s of uncounted.sql) expect(s).not.toMatch(/count\(/i);
    const counted = await statements(true);
    expect(counted.sql.some((s) => /count\(/i.test(s))).toBe(true);
    const ids = await reference(client, field);
    expect(counted.page.total).toBe(ids.length);
    expect(counted.page.hasNextPage).toBe(true);
    expect(counted.page.items).toEqual(uncounted.page.items);
    const last = await pageOf(client, field, Math.ceil(ids.length / 5), 5, true);
    expect(last.hasNextPage).toBe(false);
  });
});
