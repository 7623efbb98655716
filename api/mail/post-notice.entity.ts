import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * When a member was last told by mail that a room has new posts. New-post notices are grouped:
 * at most one mail per room per member per interval (POST_NOTICE_MINUTES), so a busy day in a
 * room is one mail, not twenty. Written by an upsert that claims the member's slot atomically
 * (api/mail/post-notices.ts); never read through the ORM.
 */
@Entity({ tableName: 'post_notice' })
export class PostNotice {
  @PrimaryKey({ type: 'uuid' })
  roomId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'timestamptz' })
  noticedAt!: Date;
}
