// The vitals chart as a nurse reads it: a time axis (two readings on one day are two points at
// their times), the same fixed range for every patient (a temperature chart runs 34–42 ℃ whatever
// was measured), and the usual range shaded.
import { describe, expect, it } from 'vitest';
import { panelSuite, signIn, visible } from './browser.js';
import { buildPost, buildRoom } from '../helpers/factories.js';
import { PostKind } from '../../api/posts/post.entity.js';

describe('vitals chart', () => {
  const s = panelSuite();

  it('plots readings at their times on fixed axes with the usual range shaded', { timeout: 90_000 }, async () => {
    const em = s.server.orm.em.fork();
    const room = await buildRoom(em, {
      municipality: s.world.city,
      explainingOffice: s.world.office,
      coveredOffices: [s.world.office],
      members: [{ user: s.world.users.staff.user }],
      name: 'グラフ 花子',
    });
    const author = s.world.users.staff.user;
    const at = (iso: string) => ({ createdAt: new Date(iso), updatedAt: new Date(iso) });
    await buildPost(em, room, author, { kind: PostKind.CARE_REPORT, title: '訪問看護', body: '朝', vitals: { temperature: 36.6, pulse: 72 }, ...at('2026-11-20T00:30:00Z') });
    await buildPost(em, room, author, { kind: PostKind.CARE_REPORT, title: '訪問看護', body: '夕', vitals: { temperature: 37.8, pulse: 88 }, ...at('2026-11-20T08:00:00Z') });
    await buildPost(em, room, author, { kind: PostKind.CARE_REPORT, title: '訪問看護', body: '翌日', vitals: { temperature: 36.9, pulse: 70 }, ...at('2026-11-21T01:00:00Z') });

    const page = await s.open('vitals-chart');
    await signIn(page, s.server.url, s.world.users.staff);
    await page.goto(`${s.server.url}/#/rooms/${room.id}/show`);
    await page.getByRole('tab', { name: 'バイタル' }).click();
    const chart = page.getByTestId('vitals-chart-temperature');
    await visible(chart);

    // the fixed axis 34–42 ℃ though every reading is between 36.6 and 37.8: its labels, and the
    // usual range (36.0–37.4) shaded over 1.4/8 of the plot's height
    const yTicks = (await chart.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').allTextContents()).filter(Boolean).map(Number);
    expect(yTicks).toContain(34);
    expect(yTicks).toContain(40);
    const band = chart.getByTestId('vitals-usual-band');
    const plot = chart.locator('clipPath rect').last();
    const ratio = Number(await band.getAttribute('height')) / Number(await plot.getAttribute('height'));
    expect(ratio).toBeCloseTo(1.4 / 8, 2);
    // the time axis is labelled with days and times (readings within three days)
    const xTicks = (await chart.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').allTextContents()).filter(Boolean);
    expect(xTicks.length).toBeGreaterThan(1);
    expect(xTicks.some((t) => /11\/2[01] \d{2}:\d{2}/.test(t))).toBe(true);

    // a time axis: the morning and evening readings of the 20th are apart in proportion to their times
    const marks = chart.locator('circle.MuiLineChart-mark');
    await expect.poll(() => marks.count()).toBe(3);
    const xs = await marks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    const [morning, evening, nextDay] = xs;
    expect(evening - morning).toBeGreaterThan(0);
    // 7.5 h of 24.5 h between the first and last reading
    expect((evening - morning) / (nextDay - morning)).toBeCloseTo(7.5 / 24.5, 1);
  });
});
