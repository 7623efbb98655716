// New-post mails that are not noise: at most one per room per member per interval (default 30
// minutes), however many posts arrive and however many at once; still without any content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { enqueueMail } from '../../api/mail/outbox.js';
import { newPostNotice } from '../../api/mail/templates.js';

const POST = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id } }`;

describe('new-post notices', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let staff: Client;
  let roomId: string;
  const sql = (q: string, p: unknown[] = []) => server.orm.em.fork().getConnection().execute(q, p);
  const mailsTo = async (userId: string) =>
    (await sql(`select n.body from notification n join app_user u on u.email = n."to" where n.kind = 'post.created' and u.id = ?`, [userId])) as { body: string }[];

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    world = await buildWorld(em, server.secrets);
    roomId = (
      await buildRoom(em, {
        municipality: world.city,
        explainingOffice: world.office,
        coveredOffices: [world.office, world.otherOffice],
        members: [{ user: world.users.staff.user }, { user: world.users.otherOfficeStaff.user }],
      })
    ).id;
    await sql(`update app_user set email = login_id || '@example.jp'`);
    staff = new Client(server.url);
    await staff.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
  });
  afterAll(() => server?.close());

  it('five posts, three of them at once, make one mail to the other member', async () => {
    const note = (body: string) => staff.ok(POST, { r: roomId, i: { kind: 'NOTE', body } });
    await note('朝の訪問で食事量を確認しました。');
    await note('午後、家族と面談しました。');
    await Promise.all([note('同時投稿1'), note('同時投稿2'), note('同時投稿3')]);
    const mails = await mailsTo(world.users.otherOfficeStaff.user.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].body).not.toMatch(/食事|面談|同時投稿/);
    expect(await mailsTo(world.users.staff.user.id)).toHaveLength(0); // never to the author
  });

  it('after the interval, the next post mails again', async () => {
    await sql(`update post_notice set noticed_at = now() - interval '31 minutes' where room_id = ?`, [roomId]);
    await staff.ok(POST, { r: roomId, i: { kind: 'NOTE', body: '夕方の様子です。' } });
    expect(await mailsTo(world.users.otherOfficeStaff.user.id)).toHaveLength(2);
  });

  it('queues the row enqueueMail would write for the same notice', async () => {
    const [byStatement] = await sql(`select * from notification where kind = 'post.created' order by created_at desc limit 1`);
    const em = server.orm.em.fork();
    const byEntity = enqueueMail(em, { ...newPostNotice(roomId, server.config.publicUrl), municipalityId: world.city.id, to: byStatement.to });
    await em.flush();
    const [written] = await sql(`select * from notification where id = ?`, [byEntity.id]);
    const { id: _a, message_id: idA, created_at: _c, next_attempt_at: _e, ...rest } = byStatement;
    const { id: _b, message_id: idB, created_at: _d, next_attempt_at: _f, ...restEntity } = written;
    expect(rest).toEqual(restEntity);
    const shape = (id: string) => id.replace(/^<[0-9a-f-]{36}@/, '<uuid@');
    expect(shape(idA)).toBe(shape(idB));
    expect(idA).not.toBe(idB);
  });
});
