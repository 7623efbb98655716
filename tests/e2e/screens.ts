// Shared by the phone and accessibility tests: a room with members, notes, a care report with
// vitals and two photos, an application; users signed in once through the API whose session
// cookie the browser takes (a TOTP step is accepted once per user, so signing the same user in
// through the form screen after screen would wait for the next step); and a page opened "ready"
// (the network quiet and react-admin's loading bar gone).
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Page, Request } from 'playwright-core';
import { Client } from '../helpers/client.js';
import { buildApplication, buildPost, buildRoom, type BuiltUser } from '../helpers/factories.js';
import { PostAttachment, PostKind } from '../../api/posts/post.entity.js';
import { RoomPermission } from '../../api/rooms/room.enums.js';
import { ApplicationType } from '../../api/applications/application.enums.js';
import { clearStorage, type PanelSuite } from './browser.js';

/** Two real 40×30 PNGs of different colours (red, blue): the API and the browser decode them. */
export const PNGS = [
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAKklEQVR4nO3NMQ0AAAgDsAmb/yALGXA06d9MeyJisVgsFovFYrFYLP4bL9HP3Ew1mJ9PAAAAAElFTkSuQmCC', 'base64'),
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR4nO3NMQ0AAAgDsAlDCYqRhQw4mvRvqudExGKxWCwWi8VisVj8N17tz2j7Nt4nQQAAAABJRU5ErkJggg==', 'base64'),
];

export const PATIENT = '偕楽 梅子';

/** The room every screen test looks at, with the two office users of the world as members. */
export async function buildRoomWorld(em: EntityManager, s: PanelSuite) {
  const { world } = s;
  const room = await buildRoom(em, {
    municipality: world.city,
    explainingOffice: world.office,
    coveredOffices: [world.office, world.otherOffice],
    members: [
      { user: world.users.staff.user, permission: RoomPermission.CONTRIBUTOR },
      { user: world.users.officeAdmin.user, permission: RoomPermission.COORDINATOR },
      { user: world.users.otherOfficeStaff.user, permission: RoomPermission.VIEWER },
    ],
    name: PATIENT,
  });
  await buildPost(em, room, world.users.officeAdmin.user, { body: '本日 14時に訪問しました。食欲あり、表情も穏やかです。ご家族から、夜間の咳が少し気になるとのこと。' });
  const report = await buildPost(em, room, world.users.officeAdmin.user, {
    kind: PostKind.CARE_REPORT,
    title: '訪問看護',
    body: '褥瘡の状態を撮影しました（前回より改善）。',
    vitals: { systolic: 132, diastolic: 84, pulse: 72, temperature: 36.6, spo2: 97, weight: 45.5 },
  });
  // a second apart: attachments are shown in upload order (created_at, then id), and two made in
  // the same millisecond would fall back to their random ids' order
  const uploaded = Date.now();
  for (const [i, data] of PNGS.entries()) {
    em.create(PostAttachment, {
      post: report,
      filename: `photo-${i + 1}.png`,
      contentType: 'image/png',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      createdAt: new Date(uploaded + i * 1000),
    });
  }
  await em.flush();
  const application = await buildApplication(em, { office: world.office, applicant: world.users.officeAdmin.user, type: ApplicationType.STAFF_ADDITION, staffNames: ['新人 花子'] });
  return { room, application };
}

/** One API session per user for the whole file. */
export function sessions(s: PanelSuite) {
  const open = new Map<string, Client>();
  const api = async (user: BuiltUser) => {
    let c = open.get(user.loginId);
    if (!c) {
      c = new Client(s.server.url);
      await c.signIn(user.loginId, user.password, user.totpSecret!);
      open.set(user.loginId, c);
    }
    return c;
  };
  /**
   * A fresh tab signed in as the user (through the session cookie), at `hash`, ready; `size` is set
   * before the panel loads, as on a real phone (react-admin keeps a sidebar that was open on a
   * wide screen open as a modal drawer after a resize).
   */
  const openAs = async (user: BuiltUser | null, name: string, hash = '#/', size = { width: 1366, height: 900 }): Promise<Page> => {
    const page = await s.open(name);
    await page.setViewportSize(size);
    await clearStorage(page, s.server.url);
    if (user) {
      const [cookieName, ...rest] = (await api(user)).cookieHeader!.split('=');
      await s.tb.context.addCookies([{ name: cookieName, value: rest.join('='), url: s.server.url }]);
    }
    await goTo(page, `${s.server.url}/${hash}`);
    return page;
  };
  return { api, openAs };
}

/** The lists in the signed-in user's menu (their `#/resource` links), once the menu has rendered. */
export async function menuLists(page: Page): Promise<string[]> {
  await page.locator('.RaMenu-open a').first().waitFor();
  const hrefs = await page.locator('.RaMenu-open a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => /^#\/\w[\w-]*$/.test(h));
}

/** Navigates and waits until the screen has loaded its data. */
export async function goTo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // a hash change is a same-document navigation, after which the screen's chunk and then its data
  // load (admin/common/lazyScreen.tsx): wait until no request has been in flight for a while
  await networkQuiet(page);
  await page
    .locator('.MuiLinearProgress-root, .MuiCircularProgress-root, .MuiSkeleton-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(250); // transitions (drawer, tabs' indicator, dialogs' fade)
  // a notification still fading in or out is checked once it has settled (or gone): its colours
  // mid-fade are not what anyone reads
  await page
    .waitForFunction(() => [...document.querySelectorAll('.MuiSnackbarContent-root')].every((e) => getComputedStyle(e).opacity === '1' && getComputedStyle(e).transform === 'none'), undefined, {
      timeout: 3_000,
      polling: 100,
    })
    .catch(() => undefined);
  await transitionsDone(page);
}

/**
 * Resolves once no finite CSS transition or animation is running (a button turning from disabled
 * to enabled fades its colour for 250 ms, and on a busy machine it may start after settle's fixed
 * wait: axe then measured the colour half-way, 3.64:1). Endless ones (spinners) are not waited for.
 */
export async function transitionsDone(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY), undefined, {
      timeout: 3_000,
      polling: 100,
    })
    .catch(() => undefined);
}

/** Resolves once the page has had no request in flight for `quietMs` (or after `timeoutMs`). */
async function networkQuiet(page: Page, quietMs = 400, timeoutMs = 10_000): Promise<void> {
  const inflight = new Set<Request>();
  const start = (r: Request) => inflight.add(r);
  const end = (r: Request) => inflight.delete(r);
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() < deadline && Date.now() - quietSince < quietMs) {
      await page.waitForTimeout(50);
      if (inflight.size > 0) quietSince = Date.now();
    }
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

/** The page's width, and the innermost elements that reach past the viewport (to say what to fix). */
export async function overflow(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const over = (e: Element) => e.getBoundingClientRect().right > vw + 1 && e.getBoundingClientRect().width > 0;
    const widest = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => over(e) && ![...e.children].some(over))
      .slice(0, 8)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')} width=${Math.round(e.getBoundingClientRect().width)} right=${Math.round(e.getBoundingClientRect().right)} "${(e.textContent ?? '').slice(0, 30)}"`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  });
}

/**
 * Text squeezed out of shape: a table cell narrower than three characters while its text is
 * longer (the browser shrinks a wrapping column to its min-content, one character for Japanese, so
 * a name reads down the screen one character a line), or a button whose label wraps. A wide
 * table should scroll inside its card instead, and a row of buttons wrap as whole buttons.
 */
export async function squeezedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const px = (v: string) => Number.parseFloat(v) || 0;
    const cells = [...document.querySelectorAll<HTMLElement>('td, th')].filter((cell) => {
      const text = (cell.innerText ?? '').trim();
      const style = getComputedStyle(cell);
      const width = cell.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
      return text.length >= 4 && width > 0 && width < 3 * px(style.fontSize);
    });
    const buttons = [...document.querySelectorAll<HTMLElement>('button, a[role="button"], .MuiButton-root')].filter((button) => {
      const style = getComputedStyle(button);
      const line = px(style.lineHeight) || 1.5 * px(style.fontSize);
      const height = button.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
      return (button.innerText ?? '').trim().length >= 2 && height > 1.6 * line;
    });
    return [...cells, ...buttons].slice(0, 8).map((e) => `${e.tagName.toLowerCase()} ${Math.round(e.clientWidth)}×${Math.round(e.clientHeight)}px "${(e.innerText ?? '').trim().slice(0, 20)}"`);
  });
}
