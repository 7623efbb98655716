// The contact notebook and care reports: scoped reads (each logged with the patient), posting by
// members who may, corrections that keep the earlier version, read receipts, closing requests.
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { AreaService } from '../common/area-service.js';
import { assertValid, forbidden, notFound, type FieldError } from '../common/errors.js';
import { checkVersion } from '../common/entity-errors.js';
import { findOptions, SortOrder } from '../common/list.js';
import { containsPattern } from '../common/search.js';
import { perRequest } from '../common/per-request.js';
import { claimUploads } from '../uploads/upload.service.js';
import { ApplicationService } from '../applications/application.service.js';
import { enqueueMail } from '../mail/outbox.js';
import { newPostNotice } from '../mail/templates.js';
import { membersToNotify } from '../mail/post-notices.js';
import { User } from '../users/user.entity.js';
import { UserStatus } from '../users/user.enums.js';
import { Room, RoomMember } from '../rooms/room.entity.js';
import { RoomStatus } from '../rooms/room.enums.js';
import { liveOn, readableRoom, writableRoom } from '../rooms/room.access.js';
import { roomPolicy } from '../rooms/room.policy.js';
import { authorize } from '../authz/policy.js';
import { Post, PostAttachment, PostKind, PostRead, PostRevision } from './post.entity.js';
import type { ClosingRequestArgs, PostEditInput, PostInput, PostListArgs } from './post.inputs.js';
import type { Vitals } from './vitals.js';

/** Read receipts per post: how many others than the author read it, and whether the viewer has. Batched per request. */
export const readCounts = (ctx: Context) =>
  perRequest(ctx, 'readCounts', () =>
    new DataLoader<string, number>(async (postIds) => {
      const rows = await ctx.em.getConnection().execute<{ post_id: string; n: number }[]>(
        `select r.post_id, count(*)::int as n from post_read r join post p on p.id = r.post_id where r.post_id in (?) and r.user_id <> p.author_id group by r.post_id`,
        [postIds as string[]],
      );
      const by = new Map(rows.map((r) => [r.post_id, r.n]));
      return postIds.map((id) => by.get(id) ?? 0);
    }),
  );

export const readByViewer = (ctx: Context) =>
  perRequest(ctx, 'readByViewer', () =>
    new DataLoader<string, boolean>(async (postIds) => {
      const rows = await ctx.em.getConnection().execute<{ post_id: string }[]>(`select post_id from post_read where user_id = ? and post_id in (?)`, [ctx.viewer!.id, postIds as string[]]);
      const read = new Set(rows.map((r) => r.post_id));
      return postIds.map((id) => read.has(id));
    }),
  );

export const postAttachments = (ctx: Context) =>
  perRequest(ctx, 'postAttachments', () =>
    new DataLoader<string, PostAttachment[]>(async (postIds) => {
      const rows = await ctx.em.find(PostAttachment, { post: { $in: postIds as string[] } }, { orderBy: { createdAt: 'asc' } });
      return postIds.map((id) => rows.filter((a) => a.post.id === id));
    }),
  );

const hasVitals = (v: Vitals | null | undefined) => !!v && Object.values(v).some((x) => x !== null && x !== undefined);

function contentChecks(room: Room, kind: PostKind, title: string | null, vitals: Vitals | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (kind === PostKind.CARE_REPORT && (!title || !room.careReportTitles.includes(title))) errors.push({ field: 'title', code: 'NOT_A_TITLE' });
  if (kind !== PostKind.CARE_REPORT && title) errors.push({ field: 'title', code: 'NOT_ALLOWED_FOR_KIND' });
  if (kind !== PostKind.CARE_REPORT && hasVitals(vitals)) errors.push({ field: 'vitals', code: 'NOT_ALLOWED_FOR_KIND' });
  return errors;
}

export class PostService extends AreaService {
  async list({ roomId, filter, sort, page }: PostListArgs): Promise<{ items: Post[]; total: number }> {
    const { room } = await readableRoom(this.em, this.viewer, roomId);
    const where: FilterQuery<Post>[] = [{ room }];
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.title) where.push({ title: filter.title });
    if (filter?.authorId) where.push({ author: filter.authorId });
    if (filter?.q?.trim()) where.push({ $or: [{ body: { $ilike: containsPattern(filter.q) } }, { title: { $ilike: containsPattern(filter.q) } }] });
    const [items, total] = await this.em.findAndCount(Post, { $and: where }, findOptions(page, sort ?? { field: 'createdAt', order: SortOrder.DESC }, { createdAt: 'createdAt' }));
    await this.auditRead('post.list', room, { postIds: items.map((p) => p.id), filter: filter ?? null });
    return { items, total };
  }

  /** Vitals of the room's care reports, oldest first, for the chart. */
  async vitals(roomId: string): Promise<Post[]> {
    const { room } = await readableRoom(this.em, this.viewer, roomId);
    await this.auditRead('vitals.read', room, {});
    return this.em.find(Post, { room, kind: PostKind.CARE_REPORT, vitals: { $ne: null } }, { orderBy: { createdAt: 'asc' }, limit: 1000 });
  }

  async create(roomId: string, input: PostInput): Promise<Post> {
    const { room } = await writableRoom(this.em, this.viewer, roomId);
    if (input.kind === PostKind.CLOSING_REQUEST) assertValid([{ field: 'kind', code: 'INVALID_VALUE' }]); // requestRoomClosing
    const title = input.title?.trim() || null;
    assertValid(contentChecks(room, input.kind, title, input.vitals));
    const files = await claimUploads(this.em, { userId: this.viewer.id }, input.attachments);
    const post = this.em.create(Post, { room, author: this.viewer.id, kind: input.kind, title, body: input.body.trim(), vitals: hasVitals(input.vitals) ? { ...input.vitals } : null });
    for (const f of files) this.em.create(PostAttachment, { post, ...f });
    // the author has read their own post
    this.em.create(PostRead, { post, room, user: this.viewer.id });
    // "recent activity" for room lists; native so that two members posting at once do not collide on the room's version
    await this.em.nativeUpdate(Room, { id: room.id }, { updatedAt: new Date() });
    this.auditChange('post.create', room, { postId: post.id, kind: post.kind, attachments: files.length });
    await this.noticeToMembers(room);
    await this.em.flush();
    return post;
  }

  /** The author corrects their own post; the earlier version is kept. */
  async edit(postId: string, version: number, input: PostEditInput): Promise<Post> {
    const post = await this.em.findOne(Post, { id: postId });
    if (!post) throw notFound();
    const { room } = await writableRoom(this.em, this.viewer, post.room.id);
    authorize(roomPolicy.editPost(this.viewer, { authorId: post.author.id })); // nobody edits another's post
    if (post.kind === PostKind.CLOSING_REQUEST) throw forbidden();
    await checkVersion(this.em, post, version);
    const title = input.title?.trim() || null;
    assertValid(contentChecks(room, post.kind, title, input.vitals));
    this.em.create(PostRevision, { post, title: post.title ?? null, body: post.body, vitals: (post.vitals as Record<string, unknown> | null) ?? null });
    post.title = title;
    post.body = input.body.trim();
    post.vitals = hasVitals(input.vitals) ? { ...input.vitals } : null;
    post.editedAt = new Date();
    this.auditChange('post.edit', room, { postId: post.id });
    await this.em.flush();
    return post;
  }

  async revisions(post: Post): Promise<PostRevision[]> {
    return this.em.find(PostRevision, { post }, { orderBy: { replacedAt: 'asc' } });
  }

  /** 既読: marks posts of a room as read by the viewer (members only; the city reads without receipts). */
  async markRead(roomId: string, postIds: string[] | null | undefined): Promise<number> {
    const { room, membership } = await readableRoom(this.em, this.viewer, roomId);
    if (!roomPolicy.leavesReadReceipts(this.viewer, { membership }) || postIds?.length === 0) return 0;
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into post_read (id, post_id, room_id, user_id, read_at)
         select gen_random_uuid(), p.id, p.room_id, ?, now() from post p
          where p.room_id = ? ${postIds ? 'and p.id in (?)' : ''}
       on conflict (post_id, user_id) do nothing returning id`,
      postIds ? [this.viewer.id, room.id, postIds] : [this.viewer.id, room.id],
    );
    return rows.length;
  }

  async readers(post: Post): Promise<{ userId: string; readAt: Date }[]> {
    await readableRoom(this.em, this.viewer, post.room.id);
    const reads = await this.em.find(PostRead, { post }, { orderBy: { readAt: 'asc' } });
    return reads.map((r) => ({ userId: r.user.id, readAt: r.readAt }));
  }

  /** A member asks to end the room: a post in the notebook and an item in the city's queue. */
  async requestClosing({ roomId, reason, body }: ClosingRequestArgs): Promise<Post> {
    const { room } = await writableRoom(this.em, this.viewer, roomId);
    if (room.status !== RoomStatus.ACTIVE) assertValid([{ field: 'roomId', code: 'INVALID_VALUE' }]); // one request at a time
    const post = this.em.create(Post, { room, author: this.viewer.id, kind: PostKind.CLOSING_REQUEST, body: body.trim(), closingReason: reason });
    this.em.create(PostRead, { post, room, user: this.viewer.id });
    this.auditChange('post.create', room, { postId: post.id, kind: post.kind, reason });
    await new ApplicationService(this.ctx).fileClosingRequest(room, post.id, reason);
    await this.noticeToMembers(room);
    await this.em.flush();
    return post;
  }

  /**
   * "There is something new", to the other live members; never the content. Grouped: a member
   * already told about this room within POST_NOTICE_MINUTES gets no second mail.
   */
  private async noticeToMembers(room: Room): Promise<void> {
    const members = await this.em.find(RoomMember, { room, ...liveOn(), user: { $ne: this.viewer.id } }, { fields: ['user'] });
    if (!members.length) return;
    const users = await this.em.find(User, { id: { $in: members.map((m) => m.user.id) }, status: UserStatus.ACTIVE, email: { $ne: null } }, { fields: ['email'] });
    const due = await membersToNotify(this.em, room.id, users.map((u) => u.id), this.ctx.config.postNoticeMinutes);
    const notice = newPostNotice(room.id, this.ctx.config.publicUrl);
    for (const u of users.filter((u) => due.has(u.id))) enqueueMail(this.em, { ...notice, to: u.email!, municipalityId: room.municipality.id });
  }

  private auditRead(action: string, room: Room, detail: Record<string, unknown>) {
    return this.ctx.audit.logRead({ action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id, detail });
  }

  private auditChange(action: string, room: Room, detail: Record<string, unknown>) {
    this.ctx.audit.record({ action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id, detail });
  }
}
