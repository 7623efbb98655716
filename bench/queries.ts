// biome-ignore-all lint/suspicious/noExplicitAny: PostGraphile's answers are untyped JSON; fromPgl maps them to the API's shape, and the run compares both answers (walk) key by key
// The eight requests the panel really sends, written once per target:
//   api — the GraphQL document and variables our panel sends;
//   raw — the name of a hand-written SQL statement (bench/targets/raw.ts) and its parameters;
//   pgl — the PostGraphile 4 document that returns the same data, or why there is none;
// plus `fromPgl`, which maps PostGraphile's shape onto ours so that the runner can check that the
// three targets really return the same data before it measures them.

export interface BenchParams {
  /** the CITY user the benchmark signs in as, and its municipality */
  cityLoginId: string;
  cityUserId: string;
  municipalityId: string;
  /** query 1: the municipality's biggest office and the commonest family name (katakana) in it */
  officeId: string;
  q: string;
  /** query 3: a room of the municipality with the median number of posts */
  roomId: string;
  roomPosts: number;
  /** query 4: the municipality's busiest room (at least 2,020 posts, for page 101 of 20) */
  bigRoomId: string;
  bigRoomPosts: number;
  /** query 8: the municipality's latest month with posts (YYYY-MM), the month the reports page opens on */
  activityMonth: string;
  /**
   * query 9: the day before the municipality's latest audit event (YYYY-MM-DD, Japan time): the trail
   * through it is the dataset's alone, not the rows the benchmark's own reads add while it runs
   */
  auditTo: string;
}

export type QueryKey = 'users' | 'rooms' | 'room' | 'deepPosts' | 'roster' | 'applications' | 'home' | 'activity' | 'audit';

export interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
}

export interface RawBody {
  q: QueryKey;
  params: unknown[];
  /** also write the access-log rows the API writes (bench/targets/raw.ts RAW_LOGGED_SQL); the signed-in user's id is the last parameter */
  logged?: boolean;
}

/** Page parameters; `undefined` = the panel's own page size. */
export interface Paging {
  perPage: number;
  page: number;
}

export interface QueryDef {
  key: QueryKey;
  title: string;
  /** flat list (target: API p50 ≤ 2.5× raw), nested list (≤ 4×), report (flat: ≤ 2.5×) */
  shape: 'flat' | 'nested' | 'report';
  /** the panel's paging, and two page sizes with the same offset for the statements-vs-page-size check */
  paging?: { panel: Paging; small: Paging; large: Paging };
  api: (p: BenchParams, paging?: Paging) => GraphQLBody;
  raw: (p: BenchParams, paging?: Paging) => RawBody;
  pgl: ((p: BenchParams, paging?: Paging) => GraphQLBody) | { na: string };
  fromPgl?: (data: any) => unknown;
}

/** The API's contains-search pattern (api/common/search.ts#containsPattern): %, _ and \ taken literally. */
export const containsPattern = (q: string) => `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const personFromPgl = (u: any) => ({ name: u.name, officeName: u.officeByOfficeId?.name ?? null });
/**
 * 既読 count as the API defines it: readers other than the author. PostGraphile 4 cannot filter a
 * post's receipts by the post's own author in the query, so it returns the readers' ids and the
 * count is taken here (its response carries those ids on top of the API's data).
 */
const readCountFromPgl = (post: any) => post.postReadsByPostId.nodes.filter((r: any) => r.userId !== post.authorId).length;
const pageOf = (paging: Paging | undefined, panel: Paging) => paging ?? panel;
const offset = (p: Paging) => (p.page - 1) * p.perPage;

const USERS_PANEL: Paging = { page: 1, perPage: 25 };
const ROOMS_PANEL: Paging = { page: 1, perPage: 25 };
const ROOM_PANEL: Paging = { page: 1, perPage: 20 };
const DEEP_PANEL: Paging = { page: 101, perPage: 20 };
const AUDIT_PANEL: Paging = { page: 1, perPage: 50 };

export const QUERIES: QueryDef[] = [
  {
    key: 'users',
    title: '1. users by office + name, sorted, 25/page, with office and total',
    shape: 'flat',
    paging: { panel: USERS_PANEL, small: { page: 1, perPage: 5 }, large: { page: 1, perPage: 50 } },
    api: (p, paging) => ({
      query: `query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {
  users(filter: $filter, sort: $sort, page: $page) {
    items { id loginId name nameKana role jobType status officeAdmin email stopDate lastSignInAt createdAt version office { id name kind status } }
    total
  }
}`,
      variables: { filter: { officeId: p.officeId, q: p.q }, sort: { field: 'nameKana', order: 'ASC' }, page: pageOf(paging, USERS_PANEL) },
    }),
    raw: (p, paging) => {
      const pg = pageOf(paging, USERS_PANEL);
      return { q: 'users', params: [p.municipalityId, p.officeId, containsPattern(p.q), pg.perPage, offset(pg)] };
    },
    pgl: (p, paging) => {
      const pg = pageOf(paging, USERS_PANEL);
      return {
        query: `query Users($m: UUID!, $o: UUID!, $q: String!, $first: Int!, $offset: Int!) {
  allAppUsers(condition: { municipalityId: $m, officeId: $o }, filter: { or: [{ name: { includesInsensitive: $q } }, { nameKana: { includesInsensitive: $q } }, { loginId: { includesInsensitive: $q } }] },
              orderBy: [NAME_KANA_ASC, ID_ASC], first: $first, offset: $offset) {
    nodes { id loginId name nameKana role jobType status officeAdmin email stopDate lastSignInAt createdAt version officeByOfficeId { id name kind status } }
    totalCount
  }
}`,
        variables: { m: p.municipalityId, o: p.officeId, q: p.q, first: pg.perPage, offset: offset(pg) },
      };
    },
    fromPgl: (d) => ({
      users: {
        items: d.allAppUsers.nodes.map(({ officeByOfficeId, ...u }: any) => ({ ...u, office: officeByOfficeId })),
        total: d.allAppUsers.totalCount,
      },
    }),
  },
  {
    key: 'rooms',
    title: '2. rooms, 25/page, each with members → user → office (CITY)',
    shape: 'nested',
    paging: { panel: ROOMS_PANEL, small: { page: 1, perPage: 5 }, large: { page: 1, perPage: 50 } },
    api: (_p, paging) => ({
      query: `query Rooms($page: PageInput) { rooms(page: $page) { items { name members { person { name officeName } } } total } }`,
      variables: { page: pageOf(paging, ROOMS_PANEL) },
    }),
    raw: (p, paging) => {
      const pg = pageOf(paging, ROOMS_PANEL);
      return { q: 'rooms', params: [p.municipalityId, pg.perPage, offset(pg)] };
    },
    pgl: (p, paging) => {
      const pg = pageOf(paging, ROOMS_PANEL);
      return {
        query: `query Rooms($m: UUID!, $first: Int!, $offset: Int!) {
  allRooms(condition: { municipalityId: $m }, orderBy: [UPDATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {
    nodes { name roomMembersByRoomId(orderBy: [FROM_DATE_ASC, ID_ASC]) { nodes { appUserByUserId { name officeByOfficeId { name } } } } }
    totalCount
  }
}`,
        variables: { m: p.municipalityId, first: pg.perPage, offset: offset(pg) },
      };
    },
    fromPgl: (d) => ({
      rooms: {
        items: d.allRooms.nodes.map((r: any) => ({ name: r.name, members: r.roomMembersByRoomId.nodes.map((m: any) => ({ person: personFromPgl(m.appUserByUserId) })) })),
        total: d.allRooms.totalCount,
      },
    }),
  },
  {
    key: 'room',
    title: '3. one room: members, consent, latest 20 posts with authors and read counts',
    shape: 'nested',
    paging: { panel: ROOM_PANEL, small: { page: 1, perPage: 5 }, large: { page: 1, perPage: 50 } },
    api: (p, paging) => ({
      query: `query Room($id: ID!, $page: PageInput) {
  room(id: $id) {
    name status
    members { permission fromDate untilDate person { name officeName } }
    consent { consentDate signer proxyName explainingPersonName withdrawnAt }
  }
  posts(roomId: $id, page: $page) { items { body author { name officeName } readCount } total }
}`,
      variables: { id: p.roomId, page: pageOf(paging, ROOM_PANEL) },
    }),
    raw: (p, paging) => {
      const pg = pageOf(paging, ROOM_PANEL);
      return { q: 'room', params: [p.roomId, p.municipalityId, pg.perPage, offset(pg)] };
    },
    pgl: (p, paging) => {
      const pg = pageOf(paging, ROOM_PANEL);
      return {
        query: `query Room($id: UUID!, $first: Int!, $offset: Int!) {
  roomById(id: $id) {
    name status
    roomMembersByRoomId(orderBy: [FROM_DATE_ASC, ID_ASC]) { nodes { permission fromDate untilDate appUserByUserId { name officeByOfficeId { name } } } }
    consentByConsentId { consentDate signer proxyName explainingPersonName withdrawnAt }
  }
  allPosts(condition: { roomId: $id }, orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {
    nodes { body authorId appUserByAuthorId { name officeByOfficeId { name } } postReadsByPostId { nodes { userId } } }
    totalCount
  }
}`,
        variables: { id: p.roomId, first: pg.perPage, offset: offset(pg) },
      };
    },
    fromPgl: (d) => ({
      room: {
        name: d.roomById.name,
        status: d.roomById.status,
        members: d.roomById.roomMembersByRoomId.nodes.map((m: any) => ({ permission: m.permission, fromDate: m.fromDate, untilDate: m.untilDate, person: personFromPgl(m.appUserByUserId) })),
        consent: d.roomById.consentByConsentId,
      },
      posts: {
        items: d.allPosts.nodes.map((x: any) => ({ body: x.body, author: personFromPgl(x.appUserByAuthorId), readCount: readCountFromPgl(x) })),
        total: d.allPosts.totalCount,
      },
    }),
  },
  {
    key: 'deepPosts',
    title: '4. a room’s posts at offset 2,000 (page 101 of 20), by date, with total',
    shape: 'flat',
    paging: { panel: DEEP_PANEL, small: { page: 401, perPage: 5 }, large: { page: 41, perPage: 50 } },
    api: (p, paging) => ({
      query: `query Posts($roomId: ID!, $sort: PostSort, $page: PageInput) {
  posts(roomId: $roomId, sort: $sort, page: $page) { items { id kind title body createdAt author { name officeName } readCount } total }
}`,
      variables: { roomId: p.bigRoomId, sort: { field: 'createdAt', order: 'DESC' }, page: pageOf(paging, DEEP_PANEL) },
    }),
    raw: (p, paging) => {
      const pg = pageOf(paging, DEEP_PANEL);
      return { q: 'deepPosts', params: [p.bigRoomId, p.municipalityId, pg.perPage, offset(pg)] };
    },
    pgl: (p, paging) => {
      const pg = pageOf(paging, DEEP_PANEL);
      return {
        query: `query Posts($id: UUID!, $first: Int!, $offset: Int!) {
  allPosts(condition: { roomId: $id }, orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {
    nodes { id kind title body createdAt authorId appUserByAuthorId { name officeByOfficeId { name } } postReadsByPostId { nodes { userId } } }
    totalCount
  }
}`,
        variables: { id: p.bigRoomId, first: pg.perPage, offset: offset(pg) },
      };
    },
    fromPgl: (d) => ({
      posts: {
        items: d.allPosts.nodes.map((x: any) => ({
          id: x.id,
          kind: x.kind,
          title: x.title,
          body: x.body,
          createdAt: x.createdAt,
          author: personFromPgl(x.appUserByAuthorId),
          readCount: readCountFromPgl(x),
        })),
        total: d.allPosts.totalCount,
      },
    }),
  },
  {
    key: 'roster',
    title: '5. roster report: the headcounts and the first page of offices (rosterReport, rosterOffices)',
    shape: 'report',
    api: () => ({
      query: `query Roster($page: PageInput) {
  rosterReport { totals { status count } activeHeadcount activeByJobType { jobType count } }
  rosterOffices(page: $page) { total items { municipalityName officeId officeName officeKind counts { jobType status count } } }
}`,
      variables: { page: { page: 1, perPage: 25 } },
    }),
    raw: (p) => ({ q: 'roster', params: [p.municipalityId] }),
    pgl: { na: 'needs GROUP BY counts with an as-of-today status; PostGraphile 4 has no aggregates without a plugin (@graphile/pg-aggregates) or a custom SQL function' },
  },
  {
    key: 'applications',
    title: '6. applications report (applicationsReport)',
    shape: 'report',
    api: () => ({
      query: `query Applications { applicationsReport { counts { type state count } durations { type step count medianDays p90Days } } }`,
      variables: {},
    }),
    raw: (p) => ({ q: 'applications', params: [p.municipalityId] }),
    pgl: { na: 'needs GROUP BY counts and percentile_cont step durations; PostGraphile 4 cannot express them without a custom SQL function' },
  },
  {
    key: 'home',
    title: '7. the city’s home page: key figures (headcounts by job type, rooms per month)',
    shape: 'report',
    api: () => ({
      query: `query HomeFigures { rosterReport { activeHeadcount activeByJobType { jobType count } } roomsReport { months { month opened closed openAtEnd } } }`,
      variables: {},
    }),
    raw: (p) => ({ q: 'home', params: [p.municipalityId] }),
    pgl: { na: 'needs GROUP BY counts with an as-of-today status and running totals per month; PostGraphile 4 has no aggregates without a plugin or a custom SQL function' },
  },
  {
    key: 'activity',
    title: '8. activity report: the months, and the latest month’s first page of offices (activityMonths, activityOffices)',
    shape: 'report',
    api: (p) => ({
      query: `query Activity($month: String!, $page: PageInput) {
  activityMonths { month posts careReports }
  activityOffices(month: $month, page: $page) { total items { month officeId officeName posts careReports } }
}`,
      variables: { month: p.activityMonth, page: { page: 1, perPage: 25 } },
    }),
    raw: (p) => ({ q: 'activity', params: [p.municipalityId, p.activityMonth] }),
    pgl: { na: 'needs GROUP BY counts per month and office; PostGraphile 4 has no aggregates without a plugin or a custom SQL function' },
  },
  {
    key: 'audit',
    title: '9. the audit trail through a day, newest first, 50/page, with names, paged without a count (as the panel asks)',
    shape: 'flat',
    paging: { panel: AUDIT_PANEL, small: { page: 1, perPage: 5 }, large: { page: 1, perPage: 50 } },
    api: (p, paging) => ({
      // admin/audit/audit.graphql, AuditEvents
      query: `query AuditEvents($filter: AuditFilter, $page: PageInput) {
  auditEvents(filter: $filter, page: $page) {
    items { id occurredAt action actionLabel targetName patientName outcome actorId actorLoginId actorRole targetType targetId municipalityId officeId patientId roomId ip detail }
    hasNextPage
  }
}`,
      variables: { filter: { to: p.auditTo }, page: pageOf(paging, AUDIT_PANEL) },
    }),
    raw: (p, paging) => {
      const pg = pageOf(paging, AUDIT_PANEL);
      return { q: 'audit', params: [p.municipalityId, p.auditTo, pg.perPage, offset(pg)] };
    },
    pgl: { na: 'names each event’s target and patient and labels its action in the caller’s language; PostGraphile 4 would need a custom SQL function for it' },
  },
];

/** Deep equality after normalizing timestamps (PostGraphile writes +00:00, we write .000Z). */
export function sameData(a: unknown, b: unknown): { same: boolean; where?: string } {
  const norm = (v: unknown): unknown => {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v)) {
      const t = Date.parse(v);
      return Number.isNaN(t) ? v : new Date(t).toISOString();
    }
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
    return v;
  };
  const walk = (x: unknown, y: unknown, path: string): string | undefined => {
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y)) return `${path}: array vs ${typeof y}`;
      if (x.length !== y.length) return `${path}: ${x.length} vs ${y.length} elements`;
      for (let i = 0; i < x.length; i++) {
        const w = walk(x[i], y[i], `${path}[${i}]`);
        if (w) return w;
      }
      return undefined;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys) {
        const w = walk((x as any)[k], (y as any)[k], `${path}.${k}`);
        if (w) return w;
      }
      return undefined;
    }
    return x === y ? undefined : `${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
  };
  const where = walk(norm(a), norm(b), 'data');
  return where ? { same: false, where } : { same: true };
}

/** The parameters of the six requests, chosen from the dataset deterministically. */
export async function discoverParams(db: import('pg').Client): Promise<BenchParams> {
  const city = (await db.query<{ id: string; municipality_id: string }>(`select id, municipality_id from app_user where login_id = 'bench-city-1'`)).rows[0];
  if (!city) throw new Error('the dataset has no bench-city-1 account');
  const m = city.municipality_id;
  const office = (
    await db.query<{ office_id: string }>(`select office_id from app_user where municipality_id = $1 and role = 'OFFICE' group by office_id order by count(*) desc, office_id limit 1`, [m])
  ).rows[0].office_id;
  const q = (await db.query<{ f: string }>(`select split_part(name_kana, ' ', 1) as f from app_user where office_id = $1 group by 1 order by count(*) desc, 1 limit 1`, [office])).rows[0].f;
  const rooms = (
    await db.query<{ id: string; n: number }>(`select r.id, count(p.id)::int as n from room r left join post p on p.room_id = r.id where r.municipality_id = $1 group by r.id order by n, r.id`, [m])
  ).rows;
  const median = rooms[Math.floor(rooms.length / 2)];
  const busiest = rooms[rooms.length - 1];
  if (busiest.n < 2020) throw new Error(`the busiest room has ${busiest.n} posts; page 101 of 20 needs 2,020`);
  const activityMonth = (await db.query<{ m: string }>(`select to_char(max(month), 'YYYY-MM') as m from post_month_total where municipality_id = $1 and posts > 0`, [m])).rows[0].m;
  const auditTo = (await db.query<{ d: string }>(`select to_char((max(occurred_at) at time zone 'Asia/Tokyo')::date - 1, 'YYYY-MM-DD') as d from audit_event where municipality_id = $1`, [m])).rows[0]
    .d;
  return {
    cityLoginId: 'bench-city-1',
    cityUserId: city.id,
    municipalityId: m,
    officeId: office,
    q,
    roomId: median.id,
    roomPosts: median.n,
    bigRoomId: busiest.id,
    bigRoomPosts: busiest.n,
    activityMonth,
    auditTo,
  };
}
