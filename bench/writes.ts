// The three writes the panel sends most, measured like the reads (bench/run.ts) against the API and
// the raw-SQL yardstick (bench/targets/raw.ts: the same inserts and updates in one statement, so one
// transaction); PostGraphile 4 serves no writes here (its default mutations are off: it would need
// custom SQL functions for each of these, i.e. the raw handler again).
//   createPost          — a care report with vitals: post, the author's read receipt, the room's
//                         activity date, an audit event, and the e-mail outbox rows (grouped per member);
//   markPostsRead       — 既読 for one page (20) of a busy room's posts;
//   approveApplication  — the city approves a staff-addition form (SUBMITTED → FORWARDED): the
//                         application, its history event, an audit event, the vendor's outbox row.
// Every request carries a marker (the post's text, the page, the application id), every answer is
// kept in a ledger, and after the load SQL checks that no row was lost or duplicated (check()).
import type { PgClient } from './env.js';
import type { GraphQLBody } from './queries.js';
import { addApprovalPool } from './dataset.js';

export type WriteKey = 'createPost' | 'markPostsRead' | 'approveApplication';
export const WRITE_KEYS: WriteKey[] = ['createPost', 'markPostsRead', 'approveApplication'];
export type WriteTarget = 'api' | 'raw';

export interface RawWriteBody {
  w: WriteKey;
  params: unknown[];
}

/** What one target writes to: its own room, writer and applications, so that each target's rows can be checked apart. */
export interface WriterSide {
  /** the office user who posts and marks read (a live COORDINATOR of `roomId`) */
  writerLoginId: string;
  writerId: string;
  roomId: string;
  /** the room's posts, newest first, in pages of 20 */
  pages: string[][];
  /** the CITY user who approves, and its municipality's pool of SUBMITTED applications */
  cityLoginId: string;
  cityId: string;
  municipalityId: string;
  pool: string[];
}

export interface WriteParams {
  since: string;
  api: WriterSide;
  raw: WriterSide;
}

export const WRITE_TITLES: Record<WriteKey, string> = {
  createPost: 'W1. createPost: a care report with vitals (post, read receipt, audit event, outbox rows)',
  markPostsRead: 'W2. markPostsRead: one page of 20 posts of a busy room',
  approveApplication: 'W3. forwardApplication: the city approves a staff-addition form (application, history, audit, outbox)',
};

/** Field of the answer that carries the result, per write. */
const FIELD: Record<WriteKey, string> = { createPost: 'createPost', markPostsRead: 'markPostsRead', approveApplication: 'forwardApplication' };
const VITALS = { systolic: 128, diastolic: 76, pulse: 72, temperature: 36.6, spo2: 97 };
const TITLE = '訪問看護';
const PAGE = 20;

/** Every answer of one write on one target. */
export class Ledger {
  sent = new Set<string>();
  ok = new Set<string>();
  failed = new Set<string>();
  /** markPostsRead: receipts the answers say were new */
  returned = 0;
  firstError: string | null = null;
  private n = 0;
  constructor(
    readonly write: WriteKey,
    readonly target: WriteTarget,
    private readonly side: WriterSide,
  ) {}

  /** The next marker: a post's text, a page number, or the next application of the pool. */
  next(): string {
    const i = this.n++;
    const m = this.write === 'createPost' ? `bench-${this.target}-${i}` : this.write === 'markPostsRead' ? String(i % this.side.pages.length) : (this.side.pool[i] ?? 'pool-exhausted');
    this.sent.add(m);
    return m;
  }

  get poolExhausted(): boolean {
    return this.write === 'approveApplication' && this.n > this.side.pool.length;
  }

  /** Records an answer; true if it succeeded. */
  answer(status: number, text: string, marker: string): boolean {
    let ok = false;
    let error = `HTTP ${status}: ${text.slice(0, 200)}`;
    if (status === 200) {
      try {
        const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string }[] };
        ok = !body.errors?.length && body.data?.[FIELD[this.write]] != null;
        if (ok && this.write === 'markPostsRead') this.returned += Number(body.data![FIELD[this.write]]);
        if (!ok) error = body.errors?.map((e) => e.message).join('; ') ?? 'no data';
      } catch {
        error = `not JSON: ${text.slice(0, 100)}`;
      }
    }
    (ok ? this.ok : this.failed).add(marker);
    if (!ok) this.firstError ??= error.slice(0, 200);
    return ok;
  }
}

/** The request body for a marker. */
export function writeBody(w: WriteKey, target: WriteTarget, side: WriterSide, marker: string): GraphQLBody | RawWriteBody {
  const text = `本日訪問しました。血圧は安定しています。 ${marker}`;
  if (target === 'raw') {
    if (w === 'createPost') return { w, params: [side.roomId, side.writerId, TITLE, text, JSON.stringify(VITALS)] };
    if (w === 'markPostsRead') return { w, params: [side.writerId, side.roomId, side.pages[Number(marker)]] };
    return { w, params: [marker, 1, side.cityId] };
  }
  if (w === 'createPost') {
    return {
      query: 'mutation CreatePost($roomId: ID!, $input: PostInput!) { createPost(roomId: $roomId, input: $input) { id } }',
      variables: { roomId: side.roomId, input: { kind: 'CARE_REPORT', title: TITLE, body: text, vitals: VITALS } },
    };
  }
  if (w === 'markPostsRead') {
    return { query: 'mutation MarkRead($roomId: ID!, $postIds: [ID!]) { markPostsRead(roomId: $roomId, postIds: $postIds) }', variables: { roomId: side.roomId, postIds: side.pages[Number(marker)] } };
  }
  return { query: 'mutation Approve($id: ID!, $version: Int!) { forwardApplication(id: $id, version: $version) { id state version } }', variables: { id: marker, version: 1 } };
}

/** The marker inside a sent body (autocannon hands back the body it sent). */
export function markerOf(w: WriteKey, target: WriteTarget, side: WriterSide, sent: string): string {
  const b = JSON.parse(sent) as { params?: unknown[]; variables?: Record<string, unknown> };
  if (w === 'createPost')
    return String(target === 'raw' ? b.params![3] : (b.variables!.input as { body: string }).body)
      .split(' ')
      .pop()!;
  if (w === 'markPostsRead') {
    const ids = (target === 'raw' ? b.params![2] : b.variables!.postIds) as string[];
    return String(side.pages.findIndex((p) => p[0] === ids[0]));
  }
  return String(target === 'raw' ? b.params![0] : b.variables!.id);
}

/**
 * Sets the run database up for the writes: for each target a municipality other than the read
 * queries' one (API: the second, raw: the third) with its busy room and that room's coordinator,
 * who signs in with the dataset's TOTP secret; the vendor gets an e-mail address (so an approval
 * writes an outbox row); and each target's pool of SUBMITTED applications to approve, sized for the
 * load (enough for ~1,500 approvals per second).
 */
export async function prepareWrites(db: PgClient, cityMunicipalityId: string, poolSize: number): Promise<WriteParams> {
  const since = (await db.query<{ now: string }>('select now()::text as now')).rows[0].now;
  const others = (await db.query<{ id: string }>('select id from municipality where id <> $1 order by code limit 2', [cityMunicipalityId])).rows.map((r) => r.id);
  if (others.length < 2) throw new Error('the writes need three municipalities');
  const sealed = (await db.query<{ totp_secret: string }>(`select totp_secret from app_user where login_id = 'bench-city-1'`)).rows[0].totp_secret;
  await db.query(`update app_user set email = 'bench-vendor@example.jp' where login_id = 'bench-vendor'`);
  const side = async (m: string, approverMunicipality: string): Promise<WriterSide> => {
    const room = (
      await db.query<{ id: string }>(
        `select r.id from room r join post p on p.room_id = r.id where r.municipality_id = $1 and r.status = 'ACTIVE' group by r.id order by count(*) desc, r.id limit 1`,
        [m],
      )
    ).rows[0].id;
    const today = `(now() at time zone 'Asia/Tokyo')::date`;
    const writer = (
      await db.query<{ id: string; login_id: string }>(
        `select u.id, u.login_id from room_member rm join app_user u on u.id = rm.user_id
        where rm.room_id = $1 and rm.permission = 'COORDINATOR' and rm.from_date <= ${today} and (rm.until_date is null or rm.until_date >= ${today}) and u.status = 'ACTIVE'
        order by rm.from_date, u.id limit 1`,
        [room],
      )
    ).rows[0];
    await db.query('update app_user set totp_secret = $1, totp_enabled_at = now(), totp_last_time_step = null where id = $2', [sealed, writer.id]);
    const posts = (await db.query<{ id: string }>('select id from post where room_id = $1 order by created_at desc, id desc', [room])).rows.map((r) => r.id);
    const pages: string[][] = [];
    for (let i = 0; i + PAGE <= posts.length; i += PAGE) pages.push(posts.slice(i, i + PAGE));
    const city = (
      await db.query<{ id: string; login_id: string }>(`select id, login_id from app_user where municipality_id = $1 and role = 'CITY' and login_id like 'bench-city-%'`, [approverMunicipality])
    ).rows[0];
    const pool = await addApprovalPool(db, approverMunicipality, poolSize);
    return { writerLoginId: writer.login_id, writerId: writer.id, roomId: room, pages, cityLoginId: city.login_id, cityId: city.id, municipalityId: approverMunicipality, pool };
  };
  // approvals: the API as the read queries' CITY user, raw in another municipality
  const api = await side(others[0], cityMunicipalityId);
  const raw = await side(others[1], others[1]);
  await db.query('analyze application; analyze application_event');
  return { since, api, raw };
}

export interface WriteCheck {
  write: WriteKey;
  target: WriteTarget;
  holds: boolean;
  lines: string[];
}

/** After the load: every answered write is in the database exactly once, with all its rows. */
export async function checkWrites(db: PgClient, p: WriteParams, ledger: Ledger): Promise<WriteCheck> {
  const side = p[ledger.target];
  const lines: string[] = [];
  let holds = true;
  const expect = (label: string, value: number, wanted: number) => {
    const ok = value === wanted;
    holds &&= ok;
    lines.push(`${label}: ${value}${ok ? '' : ` — expected ${wanted}: MISSED`}`);
  };
  const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[]) => (await db.query<T>(sql, params)).rows[0];
  if (ledger.ok.size === 0) holds = false; // nothing written: nothing shown
  lines.push(
    `answers: ${ledger.ok.size} succeeded, ${ledger.failed.size} failed${ledger.firstError ? ` (first: ${ledger.firstError})` : ''}, ${ledger.sent.size - ledger.ok.size - ledger.failed.size} unanswered (cut off at the end of a load run)`,
  );
  if (ledger.write === 'createPost') {
    const rows = (
      await db.query<{ marker: string; n: number; receipts: number; audits: number }>(
        `with p as (select id, split_part(body, ' ', 2) as marker from post where room_id = $1 and author_id = $2 and created_at >= $3),
            r as (select post_id, count(*) as n from post_read where room_id = $1 and post_id in (select id from p) group by 1),
            a as (select detail->>'postId' as post_id, count(*) as n from audit_event where action = 'post.create' and room_id = $1 and occurred_at >= $3 group by 1)
       select p.marker, count(*)::int as n, sum(coalesce(r.n, 0))::int as receipts, sum(coalesce(a.n, 0))::int as audits
         from p left join r on r.post_id = p.id left join a on a.post_id = p.id::text group by p.marker`,
        [side.roomId, side.writerId, p.since],
      )
    ).rows;
    const inDb = new Map(rows.map((r) => [r.marker, r]));
    expect('answered posts missing from the database (lost)', [...ledger.ok].filter((m) => !inDb.has(m)).length, 0);
    expect('posts stored more than once (duplicated)', rows.filter((r) => r.n > 1).length, 0);
    expect('failed answers whose post was stored anyway', [...ledger.failed].filter((m) => inDb.has(m)).length, 0);
    expect('posts without exactly one read receipt (the author’s)', rows.filter((r) => r.receipts !== r.n).length, 0);
    expect('posts without exactly one audit event (post.create)', rows.filter((r) => r.audits !== r.n).length, 0);
    lines.push(`posts stored: ${rows.length} (${rows.length - [...ledger.ok].filter((m) => inDb.has(m)).length} from unanswered requests)`);
    // the outbox: each other live member with an e-mail address is told once per 30 minutes per room
    const mail = await one<{ members: number; none: number; more: number }>(
      `with members as (
         select u.email from room_member rm join app_user u on u.id = rm.user_id
          where rm.room_id = $1 and rm.user_id <> $2 and rm.from_date <= (now() at time zone 'Asia/Tokyo')::date
            and (rm.until_date is null or rm.until_date >= (now() at time zone 'Asia/Tokyo')::date) and u.status = 'ACTIVE' and u.email is not null),
       told as (select m.email, (select count(*) from notification n where n."to" = m.email and n.kind = 'post.created' and n.created_at >= $3 and n.body like '%' || $1 || '%') as n from members m)
       select count(*)::int as members, count(*) filter (where n = 0)::int as none, count(*) filter (where n > 1)::int as more from told`,
      [side.roomId, side.writerId, p.since],
    );
    lines.push(`outbox: ${mail.members} other live members with an e-mail address`);
    expect('members not told (lost outbox row)', rows.length ? mail.none : 0, 0);
    expect('members told more than once within 30 minutes (duplicated outbox row)', mail.more, 0);
  } else if (ledger.write === 'markPostsRead') {
    const okPages = [...ledger.ok].map(Number);
    const okIds = okPages.flatMap((i) => side.pages[i]);
    const allIds = side.pages.flat();
    const r = await one<{ dup: number; lost: number; inserted: number }>(
      `select (select count(*) - count(distinct post_id) from post_read where user_id = $1 and room_id = $2)::int as dup,
              (select count(*) from unnest($3::uuid[]) i where not exists (select 1 from post_read r where r.post_id = i and r.user_id = $1))::int as lost,
              (select count(*) from post_read where user_id = $1 and post_id = any($4::uuid[]) and read_at >= $5)::int as inserted`,
      [side.writerId, side.roomId, okIds, allIds, p.since],
    );
    expect('read receipts stored twice for one post (duplicated)', r.dup, 0);
    expect('posts of answered pages without the reader’s receipt (lost)', r.lost, 0);
    const cutOff = ledger.sent.size - ledger.ok.size - ledger.failed.size;
    const ok = r.inserted >= ledger.returned && r.inserted - ledger.returned <= cutOff * PAGE;
    holds &&= ok;
    lines.push(
      `receipts inserted: ${r.inserted}; the answers counted ${ledger.returned} new${ok ? '' : ' — MISSED (more than the unanswered requests can explain, or fewer than answered)'}; ${side.pages.length} pages cycled, so after the first pass a page is already read (INSERT … ON CONFLICT DO NOTHING inserts nothing, as when a member opens it again)`,
    );
  } else {
    const r = await one<{ forwarded: number; lost: number; bad_version: number; events: number; audits: number; mails: number; failed_stored: number; vendors: number }>(
      `with pool as (select a.id, a.state, a.version from application a where a.id = any($1::uuid[])),
            fw as (select * from pool where state = 'FORWARDED'),
            ev as (select application_id as id, count(*) as n from application_event where action = 'FORWARD' and application_id in (select id from pool) group by 1),
            au as (select target_id as id, count(*) as n from audit_event where action = 'application.forward' and occurred_at >= $3 group by 1),
            ma as (select substring(body from '/applications/([0-9a-f-]{36})/show')::uuid as id, count(*) as n from notification
                    where kind = 'application.forwarded' and created_at >= $3 group by 1),
            vendors as (select count(*) as n from app_user where role = 'VENDOR' and status = 'ACTIVE' and email is not null)
       select (select count(*) from fw)::int as forwarded,
              (select count(*) from unnest($2::uuid[]) i where not exists (select 1 from fw where fw.id = i))::int as lost,
              (select count(*) from unnest($4::uuid[]) i where exists (select 1 from fw where fw.id = i))::int as failed_stored,
              (select count(*) from fw where version <> 2)::int as bad_version,
              (select count(*) from pool left join ev using (id) where coalesce(ev.n, 0) <> case when pool.state = 'FORWARDED' then 1 else 0 end)::int as events,
              (select count(*) from fw left join au using (id) where coalesce(au.n, 0) <> 1)::int as audits,
              (select n from vendors)::int as vendors,
              (select count(*) from fw left join ma using (id) where coalesce(ma.n, 0) <> (select n from vendors))::int as mails`,
      [side.pool, [...ledger.ok], p.since, [...ledger.failed].filter((m) => m !== 'pool-exhausted')],
    );
    expect('answered approvals not FORWARDED in the database (lost)', r.lost, 0);
    expect('failed answers whose approval was stored anyway', r.failed_stored, 0);
    expect('forwarded applications whose version is not 2 (applied twice or not at all)', r.bad_version, 0);
    expect('applications without exactly one FORWARD history event', r.events, 0);
    expect('forwarded applications without exactly one audit event (application.forward)', r.audits, 0);
    expect(`forwarded applications without exactly ${r.vendors} outbox row(s) (one per active vendor with an e-mail address)`, r.mails, 0);
    lines.push(`forwarded: ${r.forwarded} of a pool of ${side.pool.length}${ledger.poolExhausted ? ' — the pool ran out: raise it (bench/writes.ts) or shorten --duration' : ''}`);
    if (ledger.poolExhausted) holds = false;
  }
  return { write: ledger.write, target: ledger.target, holds, lines };
}
