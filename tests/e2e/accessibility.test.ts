// axe-core (WCAG 2.x A/AA and best practices) on every main screen of every role and on the pages
// used without signing in: no critical or serious violation may remain. Each screen's findings
// are printed (rule, impact, the first elements) so that a failure says what to fix where.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, panelSuite, visible } from './browser.js';
import { buildRoomWorld, goTo, sessions, settle, transitionsDone } from './screens.js';
import { type BuiltUser, buildApplication } from '../helpers/factories.js';
import { ApplicationState } from '../../api/applications/application.enums.js';

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Rules counted whatever axe's impact: every page names itself in an h1. */
const ALSO_REQUIRED = ['page-has-heading-one'];

/**
 * axe's critical and serious findings on the page as it is now, with the experimental "label in
 * name" check (WCAG 2.5.3: a button's accessible name contains its visible text) switched on.
 */
async function audit(page: Page, screen: string): Promise<Finding[]> {
  await transitionsDone(page); // the colours at rest, not half-way through a fade
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || ALSO_REQUIRED.includes(v.id))
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 4).map((n) => `${n.html.slice(0, 160)}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`),
    }));
}

/** The findings as lines, also kept in the e2e artifacts folder (a11y-<first screen's role>.txt). */
function report(findings: Finding[]): string {
  const text = findings.map((f) => `[${f.impact}] ${f.screen}: ${f.rule} (${f.help})\n    ${f.targets.join('\n    ')}`).join('\n');
  if (text) {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS_DIR, `a11y-${findings[0].screen.split(' ')[0].replace(/\W/g, '')}.txt`), `${text}\n`);
  }
  return text;
}

describe('accessibility (axe-core)', () => {
  const s = panelSuite();
  const { openAs } = sessions(s);
  let ids: { room: string; application: string; forwarded: string; office: string; otherOffice: string; municipality: string; staff: string; city: string };

  it('sets up a room, posts and an application', async () => {
    const em = s.server.orm.em.fork();
    const { room, application } = await buildRoomWorld(em, s);
    const w = s.world;
    // VENDOR sees the account forms once the city has forwarded them, not while they wait for the city
    const forwarded = await buildApplication(em, { office: w.office, applicant: w.users.officeAdmin.user, state: ApplicationState.FORWARDED, staffNames: ['回付 太郎'] });
    ids = {
      room: room.id,
      application: application.id,
      forwarded: forwarded.id,
      office: w.office.id,
      otherOffice: w.otherOffice.id,
      municipality: w.city.id,
      staff: w.users.staff.user.id,
      city: w.users.city.user.id,
    };
  });

  /** Opens each screen as the user, runs axe on it (and on the room's tabs), and returns the findings. */
  const walk = async (user: BuiltUser, role: string, screens: string[], roomTabs: string[] = []) => {
    const page = await openAs(user, `a11y-${role}`);
    await visible(page.getByText('ようこそ'));
    const findings: Finding[] = await audit(page, `${role} #/`);
    for (const hash of screens) {
      await goTo(page, `${s.server.url}/${hash}`);
      // the screen audited is the one opened: a record the role may not see sends it back to the
      // list with an error notice, and axe would then look at another screen
      expect({ hash: new URL(page.url()).hash, notices: await page.locator('.MuiSnackbarContent-message').allInnerTexts() }).toEqual({ hash, notices: [] });
      findings.push(...(await audit(page, `${role} ${hash}`)));
      if (hash === `#/rooms/${ids.room}/show`) {
        for (const tab of roomTabs) {
          await page.getByRole('tab', { name: tab }).click();
          await settle(page);
          findings.push(...(await audit(page, `${role} room tab ${tab}`)));
        }
      }
    }
    // the menus that open: the user menu in the top bar
    await page.locator('header .RaUserMenu-userButton, header .RaUserMenu-root button').first().click();
    await settle(page);
    findings.push(...(await audit(page, `${role} user menu`)));
    return findings;
  };

  const roomTabs = ['連絡帳・ケアレポート', 'バイタル', '参加者', '同意'];

  it('VENDOR: home, municipalities, offices, users, applications, audit, outbox, tokens, reports', { timeout: 180_000 }, async () => {
    const f = await walk(s.world.users.vendor, 'vendor', [
      '#/municipalities',
      `#/municipalities/${ids.municipality}/show`,
      '#/offices',
      `#/offices/${ids.office}/show`,
      '#/users',
      `#/users/${ids.staff}/show`,
      '#/applications',
      `#/applications/${ids.forwarded}/show`,
      '#/auditEvents',
      '#/notifications',
      '#/tokens',
      '#/reports',
      '#/password',
    ]);
    expect(report(f)).toBe('');
  });

  it('CITY: home, rooms, a room with every tab, offices, users, applications, reports, audit, outbox, tokens', { timeout: 240_000 }, async () => {
    const f = await walk(
      s.world.users.city,
      'city',
      [
        '#/rooms',
        `#/rooms/${ids.room}/show`,
        '#/offices',
        `#/offices/${ids.office}/show`,
        '#/users',
        `#/users/${ids.staff}/show`,
        '#/applications',
        `#/applications/${ids.application}/show`,
        '#/reports',
        '#/auditEvents',
        '#/notifications',
        '#/tokens',
      ],
      [...roomTabs, '標題の設定'],
    );
    expect(report(f)).toBe('');
  });

  it('office admin: home, rooms, a room with the post form and every tab, the room request, roster, office, applications', { timeout: 240_000 }, async () => {
    const f = await walk(
      s.world.users.officeAdmin,
      'office-admin',
      [
        '#/rooms',
        `#/rooms/${ids.room}/show`,
        '#/room-request',
        '#/users',
        `#/users/${ids.staff}/show`,
        `#/offices/${ids.office}/show`,
        '#/applications',
        `#/applications/${ids.application}/show`,
        '#/applications/create',
      ],
      roomTabs,
    );
    expect(report(f)).toBe('');
  });

  it('office staff: home, rooms, a room with the post form and every tab, own account, own office', { timeout: 180_000 }, async () => {
    const f = await walk(s.world.users.staff, 'office-staff', ['#/rooms', `#/rooms/${ids.room}/show`, `#/users/${ids.staff}/show`, `#/offices/${ids.office}/show`, '#/password'], roomTabs);
    expect(report(f)).toBe('');
  });

  it('while a screen loads: every spinner says what it is (読み込み中)', { timeout: 90_000 }, async () => {
    // The walks above look at screens once they have settled; a person also sees them loading.
    // The API's answers are held back, so the spinners stay while axe looks.
    const page = await openAs(s.world.users.city, 'a11y-loading');
    await visible(page.getByText('ようこそ'));
    await page.route('**/graphql', async (route) => {
      await new Promise((r) => setTimeout(r, 4_000));
      await route.continue().catch(() => undefined);
    });
    await page.evaluate(() => {
      window.location.hash = '#/reports';
    });
    const progress = page.getByRole('progressbar');
    // the shown progressbars without a name, counted in one look at the page: two counts (all, then
    // the named) taken a moment apart disagree whenever a spinner comes or goes between them
    const unnamed = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[role="progressbar"], progress')].filter((e) => {
            if (e.closest('[aria-hidden="true"]') || e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') return false;
            const labelledBy = (e.getAttribute('aria-labelledby') ?? '')
              .split(/\s+/)
              .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
              .join('');
            return !(e.getAttribute('aria-label') ?? '').trim() && !labelledBy.trim() && !(e.getAttribute('title') ?? '').trim();
          }).length,
      );
    await progress.nth(1).waitFor(); // the top bar's spinner and the report's
    const f = await audit(page, 'city #/reports loading');
    const onReports = await unnamed();
    // an account's page: its office (a reference field) loads after the account, under a bar
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/users/${ids.staff}/show`);
    await page.locator('.MuiLinearProgress-root').waitFor({ timeout: 20_000 });
    f.push(...(await audit(page, 'city account loading')));
    const onAccount = await unnamed();
    // a reload: react-admin's loading page while the session is checked again
    await page.reload();
    await page.getByText('しばらくお待ちください').waitFor();
    f.push(...(await audit(page, 'city reload loading')));
    expect({ findings: report(f), unnamed: [onReports, onAccount, await unnamed()] }).toEqual({ findings: '', unnamed: [0, 0, 0] });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  it('without signing in: the sign-in page, 新規登録申請, 利用開始', { timeout: 120_000 }, async () => {
    const page = await openAs(null, 'a11y-public', '#/login');
    const f: Finding[] = [];
    await visible(page.getByLabel('ログインID'));
    f.push(...(await audit(page, '#/login')));
    for (const hash of ['#/apply', '#/activate']) {
      await goTo(page, `${s.server.url}/${hash}`);
      f.push(...(await audit(page, hash)));
    }
    expect(report(f)).toBe('');
  });
});
