// Which members get a "there are new posts" mail now: those not told about this room within the
// interval. One statement claims the slots, so two posts at once cannot both mail the same member.
import type { EntityManager } from '@mikro-orm/postgresql';

export async function membersToNotify(em: EntityManager, roomId: string, userIds: string[], intervalMinutes: number): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows: { user_id: string }[] = await em.getConnection().execute(
    `insert into post_notice (room_id, user_id, noticed_at)
       select ?, u, ?::timestamptz from unnest(?::uuid[]) as u
     on conflict (room_id, user_id) do update set noticed_at = excluded.noticed_at
       where post_notice.noticed_at <= excluded.noticed_at - make_interval(mins => ?)
     returning user_id`,
    // the application's clock (the demo replays a past month with it); a uuid[] literal, since the
    // query builder would spread a JS array into a list of parameters
    [roomId, new Date(), `{${userIds.join(',')}}`, intervalMinutes],
    'all',
    em.getTransactionContext(),
  );
  return new Set(rows.map((r) => r.user_id));
}
