// The migrations that add the kept counts (Migration20261201023945: home's, Migration20261201044943:
// the applications report's, Migration20261201050637 and Migration20261201090002: the activity report's;
// Migration20261201090001: their update triggers in key order; Migration20261201142133: the durations by
// whole day; Migration20261202110001: the rooms by status, for the rooms list's total) on a database that already holds
// accounts, rooms, posts and applications, as an upgrade meets them (down, then up again): their backfill counts every existing row, and an application's first
// submission is taken from its history, not from submitted_at (which a correction moved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/db.js';
import { buildApplication, buildPost, buildRoom, buildWorld } from '../helpers/factories.js';
import { ApplicationState } from '../../api/applications/application.enums.js';
import { SecretBox } from '../../api/auth/secret-box.js';

let orm: MikroORM;
const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(q, params);
const KEPT = [
  'Migration20261202110001',
  'Migration20261201142133',
  'Migration20261201090002',
  'Migration20261201090001',
  'Migration20261201050637',
  'Migration20261201044943',
  'Migration20261201023945',
]; // newest first (090001: their update triggers, in key order; 090002: the activity's months; 142133: the durations by day; 20261202110001: the rooms by status)

beforeAll(async () => {
  ({ orm } = await createTestDatabase());
});
afterAll(() => orm.close(true));

describe('the kept counts on an existing database', () => {
  it('their migrations count the rows already there, and date each application from its first submission', async () => {
    const em = orm.em.fork();
    const world = await buildWorld(em, new SecretBox('test-secret-key-test-secret-key-0123456789'));
    const room = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    for (let i = 0; i < 3; i++) await buildPost(em.fork(), room, world.users.staff.user);
    // an application returned and corrected: submitted on day 0, resubmitted on day 3, forwarded on day 4
    const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user, state: ApplicationState.FORWARDED });
    const day = (d: number) => new Date(Date.parse('2026-09-01T00:00:00Z') + d * 86_400_000);
    for (const [action, d] of [
      ['SUBMIT', 0],
      ['RETURN', 1],
      ['RESUBMIT', 3],
      ['FORWARD', 4],
    ] as const) {
      await sql(`insert into application_event (id, application_id, action, to_state, actor_name, at) values (gen_random_uuid(), ?, ?, 'SUBMITTED', 'テスト', ?)`, [app.id, action, day(d)]);
    }
    await sql(`update application set submitted_at = ?, forwarded_at = ? where id = ?`, [day(3), day(4), app.id]);
    // one more with no history (typed in before histories were kept): its submitted_at stands
    const bare = await buildApplication(em.fork(), { office: world.otherOffice, state: ApplicationState.COMPLETED });
    await sql(`update application set submitted_at = ?, completed_at = ? where id = ?`, [day(10), day(12.5), bare.id]);

    const migrator = orm.getMigrator();
    await migrator.down({ migrations: KEPT });
    expect(await sql(`select to_regclass('user_headcount')::text as a, to_regclass('application_count')::text as b`)).toEqual([{ a: null, b: null }]);
    await migrator.up({ migrations: [...KEPT].reverse() });

    const [first] = await sql(`select first_submitted_at from application where id = ?`, [app.id]);
    expect(new Date(first.first_submitted_at as string)).toEqual(day(0));
    expect(await sql(`select first_submitted_at = submitted_at as same from application where id = ?`, [bare.id])).toEqual([{ same: true }]);

    const pairs = [
      [
        `select municipality_id, job_type, status, (case when status = 'ACTIVE' then stop_date end)::text as stop_date, count(*)::int as n from app_user group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
        `select municipality_id, job_type, status, stop_date::text, n from user_headcount where n <> 0 order by 1, 2, 3, 4`,
      ],
      [
        `select municipality_id, date_trunc('month', created_at at time zone 'Asia/Tokyo')::date::text as month, count(*)::int as opened from room group by 1, 2 order by 1, 2`,
        `select municipality_id, month::text, opened from room_month_count where opened <> 0 order by 1, 2`,
      ],
      [
        `select r.municipality_id, date_trunc('month', p.created_at at time zone 'Asia/Tokyo')::date::text as month, count(*)::int as posts from post p join room r on r.id = p.room_id group by 1, 2 order by 1, 2`,
        `select municipality_id, month::text, posts from post_month_total where posts <> 0 order by 1, 2`,
      ],
      [`select municipality_id, status, count(*)::int as n from room group by 1, 2 order by 1, 2`, `select municipality_id, status, n from room_count where n <> 0 order by 1, 2`],
      [
        `select municipality_id, kind, status, count(*)::int as n from office group by 1, 2, 3 order by 1, 2, 3`,
        `select municipality_id, kind, status, n from office_count where n <> 0 order by 1, 2, 3`,
      ],
      [
        `select municipality_id, type, state, count(*)::int as n from application group by 1, 2, 3 order by 1, 2, 3`,
        `select municipality_id, type, state, n from application_count where n <> 0 order by 1, 2, 3`,
      ],
    ] as const;
    for (const [rows, kept] of pairs) {
      const counted = await sql(rows);
      expect(counted.length, rows).toBeGreaterThan(0);
      expect(await sql(kept), kept).toEqual(counted);
    }
    // the corrected application took 4 days to forward (from day 0, not day 3); the other 2.5 to complete
    expect(await sql(`select type, step, tenths, n from application_step_count where n <> 0 order by step desc`)).toEqual([
      { type: 'STAFF_ADDITION', step: 'FORWARD', tenths: 40, n: 1 },
      { type: 'STAFF_ADDITION', step: 'COMPLETE', tenths: 25, n: 1 },
    ]);
    expect(await sql(`select type, step, days, n from application_step_day_count where n <> 0 order by step desc`)).toEqual([
      { type: 'STAFF_ADDITION', step: 'FORWARD', days: 4, n: 1 },
      { type: 'STAFF_ADDITION', step: 'COMPLETE', days: 2, n: 1 },
    ]);
  });
});
