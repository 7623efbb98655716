// The contact notebook and care reports: scoped reads (each logged with the patient), posting by
// members who may, corrections that keep the earlier version, read receipts, closing requests.
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Context } from '../context.js';
import { AreaService } from '../common/area-service.js';
import { assertValid, conflict, forbidden, notFound, type FieldError } from '../common/errors.js';
import { checkVersion } from '../common/entity-errors.js';
import { findOptions, SortOrder } from '../common/list.js';
import { containsPattern } from '../common/search.js';
import { perRequest } from '../common/per-request.js';
import { claimUploads } from '../uploads/upload.service.js';
import { ApplicationService } from '../applications/application.service.js';
import { postNoticeCtes } from '../mail/post-notices.js';
import type { Room } from '../rooms/room.entity.js';
import { type RoomPermission, RoomStatus } from '../rooms/room.enums.js';
import {
  accessSql,
  accessUnchanged,
  knownRoomAccess,
  membershipDecisionSql,
  roomAccessSource,
  roomToRead,
  roomToWrite,
  writableRoom,
  type RoomView,
  type RoomWriteAccess,
} from '../rooms/room.access.js';
import { pageClause, sqlArray, sqlRows } from '../db/rows.js';
import { rowSql } from '../common/insert-row.js';
import { inTransaction } from '../db/transaction.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import type { AuditEntry } from '../audit/audit.js';
import type { Selection } from '../common/read-rows.js';
import { people, type PersonSummary } from '../users/person.js';
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
        // one prepared statement whatever the page's length (the ids as one array parameter, api/db/rows.ts)
        const rows = await sqlRows<{ post_id: string; n: number }>(
          ctx.em,
          `select r.post_id, count(*)::int as n from post_read r join post p on p.id = r.post_id where r.post_id = any(?::uuid[]) and r.user_id <> p.author_id group by r.post_id`,
          [sqlArray(postIds)],
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
        const rows = await sqlRows<Omit<RevisionView, 'replacedAt'> & { postId: string; replacedAt: string }>(
          ctx.em,
          `select id, post_id as "postId", title, body, vitals, to_json(replaced_at) as "replacedAt" from post_revision where post_id = any(?::uuid[]) order by replaced_at, id`,
          [sqlArray(postIds)],
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
        const rows = await sqlRows<{ postId: string; userId: string; readAt: string }>(
          ctx.em,
          `select post_id as "postId", user_id as "userId", to_json(read_at) as "readAt" from post_read where post_id = any(?::uuid[]) order by read_at, id`,
          [sqlArray(postIds)],
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
        const rows = await sqlRows<{ post_id: string }>(ctx.em, `select post_id from post_read where user_id = ? and post_id = any(?::uuid[])`, [ctx.viewer!.id, sqlArray(postIds)]);
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
        const rows = await sqlRows<Omit<AttachmentView, 'createdAt'> & { postId: string; createdAt: string }>(
          ctx.em,
          `select id, post_id as "postId", filename, content_type as "contentType", size, sha256, to_json(created_at) as "createdAt"
           from post_attachment where post_id = any(?::uuid[]) order by created_at, id`,
          [sqlArray(postIds)],
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
  /**
   * Read with the page (readPosts), so that Post.author, readCount and readByMe answer at once from
   * the row instead of a DataLoader promise each (a page of 20 posts: 60 fewer promises).
   */
  read?: { author?: PersonSummary; readCount?: number; readByMe?: boolean };
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
  /**
   * The read's access-log row, written by the same statement with the ids of the posts it read:
   * naming the room as `entry` when the request already checked access to it, else as the room
   * row of `access` (room.access.ts roomAccessSource), which the statement then checks itself.
   */
  log?: { filter: unknown } & ({ entry: Omit<AuditEntry, 'detail'>; access?: undefined } | { access: { sql: string; params: unknown[] }; entry?: undefined }),
) {
  const wanted = new Set<string>([...selection.keys(), ...(selection.has('revisions') ? ['editedAt'] : [])]);
  const columns = Object.entries(postColumns)
    .filter(([field]) => wanted.has(field))
    .map(([field, sql]) => `, ${sql} as "${field}"`);
  const filters = (p: string) => `${p}.room_id = ? ${q.where.map((w) => `and ${w(p)}`).join(' ')}`;
  const author = selection.has('author');
  const access = log?.access;
  const total = q.page ? `(select count(*) from post c where ${filters('c')}) as "total"` : null;
  const outer = [
    ...(author ? [`u.name as "authorName", u.name_kana as "authorNameKana", u.job_type as "authorJobType", o.id as "authorOfficeId", o.name as "authorOfficeName"`] : []),
    ...(selection.has('readCount') ? [`(select count(*)::int from post_read r where r.post_id = page.id and r.user_id <> page."authorId") as "readCount"`] : []),
    ...(selection.has('readByMe') ? [`exists (select 1 from post_read r where r.post_id = page.id and r.user_id = ?) as "readByMe"`] : []),
  ];
  const [paged, pagedParams] = q.page ? pageClause(q.page.limit, q.page.offset) : q.limit ? pageClause(q.limit, 0) : ['', []];
  const pageParams = [roomId, ...q.params, ...pagedParams];
  const totalParams = q.page ? [roomId, ...q.params] : [];
  const outerParams = selection.has('readByMe') ? [ctx.viewer!.id] : [];
  const detail = log && {
    sql: `jsonb_build_object('postIds', (select coalesce(jsonb_agg(page.id order by page.sort_at ${q.order}, page.id ${q.order}), '[]'::jsonb) from page), 'filter', ?::jsonb)`,
    params: [JSON.stringify(log.filter)],
  };
  const logged = !log ? null : log.access ? ctx.audit.readLogInsert('detail', { action: 'post.list', targetType: 'Room', detail }) : ctx.audit.readLogRowInsert(log.entry, detail!);
  // Past the first page, the posts skipped are walked in the (room_id, created_at, id) index alone
  // and only the page's rows are read from the table (a deferred join): at offset 2,000 the page
  // read 2,020 rows' pages (1.8 ms) where the index walk costs 0.4 ms (the bench's busiest room).
  const order = (a: string) => `order by ${a}.created_at ${q.order}, ${a}.id ${q.order}`;
  const matching = (a: string) => `${filters(a)} ${access ? 'and exists (select 1 from detail)' : ''}`;
  const pageCte = `page as (
       select p.id, p.author_id as "authorId", p.created_at as sort_at ${columns.join('')}
         from post p where ${q.page?.offset ? `p.id in (select k.id from post k where ${matching('k')} ${order('k')} ${paged}) ${order('p')}` : `${matching('p')} ${order('p')} ${paged}`})`;
  const rowsOfPage = (withTotal: boolean) =>
    `select page.* ${[...(withTotal && total ? [total] : []), ...outer].map((c) => `, ${c}`).join('')}
       from page ${author ? 'join app_user u on u.id = page."authorId" left join office o on o.id = u.office_id' : ''}`;
  const loggedCte = logged ? `, logged as (${logged.sql})` : '';
  // Without a known answer for the room, one statement checks access (the room's row, or none),
  // reads the page only if it may, logs the read with the room's patient, and answers the total
  // even for a page past the end; no row at all means NOT_FOUND.
  const [sql, params] = access
    ? [
        `with detail as materialized (${access.sql}), ${pageCte}${loggedCte}
         select d."total", x.* from (select ${total ?? 'null::bigint as "total"'} from detail) d
           left join (${rowsOfPage(false)}) x on true
          order by x.sort_at ${q.order}, x.id ${q.order}`,
        [...access.params, ...pageParams, ...(logged?.params ?? []), ...totalParams, ...outerParams],
      ]
    : [
        `with ${pageCte}${loggedCte}
         ${rowsOfPage(true)}
          order by page.sort_at ${q.order}, page.id ${q.order}`,
        [...pageParams, ...(logged?.params ?? []), ...totalParams, ...outerParams],
      ];
  const found = await sqlRows<Record<string, unknown>>(ctx.em, sql, params).catch((e: unknown) => {
    if (log) ctx.audit.readLogFailed(e); // no page without its log: the whole answer is withheld
    throw e;
  });
  if (access && found.length === 0) throw notFound();
  const rows = access ? found.filter((r) => r.id !== null) : found;
  const persons = people(ctx);
  const counts = readCounts(ctx);
  const receipts = readByViewer(ctx);
  const items = rows.map((r) => {
    const post: Record<string, unknown> = { id: r.id, author: { id: r.authorId }, room: { id: roomId } };
    for (const field of Object.keys(postColumns)) if (field in r) post[field] = r[field];
    for (const field of timestamps) if (typeof post[field] === 'string') post[field] = new Date(post[field] as string);
    const read: NonNullable<PostView['read']> = {};
    if (author) {
      read.author = {
        id: r.authorId as string,
        name: r.authorName as string,
        nameKana: r.authorNameKana as string,
        jobType: r.authorJobType as JobType,
        officeId: r.authorOfficeId as string | null,
        officeName: r.authorOfficeName as string | null,
      };
      persons.prime(r.authorId as string, read.author);
    }
    if ('readCount' in r) {
      read.readCount = r.readCount as number;
      counts.prime(r.id as string, read.readCount);
    }
    if ('readByMe' in r) {
      read.readByMe = r.readByMe as boolean;
      receipts.prime(r.id as string, read.readByMe);
    }
    post.read = read;
    return post as PostView;
  });
  return { items, total: found.length ? Number(found[0].total) : null };
}

const hasVitals = (v: Vitals | null | undefined) => !!v && Object.values(v).some((x) => x !== null && x !== undefined);

function contentChecks(room: Pick<Room, 'careReportTitles'>, kind: PostKind, title: string | null, vitals: Vitals | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (kind === PostKind.CARE_REPORT && (!title || !room.careReportTitles.includes(title))) errors.push({ field: 'title', code: 'NOT_A_TITLE' });
  if (kind !== PostKind.CARE_REPORT && title) errors.push({ field: 'title', code: 'NOT_ALLOWED_FOR_KIND' });
  if (kind !== PostKind.CARE_REPORT && hasVitals(vitals)) errors.push({ field: 'vitals', code: 'NOT_ALLOWED_FOR_KIND' });
  return errors;
}

export class PostService extends AreaService {
  async list({ roomId, filter, sort, page }: PostListArgs, selection: Selection = new Map()): Promise<{ items: PostView[]; total: number }> {
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
    const { limit, offset } = findOptions(page, undefined, []);
    const order = (sort ?? { order: SortOrder.DESC }).order === SortOrder.DESC ? 'desc' : 'asc';
    const q = { where, params, order, page: { limit, offset } };
    // a room page already asked whether the viewer may see the room: the page and its log row
    const known = knownRoomAccess(this.em, this.viewer, roomId);
    if (known) {
      const { room } = await known;
      const read = await readPosts(this.ctx, room.id, selection, q, { entry: this.readLogEntry('post.list', room), filter: filter ?? null });
      // a page past the end has no row to carry the total
      return { items: read.items, total: read.total ?? (offset > 0 ? await this.countPosts(room.id, where, params) : 0) };
    }
    // else the access check, the page, its total and its log row in one statement
    const access = roomAccessSource(this.viewer, roomId);
    if (!access) throw notFound();
    const read = await readPosts(this.ctx, roomId, selection, q, { access, filter: filter ?? null });
    return { items: read.items, total: read.total ?? 0 };
  }

  /** Vitals of the room's care reports, oldest first, for the chart. */
  async vitals(roomId: string, selection: Selection = new Map()): Promise<PostView[]> {
    const { room } = await roomToRead(this.em, this.viewer, roomId);
    await this.auditRead('vitals.read', room, {});
    return (await readPosts(this.ctx, room.id, selection, { where: [(p) => `${p}.kind = ?`, (p) => `${p}.vitals is not null`], params: [PostKind.CARE_REPORT], order: 'asc', limit: 1000 })).items;
  }

  private async countPosts(roomId: string, where: ((p: string) => string)[], params: unknown[]): Promise<number> {
    const [row] = await sqlRows<{ n: number }>(this.em, `select count(*)::int as n from post p where p.room_id = ? ${where.map((w) => `and ${w('p')}`).join(' ')}`, [roomId, ...params]);
    return row.n;
  }

  /**
   * The write the panel sends most, so it is two statements and no unit of work: the room's access
   * row, decided by roomPolicy (roomToWrite), then one statement that writes everything
   * (writePost). The mutation runs outside the default transaction (post.resolver.ts): the write
   * carries accessUnchanged in its WHERE instead. Attachments claim locked uploads and add rows
   * through the unit of work, so a post with attachments opens its own transaction.
   */
  create(roomId: string, input: PostInput): Promise<PostView> {
    return input.attachments?.length ? inTransaction(this.em, () => this.createPost(roomId, input)) : this.createPost(roomId, input);
  }

  private async createPost(roomId: string, input: PostInput): Promise<PostView> {
    const access = await roomToWrite(this.em, this.viewer, roomId);
    const { room } = access;
    if (input.kind === PostKind.CLOSING_REQUEST) assertValid([{ field: 'kind', code: 'INVALID_VALUE' }]); // requestRoomClosing
    const title = input.title?.trim() || null;
    assertValid(contentChecks(room, input.kind, title, input.vitals));
    const files = await claimUploads(this.em, { userId: this.viewer.id }, input.attachments);
    const now = new Date();
    const post = {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      version: 1,
      kind: input.kind,
      title,
      body: input.body.trim(),
      vitals: hasVitals(input.vitals) ? { ...input.vitals } : null,
      closingReason: null,
      editedAt: null,
      author: { id: this.viewer.id },
      room: { id: room.id },
    } satisfies PostView;
    await this.writePost(access, post, files.length);
    for (const f of files) this.em.create(PostAttachment, { post: post.id, ...f }); // flushed when the transaction commits
    return post;
  }

  /**
   * One statement of data-modifying CTEs: the post, the author's read receipt, the room's activity
   * time (native, so two members posting at once do not collide on the room's version), the audit
   * event (the row audit.record() writes) and the members' notices (mail/post-notices.ts). Nothing
   * is written unless what roomToWrite decided on still holds: then CONFLICT.
   */
  private async writePost(access: RoomWriteAccess, post: PostView & { createdAt: Date }, attachments: number): Promise<void> {
    const { room } = access;
    const guard = accessUnchanged(this.viewer, room.id, access);
    const { author, room: _room, ...columns } = post;
    const p = rowSql(this.em, Post, { ...columns, room: room.id, author: author.id });
    const receipt = rowSql(this.em, PostRead, { id: randomUUID(), post: post.id, room: room.id, user: author.id, readAt: post.createdAt });
    const audit = rowSql(this.em, AuditEvent, this.ctx.audit.row(this.changeEntry('post.create', room, { postId: post.id, kind: post.kind, attachments })));
    const notices = postNoticeCtes(this.em, {
      roomId: room.id,
      municipalityId: room.municipality.id,
      authorId: author.id,
      intervalMinutes: this.ctx.config.postNoticeMinutes,
      publicUrl: this.ctx.config.publicUrl,
      now: post.createdAt,
      written: 'written',
    });
    const [row] = await sqlRows<{ n: number }>(
      this.em,
      `with written as (insert into ${p.table} ${p.columns} select ${p.values} where ${guard.sql} returning id),
       receipt as (insert into ${receipt.table} ${receipt.columns} select ${receipt.values} from written),
       activity as (update room set updated_at = ?::timestamptz where id = ? and exists (select 1 from written)),
       audit as (insert into ${audit.table} ${audit.columns} select ${audit.values} from written),
       ${notices.sql}
       select count(*)::int as n from written`,
      [...p.params, ...guard.params, ...receipt.params, post.createdAt, room.id, ...audit.params, ...notices.params],
    );
    if (!row.n) throw conflict();
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

  /**
   * 既読: marks posts of a room as read by the viewer (members only; the city reads without receipts).
   * One statement, outside the default transaction (post.resolver.ts), as it is sent for every page
   * a member opens: the room's access row (accessSql) and the receipts, inserted only where
   * roomPolicy.leavesReadReceipts holds on that row (membershipDecisionSql); the same policy then
   * decides the answer in TypeScript from the row read.
   */
  async markRead(roomId: string, postIds: string[] | null | undefined): Promise<number> {
    if (postIds?.length === 0) {
      await roomToRead(this.em, this.viewer, roomId); // nothing to mark, but NOT_FOUND all the same
      return 0;
    }
    const access = accessSql(this.viewer, roomId);
    if (!access) throw notFound();
    const leaves = membershipDecisionSql(this.viewer, roomPolicy.leavesReadReceipts, 'a');
    // The page's posts are found by id (materialized: at most a page of primary-key lookups),
    // then checked against the room. Left to itself, the prepared statement's generic plan reads the
    // room's (room_id, created_at, id) index whole and filters the ids: 2,500 entries for a busy room.
    const wanted = postIds ? ' wanted as materialized (select id, room_id from post where id = any(?::uuid[])),' : '';
    const [row] = await sqlRows<{ permission: RoomPermission | null; n: number }>(
      this.em,
      `with a as (${access.sql}),${wanted}
       receipts as (
         insert into post_read (id, post_id, room_id, user_id, read_at)
           select gen_random_uuid(), p.id, p.room_id, ?, now() from ${postIds ? 'wanted' : 'post'} p, a
            where ${leaves.sql} and p.room_id = a.id
         on conflict (post_id, user_id) do nothing returning id)
       select a.permission, (select count(*)::int from receipts) as n from a`,
      [...access.params, ...(postIds ? [sqlArray(postIds)] : []), this.viewer.id, ...leaves.params],
    );
    if (!row) throw notFound();
    return roomPolicy.leavesReadReceipts(this.viewer, { membership: row.permission ? { permission: row.permission } : null }) ? row.n : 0;
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
    const { config } = this.ctx;
    const notices = postNoticeCtes(this.em, {
      roomId: room.id,
      municipalityId: room.municipality.id,
      authorId: this.viewer.id,
      intervalMinutes: config.postNoticeMinutes,
      publicUrl: config.publicUrl,
      now: new Date(),
      written: 'written',
    });
    await sqlRows(this.em, `with written as (select 1), ${notices.sql} select 1`, notices.params);
  }

  private readLogEntry(action: string, room: RoomView) {
    return { action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id };
  }

  private auditRead(action: string, room: RoomView, detail: Record<string, unknown>) {
    return this.ctx.audit.logRead({ ...this.readLogEntry(action, room), detail });
  }

  private auditChange(action: string, room: Room, detail: Record<string, unknown>) {
    this.ctx.audit.record(this.changeEntry(action, room, detail));
  }

  private changeEntry(action: string, room: Pick<RoomView, 'id' | 'patient' | 'municipality'>, detail: Record<string, unknown>): AuditEntry {
    return { action, target: { type: 'Room', id: room.id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id, detail };
  }
}
