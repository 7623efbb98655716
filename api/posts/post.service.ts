// The contact notebook and care reports: scoped reads (each logged with the patient), posting by
// members who may, corrections that keep the earlier version, read receipts, closing requests.
import DataLoader from 'dataloader';
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
import { liveOn, readableRoom, roomToRead, writableRoom, type RoomView } from '../rooms/room.access.js';
import type { Selection } from '../common/read-rows.js';
import { people } from '../users/person.js';
import type { JobType } from '../users/user.enums.js';
import { roomPolicy } from '../rooms/room.policy.js';
import { authorize } from '../authz/policy.js';
import { Post, PostAttachment, PostKind, PostRead, PostRevision } from './post.entity.js';
import type { ClosingRequestArgs, PostEditInput, PostInput, PostListArgs } from './post.inputs.js';
import type { Vitals } from './vitals.js';

/** Read receipts per post: how many others than the author read it, and whether the viewer has. Batched per request. */
export const readCounts = (ctx: Context) =>
  perRequest(
    ctx,
    'readCounts',
    () =>
      new DataLoader<string, number>(async (postIds) => {
        const rows = await ctx.em
          .getConnection()
          .execute<{ post_id: string; n: number }[]>(
            `select r.post_id, count(*)::int as n from post_read r join post p on p.id = r.post_id where r.post_id in (?) and r.user_id <> p.author_id group by r.post_id`,
            [postIds as string[]],
          );
        const by = new Map(rows.map((r) => [r.post_id, r.n]));
        return postIds.map((id) => by.get(id) ?? 0);
      }),
  );

export type RevisionView = Pick<PostRevision, 'id' | 'title' | 'body' | 'vitals' | 'replacedAt'>;

const revisionsByPost = (ctx: Context) =>
  perRequest(
    ctx,
    'revisionsByPost',
    () =>
      new DataLoader<string, RevisionView[]>(async (postIds) => {
        const rows = await ctx.em
          .getConnection()
          .execute<(Omit<RevisionView, 'replacedAt'> & { postId: string; replacedAt: string })[]>(
            `select id, post_id as "postId", title, body, vitals, to_json(replaced_at) as "replacedAt" from post_revision where post_id in (?) order by replaced_at, id`,
            [postIds as string[]],
            'all',
            ctx.em.getTransactionContext(),
          );
        const byPost = new Map<string, RevisionView[]>();
        for (const { postId, replacedAt, ...r } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), { ...r, replacedAt: new Date(replacedAt) }]);
        return postIds.map((id) => byPost.get(id) ?? []);
      }),
  );

const readersByPost = (ctx: Context) =>
  perRequest(
    ctx,
    'readersByPost',
    () =>
      new DataLoader<string, { userId: string; readAt: Date }[]>(async (postIds) => {
        const rows = await ctx.em
          .getConnection()
          .execute<{ postId: string; userId: string; readAt: string }[]>(
            `select post_id as "postId", user_id as "userId", to_json(read_at) as "readAt" from post_read where post_id in (?) order by read_at, id`,
            [postIds as string[]],
            'all',
            ctx.em.getTransactionContext(),
          );
        const byPost = new Map<string, { userId: string; readAt: Date }[]>();
        for (const r of rows) byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), { userId: r.userId, readAt: new Date(r.readAt) }]);
        return postIds.map((id) => byPost.get(id) ?? []);
      }),
  );

export const readByViewer = (ctx: Context) =>
  perRequest(
    ctx,
    'readByViewer',
    () =>
      new DataLoader<string, boolean>(async (postIds) => {
        const rows = await ctx.em.getConnection().execute<{ post_id: string }[]>(`select post_id from post_read where user_id = ? and post_id in (?)`, [ctx.viewer!.id, postIds as string[]]);
        const read = new Set(rows.map((r) => r.post_id));
        return postIds.map((id) => read.has(id));
      }),
  );

/** A post's attachment as reads show it: StoredFile's fields without the bytes. */
export type AttachmentView = Pick<PostAttachment, 'id' | 'filename' | 'contentType' | 'size' | 'sha256' | 'createdAt'>;

export const postAttachments = (ctx: Context) =>
  perRequest(
    ctx,
    'postAttachments',
    () =>
      new DataLoader<string, AttachmentView[]>(async (postIds) => {
        const rows = await ctx.em.getConnection().execute<(Omit<AttachmentView, 'createdAt'> & { postId: string; createdAt: string })[]>(
          `select id, post_id as "postId", filename, content_type as "contentType", size, sha256, to_json(created_at) as "createdAt"
           from post_attachment where post_id in (?) order by created_at, id`,
          [postIds as string[]],
          'all',
          ctx.em.getTransactionContext(),
        );
        const byPost = new Map<string, AttachmentView[]>();
        for (const { postId, createdAt, ...a } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), { ...a, createdAt: new Date(createdAt) }]);
        return postIds.map((id) => byPost.get(id) ?? []);
      }),
  );

/**
 * A post as reads show it: the selected columns of Post as a plain row, its author and room as ids
 * shaped like the entity's references (so PostResolver's fields serve rows and entities alike).
 */
export type PostView = Partial<Pick<Post, 'createdAt' | 'updatedAt' | 'version' | 'kind' | 'title' | 'body' | 'vitals' | 'closingReason' | 'editedAt'>> & {
  id: string;
  author: { id: string };
  room: { id: string };
};

/** Post's columns by GraphQL field (to_json: timestamps as ISO text, revived below). */
const postColumns: Record<string, string> = {
  createdAt: 'to_json(p.created_at)',
  updatedAt: 'to_json(p.updated_at)',
  version: 'p.version',
  kind: 'p.kind',
  title: 'p.title',
  body: 'p.body',
  vitals: 'p.vitals',
  closingReason: 'p.closing_reason',
  editedAt: 'to_json(p.edited_at)',
};
const timestamps = ['createdAt', 'updatedAt', 'editedAt'] as const;

/**
 * Posts of one room as plain rows, one statement: the selected columns; the author's summary,
 * the read count and the viewer's receipt when selected, primed into the loaders their field
 * resolvers use (so those resolvers run no statement of their own); with `page`, the page and its
 * total. The page is cut first and only its rows are joined, so a deep page (offset 2,000) does
 * not look up 2,000 authors; the total is a count of its own in the same statement (computed once,
 * from the index), not count(*) over (), which would carry every matching post through a window.
 * `where` takes the posts' alias: the page and the count filter alike.
 */
async function readPosts(
  ctx: Context,
  roomId: string,
  selection: Selection,
  q: { where: ((p: string) => string)[]; params: unknown[]; order: string; page?: { limit: number; offset: number }; limit?: number },
) {
  const wanted = new Set<string>([...selection.keys(), ...(selection.has('revisions') ? ['editedAt'] : [])]);
  const columns = Object.entries(postColumns)
    .filter(([field]) => wanted.has(field))
    .map(([field, sql]) => `, ${sql} as "${field}"`);
  const filters = (p: string) => `${p}.room_id = ? ${q.where.map((w) => `and ${w(p)}`).join(' ')}`;
  const author = selection.has('author');
  const outer = [
    ...(q.page ? [`(select count(*) from post c where ${filters('c')}) as "total"`] : []),
    ...(author ? [`u.name as "authorName", u.name_kana as "authorNameKana", u.job_type as "authorJobType", o.id as "authorOfficeId", o.name as "authorOfficeName"`] : []),
    ...(selection.has('readCount') ? [`(select count(*)::int from post_read r where r.post_id = page.id and r.user_id <> page."authorId") as "readCount"`] : []),
    ...(selection.has('readByMe') ? [`exists (select 1 from post_read r where r.post_id = page.id and r.user_id = ?) as "readByMe"`] : []),
  ];
  const params = [roomId, ...q.params, ...(q.page ? [q.page.limit, q.page.offset, roomId, ...q.params] : q.limit ? [q.limit] : []), ...(selection.has('readByMe') ? [ctx.viewer!.id] : [])];
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
    `with page as (
       select p.id, p.author_id as "authorId", p.created_at as sort_at ${columns.join('')}
         from post p where ${filters('p')}
        order by p.created_at ${q.order}, p.id ${q.order} ${q.page ? 'limit ? offset ?' : q.limit ? 'limit ?' : ''}
     )
     select page.* ${outer.map((c) => `, ${c}`).join('')}
       from page ${author ? 'join app_user u on u.id = page."authorId" left join office o on o.id = u.office_id' : ''}
      order by page.sort_at ${q.order}, page.id ${q.order}`,
    params,
    'all',
    ctx.em.getTransactionContext(),
  );
  const persons = people(ctx);
  const counts = readCounts(ctx);
  const receipts = readByViewer(ctx);
  const items = rows.map((r) => {
    const post: Record<string, unknown> = { id: r.id, author: { id: r.authorId }, room: { id: roomId } };
    for (const field of Object.keys(postColumns)) if (field in r) post[field] = r[field];
    for (const field of timestamps) if (typeof post[field] === 'string') post[field] = new Date(post[field] as string);
    if (author)
      persons.prime(r.authorId as string, {
        id: r.authorId as string,
        name: r.authorName as string,
        nameKana: r.authorNameKana as string,
        jobType: r.authorJobType as JobType,
        officeId: r.authorOfficeId as string | null,
        officeName: r.authorOfficeName as string | null,
      });
    if ('readCount' in r) counts.prime(r.id as string, r.readCount as number);
    if ('readByMe' in r) receipts.prime(r.id as string, r.readByMe as boolean);
    return post as PostView;
  });
  return { items, total: rows.length ? Number(rows[0].total) : null };
}

const hasVitals = (v: Vitals | null | undefined) => !!v && Object.values(v).some((x) => x !== null && x !== undefined);

function contentChecks(room: Room, kind: PostKind, title: string | null, vitals: Vitals | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (kind === PostKind.CARE_REPORT && (!title || !room.careReportTitles.includes(title))) errors.push({ field: 'title', code: 'NOT_A_TITLE' });
  if (kind !== PostKind.CARE_REPORT && title) errors.push({ field: 'title', code: 'NOT_ALLOWED_FOR_KIND' });
  if (kind !== PostKind.CARE_REPORT && hasVitals(vitals)) errors.push({ field: 'vitals', code: 'NOT_ALLOWED_FOR_KIND' });
  return errors;
}

export class PostService extends AreaService {
  async list({ roomId, filter, sort, page }: PostListArgs, selection: Selection = new Map()): Promise<{ items: PostView[]; total: number }> {
    const { room } = await roomToRead(this.em, this.viewer, roomId);
    const where: ((p: string) => string)[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (filter?.kind) add((p) => `${p}.kind = ?`, filter.kind);
    if (filter?.title) add((p) => `${p}.title = ?`, filter.title);
    if (filter?.authorId) add((p) => `${p}.author_id = ?`, filter.authorId);
    if (filter?.q?.trim()) add((p) => `(${p}.body ilike ? or ${p}.title ilike ?)`, containsPattern(filter.q), containsPattern(filter.q));
    const { limit, offset } = findOptions(page, undefined, {});
    const order = (sort ?? { order: SortOrder.DESC }).order === SortOrder.DESC ? 'desc' : 'asc';
    const read = await readPosts(this.ctx, room.id, selection, { where, params, order, page: { limit, offset } });
    // a page past the end has no row to carry the total
    const total = read.total ?? (offset > 0 ? await this.countPosts(room.id, where, params) : 0);
    await this.auditRead('post.list', room, { postIds: read.items.map((p) => p.id), filter: filter ?? null });
    return { items: read.items, total };
  }

  /** Vitals of the room's care reports, oldest first, for the chart. */
  async vitals(roomId: string, selection: Selection = new Map()): Promise<PostView[]> {
    const { room } = await roomToRead(this.em, this.viewer, roomId);
    await this.auditRead('vitals.read', room, {});
    return (await readPosts(this.ctx, room.id, selection, { where: [(p) => `${p}.kind = ?`, (p) => `${p}.vitals is not null`], params: [PostKind.CARE_REPORT], order: 'asc', limit: 1000 })).items;
  }

  private async countPosts(roomId: string, where: ((p: string) => string)[], params: unknown[]): Promise<number> {
    const [row] = await this.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from post p where p.room_id = ? ${where.map((w) => `and ${w('p')}`).join(' ')}`, [roomId, ...params]);
    return row.n;
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

  /** Earlier versions, oldest first (one statement for all the posts of a request). */
  revisions(post: Pick<Post, 'id'>): Promise<RevisionView[]> {
    return revisionsByPost(this.ctx).load(post.id);
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

  /** 既読 of a post: who read it and when, oldest first (one statement for all the posts of a request). */
  async readers(post: Pick<Post, 'id'> & { room: { id: string } }): Promise<{ userId: string; readAt: Date }[]> {
    await roomToRead(this.em, this.viewer, post.room.id);
    return readersByPost(this.ctx).load(post.id);
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
    const due = await membersToNotify(
      this.em,
      room.id,
      users.map((u) => u.id),
      this.ctx.config.postNoticeMinutes,
    );
    const notice = newPostNotice(room.id, this.ctx.config.publicUrl);
    for (const u of users.filter((u) => due.has(u.id))) enqueueMail(this.em, { ...notice, to: u.email!, municipalityId: room.municipality.id });
  }

  private auditRead(action: string, room: RoomView, detail: Record<string, unknown>) {
    return this.ctx.audit.logRead({ action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id, detail });
  }

  private auditChange(action: string, room: Room, detail: Record<string, unknown>) {
    this.ctx.audit.record({ action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id, detail });
  }
}
