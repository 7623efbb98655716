// Idle sign-out: a session the server expired after 30 idle minutes sends the user to the
// sign-in page at the next action, saying why; the panel also signs itself out after 30 minutes
// without input.
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { panelSuite, signIn, visible } from './browser.js';

describe('idle sessions', () => {
  const s = panelSuite();
  let page: Page;

  it('a session expired on the server sends the next action to the sign-in page', async () => {
    page = await s.open('session');
    await signIn(page, s.server.url, s.world.users.city);
    await s.server.orm.em.fork().getConnection().execute(`update session set last_seen_at = now() - interval '31 minutes' where user_id = ? and revoked_at is null`, [s.world.users.city.user.id]);

    // the next action; a screen still loading its data may meet the expired session first, and the
    // panel is then already on its way to the sign-in page (the menu item goes from under the click)
    await page
      .getByRole('menuitem', { name: '事業所', exact: true })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await visible(page.getByRole('button', { name: 'サインイン' }));
    await visible(page.getByText('セッションの有効期限が切れました。もう一度サインインしてください。'));
  });

  it('the panel signs itself out after 30 minutes without input', async () => {
    page = await s.open('session');
    await page.clock.install();
    await signIn(page, s.server.url, s.world.users.vendor);
    await page.clock.fastForward('31:00');
    await visible(page.getByRole('button', { name: 'サインイン' }));
    await visible(page.getByText('30分間操作がなかったため、サインアウトしました。'));
  });
});
