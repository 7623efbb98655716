// 部屋への招待依頼 as the city clerk decides it: on the room page she sees who is asked to join,
// with which permission and the requester's note; the application shows the same; completing it
// says what will happen, and then it happens.
import { describe, expect, it } from 'vitest';
import { panelSuite, signIn, visible } from './browser.js';
import { buildRoom, buildUser } from '../helpers/factories.js';
import { Client } from '../helpers/client.js';
import { Role } from '../../api/users/user.enums.js';

describe('join requests', () => {
  const s = panelSuite();

  it('the city sees the note and the permission, and completing says what will happen', { timeout: 120_000 }, async () => {
    const em = s.server.orm.em.fork();
    const helper = await buildUser(em, s.server.secrets, { role: Role.OFFICE, office: s.world.office, name: '参加 予定子' });
    const room = await buildRoom(em, {
      municipality: s.world.city,
      explainingOffice: s.world.office,
      coveredOffices: [s.world.office],
      members: [{ user: s.world.users.staff.user }],
      name: '招待 花子',
    });
    const staff = new Client(s.server.url);
    await staff.signIn(s.world.users.staff.loginId, s.world.users.staff.password, s.world.users.staff.totpSecret!);
    await staff.ok(`mutation($i: ApplicationInput!) { submitApplication(type: ROOM_JOIN, input: $i) { id } }`, {
      i: { roomJoin: { roomId: room.id, userId: helper.user.id, permission: 'VIEWER', note: '週2回の訪問介護を始めるため、記録の閲覧をお願いします' } },
    });

    const page = await s.open('join-request');
    await signIn(page, s.server.url, s.world.users.city);
    await page.goto(`${s.server.url}/#/rooms/${room.id}/show`);
    const pending = page.getByTestId('pending-joins');
    await visible(pending.getByText('参加 予定子', { exact: false }));
    await visible(pending.getByText('週2回の訪問介護を始めるため', { exact: false }));
    await visible(pending.getByText('閲覧のみ', { exact: false }));

    await pending.getByRole('link', { name: '依頼を開く' }).click();
    await visible(page.getByTestId('join-note').getByText('週2回の訪問介護を始めるため', { exact: false }));
    await visible(page.getByTestId('join-permission').getByText('閲覧のみ'));
    await page.getByRole('button', { name: '完了' }).click();
    await visible(page.getByTestId('action-consequence').getByText('「閲覧のみ」の権限でこの部屋の参加者になり', { exact: false }));
    await page.getByRole('dialog').getByRole('button', { name: '完了' }).click();
    await visible(page.getByTestId('application-state').getByText('完了'));
    const [member] = await em.getConnection().execute(`select permission from room_member where room_id = ? and user_id = ?`, [room.id, helper.user.id]);
    expect(member.permission).toBe('VIEWER');
  });
});
