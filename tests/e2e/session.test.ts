// Idle sign-out: a session the server expired after 30 idle minutes sends the user to the
// sign-in page at the next action, saying why; the panel also signs itself out after 30 minutes
// without input.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildWorld } from '../helpers/factories.js';
import { adminDist, launchBrowser, recordFailures, signIn, visible, type TestBrowser } from './browser.js';

describe('idle sessions', () => {
  let server: TestServer;
  let tb: TestBrowser;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let page: Page;
  let onFailure: (failed: boolean) => Promise<void> = async () => undefined;

  beforeAll(async () => {
    [server, tb] = await Promise.all([startTestServer({ adminDist: adminDist() }), launchBrowser()]);
    world = await buildWorld(server.orm.em.fork(), server.secrets);
  });
  afterEach(async (ctx) => onFailure(ctx.task.result?.state === 'fail'));
  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  it('a session expired on the server sends the next action to the sign-in page', async () => {
    page = await tb.newPage();
    onFailure = recordFailures(page, 'session');
    await signIn(page, server.url, world.users.city);
    await server.orm.em
      .fork()
      .getConnection()
      .execute(`update session set last_seen_at = now() - interval '31 minutes' where user_id = ? and revoked_at is null`, [world.users.city.user.id]);

    await page.getByRole('menuitem', { name: '事業所', exact: true }).click();
    await visible(page.getByRole('button', { name: 'サインイン' }));
    await visible(page.getByText('セッションの有効期限が切れました。もう一度サインインしてください。'));
  });

  it('the panel signs itself out after 30 minutes without input', async () => {
    page = await tb.newPage();
    onFailure = recordFailures(page, 'session');
    await page.clock.install();
    await signIn(page, server.url, world.users.vendor);
    await page.clock.fastForward('31:00');
    await visible(page.getByRole('button', { name: 'サインイン' }));
    await visible(page.getByText('30分間操作がなかったため、サインアウトしました。'));
  });
});
