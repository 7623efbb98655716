// Which members get a "there are new posts" mail now: the other live members with an address who
// were not told about this room within the interval. The statement that claims their slots also
// queues their mails, so two posts at once cannot both mail the same member, and a post costs no
// extra round trip for its notices.
import type { EntityManager } from '@mikro-orm/postgresql';
import { liveSql, liveSqlParams } from '../rooms/room.access.js';
import { UserStatus } from '../users/user.enums.js';
import { enqueueMailSql } from './outbox.js';
import { newPostNotice } from './templates.js';

export interface PostNoticeArgs {
  roomId: string;
  municipalityId: string;
  /** the author: never told of their own post */
  authorId: string;
  intervalMinutes: number;
  publicUrl: string;
  /** the application's clock (the demo replays a past month with it) */
  now: Date;
  /** a CTE of the same statement that has a row only if the post was written */
  written: string;
}

/**
 * CTEs (`notice_members`, `notice_due`, `notice_mail`) for the statement that writes a post: the
 * post_notice upsert that claims each member's slot, and for each claimed slot the outbox row
 * enqueueMail would write for newPostNotice.
 */
export function postNoticeCtes(em: EntityManager, a: PostNoticeArgs): { sql: string; params: unknown[] } {
  const mail = enqueueMailSql(
    em,
    { ...newPostNotice(a.roomId, a.publicUrl), municipalityId: a.municipalityId },
    'm.email',
    { sql: 'notice_due d join notice_members m on m.id = d.user_id', params: [] },
    a.now,
  );
  return {
    sql: `notice_members as (
       select u.id, u.email from room_member m join app_user u on u.id = m.user_id
        where m.room_id = ? and ${liveSql('m')} and m.user_id <> ? and u.status = ? and u.email is not null and exists (select 1 from ${a.written})),
     notice_due as (
       insert into post_notice (room_id, user_id, noticed_at) select ?, id, ?::timestamptz from notice_members
       on conflict (room_id, user_id) do update set noticed_at = excluded.noticed_at
         where post_notice.noticed_at <= excluded.noticed_at - make_interval(mins => ?)
       returning user_id),
     notice_mail as (${mail.sql})`,
    params: [a.roomId, ...liveSqlParams(), a.authorId, UserStatus.ACTIVE, a.roomId, a.now, a.intervalMinutes, ...mail.params],
  };
}
