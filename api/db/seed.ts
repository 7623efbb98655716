// Demo data for a fresh embedded database: 水戸市 and 笠間市, offices of all three kinds, users of
// every role, and a month of work played through the real services (api/db/demo/). Never loaded
// when DATABASE_URL is set.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { SecretBox } from '../auth/secret-box.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { demoTotpAllowed, seedPeople } from './demo/people.js';
import { planRooms } from './demo/rooms.js';
import { planApplications } from './demo/applications.js';
import { DemoCalendar, Timeline } from './demo/timeline.js';
import { World } from './demo/world.js';

export { DEMO_PASSWORD, demoLogins, demoSignInSheet, demoTotpAllowed, assertDemoTotpAllowed, type DemoLogin } from './demo/people.js';

export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Municipality, {})) === 0;
}

/**
 * The cast (two months before today), then the month: rooms and posts, applications, the audit
 * trail and the outbox they leave. Returns how many steps were played.
 */
export async function seedDemoData(orm: MikroORM, config: Config, secrets: SecretBox): Promise<number> {
  if (config.databaseUrl) throw new Error('demo data is for the embedded database only, never with DATABASE_URL');
  const cal = new DemoCalendar();
  const timeline = new Timeline(cal);
  const world = new World();
  timeline.at(cal.day(cal.workdaysAgo(40), '09:00'), null, (t) => seedPeople(t.em, secrets, config, demoTotpAllowed(config)), '127.0.0.1');
  planRooms(timeline, world);
  planApplications(timeline, world);
  await timeline.play(orm, config, secrets);
  return timeline.size;
}
