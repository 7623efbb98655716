// The kept counts' update triggers lock count rows in key order (Migration20261201090001): two
// updates that move counts across the same two keys in opposite directions wait for each other
// instead of deadlocking. The race is made on purpose with three sessions: C holds the lower key's
// count row, A (lower → higher) queues for it, B (higher → lower) starts, C lets go. Taking the old
// key first, B held the higher row while waiting for the lower one that A then held while waiting
// for the higher one: PostgreSQL aborted one with a deadlock. Counts in key order, B holds nothing
// while it waits, and both commit.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/db.js';
import { buildPost, buildRoom, buildUser, buildWorld } from '../helpers/factories.js';
import { SecretBox } from '../../api/auth/secret-box.js';
import { Role, UserStatus } from '../../api/users/user.enums.js';

let orm: MikroORM;
let url: string;
let world: Awaited<ReturnType<typeof buildWorld>>;
const secrets = new SecretBox('test-secret-key-test-secret-key-0123456789');
const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(q, params);

beforeAll(async () => {
  ({ orm, url } = await createTestDatabase());
  world = await buildWorld(orm.em.fork(), secrets);
});
afterAll(() => orm.close(true));

type Statement = [text: string, params: unknown[]];

async function session(): Promise<pg.Client & { pid: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // a lock wait that never ends fails the test instead of hanging it (deadlock_timeout is 1 s)
  await c.query(`set lock_timeout = '5s'`);
  const { rows } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
  return Object.assign(c, { pid: rows[0].pid });
}

/** Until the session waits for a lock (PostgreSQL says so in pg_stat_activity). */
async function waitingForLock(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await sql<{ waiting: boolean }>(`select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = ?`, [pid]);
    if (row?.waiting) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`session ${pid} never waited for a lock`);
}

/**
 * C holds `hold` (a count row, FOR UPDATE); A runs `a` and waits for it; B runs `b` and waits; C
 * commits. Returns how A's and B's statements ended.
 */
async function crossing(hold: Statement, a: Statement, b: Statement): Promise<PromiseSettledResult<unknown>[]> {
  const [c, sa, sb] = await Promise.all([session(), session(), session()]);
  try {
    await c.query('begin');
    expect((await c.query(...hold)).rowCount).toBe(1);
    await sa.query('begin');
    const ranA = sa.query(...a);
    ranA.catch(() => {}); // settled below
    await waitingForLock(sa.pid);
    await sb.query('begin');
    const ranB = sb.query(...b);
    ranB.catch(() => {});
    await waitingForLock(sb.pid);
    await c.query('commit');
    const [endA] = await Promise.allSettled([ranA]);
    await sa.query(endA.status === 'fulfilled' ? 'commit' : 'rollback');
    const [endB] = await Promise.allSettled([ranB]);
    await sb.query(endB.status === 'fulfilled' ? 'commit' : 'rollback');
    return [endA, endB];
  } finally {
    await Promise.all([c.end(), sa.end(), sb.end()]);
  }
}

const reasons = (ends: PromiseSettledResult<unknown>[]) => ends.map((e) => (e.status === 'rejected' ? String((e.reason as Error).message) : 'ok'));

describe('kept counts under crossing updates', () => {
  it('an account locked while another is reactivated (same municipality and job type): both commit, counts right', async () => {
    const em = orm.em.fork();
    const going = await buildUser(em, secrets, { role: Role.OFFICE, office: world.otherOffice });
    const coming = await buildUser(em, secrets, { role: Role.OFFICE, office: world.otherOffice });
    await sql(`update app_user set status = 'LOCKED' where id = ?`, [coming.user.id]);
    const key = [world.city.id, going.user.jobType];
    const count = async (status: string) =>
      (await sql<{ n: number }>(`select n from user_headcount where municipality_id = ? and job_type = ? and status = ? and stop_date is null`, [...key, status]))[0]?.n;
    const [active, locked] = [await count('ACTIVE'), await count('LOCKED')];

    const ends = await crossing(
      [`select n from user_headcount where municipality_id = $1 and job_type = $2 and status = 'ACTIVE' and stop_date is null for update`, key],
      [`update app_user set status = 'LOCKED' where id = $1`, [going.user.id]],
      [`update app_user set status = 'ACTIVE' where id = $1`, [coming.user.id]],
    );
    expect(reasons(ends)).toEqual(['ok', 'ok']);
    expect([await count('ACTIVE'), await count('LOCKED')]).toEqual([active, locked]);
    expect((await sql<{ status: string }>(`select status from app_user where id in (?, ?) order by status`, [going.user.id, coming.user.id])).map((r) => r.status)).toEqual([
      UserStatus.ACTIVE,
      UserStatus.LOCKED,
    ]);
  });

  it('a room going to closing while another comes back to active (same municipality): both commit, counts right', async () => {
    const room = () => buildRoom(orm.em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [] });
    const [going, coming] = [await room(), await room()];
    await sql(`update room set status = 'CLOSING' where id = ?`, [coming.id]);
    const count = async (status: string) => (await sql<{ n: number }>(`select n from room_count where municipality_id = ? and status = ?`, [world.city.id, status]))[0]?.n;
    const before = [await count('ACTIVE'), await count('CLOSING')];

    const ends = await crossing(
      [`select n from room_count where municipality_id = $1 and status = 'ACTIVE' for update`, [world.city.id]],
      [`update room set status = 'CLOSING' where id = $1`, [going.id]],
      [`update room set status = 'ACTIVE' where id = $1`, [coming.id]],
    );
    expect(reasons(ends)).toEqual(['ok', 'ok']);
    expect([await count('ACTIVE'), await count('CLOSING')]).toEqual(before);
  });

  it('an office stopped while another comes back (same municipality and kind): both commit, counts right', async () => {
    const [going, coming] = [world.office.id, world.otherOffice.id];
    await sql(`update office set kind = 'SERVICE' where id in (?, ?)`, [going, coming]);
    await sql(`update office set status = 'INACTIVE' where id = ?`, [coming]);
    const count = async (status: string) => (await sql<{ n: number }>(`select n from office_count where municipality_id = ? and kind = 'SERVICE' and status = ?`, [world.city.id, status]))[0]?.n;
    const before = [await count('ACTIVE'), await count('INACTIVE')];

    const ends = await crossing(
      [`select n from office_count where municipality_id = $1 and kind = 'SERVICE' and status = 'ACTIVE' for update`, [world.city.id]],
      [`update office set status = 'INACTIVE' where id = $1`, [going]],
      [`update office set status = 'ACTIVE' where id = $1`, [coming]],
    );
    expect(reasons(ends)).toEqual(['ok', 'ok']);
    expect([await count('ACTIVE'), await count('INACTIVE')]).toEqual(before);
    await sql(`update office set status = 'ACTIVE' where id in (?, ?)`, [going, coming]);
  });

  it('two rooms whose months cross, and a closing that leaves the opening month unlocked', async () => {
    const em = orm.em.fork();
    const room = () => buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [] });
    const [early, late] = [await room(), await room()];
    await sql(`update room set created_at = '2025-01-10T00:00:00Z' where id = ?`, [early.id]);
    await sql(`update room set created_at = '2025-02-10T00:00:00Z' where id = ?`, [late.id]);
    const opened = async () =>
      (
        await sql<{ month: string; opened: number }>(`select month::text, opened from room_month_count where municipality_id = ? and month in ('2025-01-01', '2025-02-01') order by 1`, [world.city.id])
      ).map((r) => [r.month, r.opened]);
    expect(await opened()).toEqual([
      ['2025-01-01', 1],
      ['2025-02-01', 1],
    ]);
    const january: Statement = [`select opened from room_month_count where municipality_id = $1 and month = '2025-01-01' for update`, [world.city.id]];

    const ends = await crossing(
      january,
      [`update room set created_at = '2025-02-11T00:00:00Z' where id = $1`, [early.id]],
      [`update room set created_at = '2025-01-11T00:00:00Z' where id = $1`, [late.id]],
    );
    expect(reasons(ends)).toEqual(['ok', 'ok']);
    expect(await opened()).toEqual([
      ['2025-01-01', 1],
      ['2025-02-01', 1],
    ]);

    // closing the room opened in January touches this month's row only, while January's is held
    const [c, closer] = await Promise.all([session(), session()]);
    try {
      await c.query('begin');
      await c.query(...january);
      await closer.query(`set lock_timeout = '1s'`);
      await closer.query(`update room set status = 'CLOSED', closed_at = now() where id = $1`, [late.id]);
      await c.query('commit');
    } finally {
      await Promise.all([c.end(), closer.end()]);
    }
    expect(await opened()).toEqual([
      ['2025-01-01', 1],
      ['2025-02-01', 1],
    ]);
    const [{ closed }] = await sql<{ closed: number }>(`select closed from room_month_count where municipality_id = ? and month = date_trunc('month', now() at time zone 'Asia/Tokyo')::date`, [
      world.city.id,
    ]);
    expect(closed).toBeGreaterThanOrEqual(1);
  });

  it('two posts whose months cross (same office): both commit, counts right', async () => {
    const em = orm.em.fork();
    const author = world.users.otherOfficeStaff.user;
    const room = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.otherOffice, coveredOffices: [world.otherOffice], members: [{ user: author }] });
    const [early, late] = [await buildPost(em.fork(), room, author), await buildPost(em.fork(), room, author)];
    await sql(`update post set created_at = '2025-03-10T00:00:00Z' where id = ?`, [early.id]);
    await sql(`update post set created_at = '2025-04-10T00:00:00Z' where id = ?`, [late.id]);
    const posts = async () =>
      (
        await sql<{ month: string; posts: number }>(`select month::text, posts from post_month_count where office_id = ? and month in ('2025-03-01', '2025-04-01') order by 1`, [world.otherOffice.id])
      ).map((r) => [r.month, r.posts]);

    const ends = await crossing(
      [`select posts from post_month_count where office_id = $1 and month = '2025-03-01' for update`, [world.otherOffice.id]],
      [`update post set created_at = '2025-04-11T00:00:00Z' where id = $1`, [early.id]],
      [`update post set created_at = '2025-03-11T00:00:00Z' where id = $1`, [late.id]],
    );
    expect(reasons(ends)).toEqual(['ok', 'ok']);
    expect(await posts()).toEqual([
      ['2025-03-01', 1],
      ['2025-04-01', 1],
    ]);
  });
});
