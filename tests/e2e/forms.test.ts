// 印刷用PDF in the panel: on an application's page the clerk downloads its paper form filled in
// (a real PDF from /forms/applications/<id>/<form>.pdf), and attaches the signed scan there,
// which then lists among the application's attachments.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { panelSuite, signIn, visible } from './browser.js';
import { buildApplication, buildUser } from '../helpers/factories.js';
import { ApplicationType } from '../../api/applications/application.enums.js';
import { Role } from '../../api/users/user.enums.js';

describe('printable forms', () => {
  const s = panelSuite();

  it('the city prints an ID stop (様式3) and attaches the sealed scan', { timeout: 120_000 }, async () => {
    const em = s.server.orm.em.fork();
    const who = await buildUser(em, s.server.secrets, { role: Role.OFFICE, office: s.world.office, name: '印刷 停止子' });
    const app = await buildApplication(em, {
      office: s.world.office,
      applicant: s.world.users.officeAdmin.user,
      type: ApplicationType.ID_STOP,
      payload: { userIds: [who.user.id], stopDate: null, users: [] },
    });

    const page = await s.open('forms');
    await signIn(page, s.server.url, s.world.users.city);
    await page.goto(`${s.server.url}/#/applications/${app.id}/show`);
    const print = page.getByTestId('print-form-id-stop');
    await visible(print);
    expect(await print.textContent()).toContain('様式3 ID停止依頼書 (印刷用PDF)');
    const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
    expect(download.suggestedFilename()).toMatch(/^様式3_ID停止依頼書_[0-9A-F]{8}\.pdf$/);
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // the sealed form comes back as a scan, on the same page
    await page.getByTestId('attach-scans-input').setInputFiles({ name: '様式3_押印済み.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% sealed scan\n%%EOF\n') });
    await visible(page.getByTestId('attachments').getByText('様式3_押印済み.pdf'));
  });
});
