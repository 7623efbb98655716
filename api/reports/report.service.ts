// The city's reports (水戸市の責務: who uses the system), computed in SQL and scoped by role:
// CITY its municipality, VENDOR every municipality (counts only), an office admin its office
// (report.policy.ts).
import { AreaService } from '../common/area-service.js';
import { todayInTokyo } from '../common/dates.js';
import { reportPolicy, type ReportRows, type SqlScope } from './report.policy.js';
import type { ActivityMonth, ActivityOfficePage, ActivityRow, ApplicationsReport, RoomsReport, RosterCount, RosterOfficePage, RosterReport } from './report.types.js';
import { findOptions, type PageInput } from '../common/list.js';
import { pageClause, sqlRows } from '../db/rows.js';

/** An account past its stop date counts as STOPPED as of today (the first parameter). */
const STATUS_TODAY = `case when u.status = 'ACTIVE' and u.stop_date < ? then 'STOPPED' else u.status end`;

/**
 * The median and 90th percentile per type and step, as percentile_cont computes them, from how many
 * applications took each number of tenths of a day (`histogram`: type, step, tenths, n). With the
 * counts in order, each row knows the ranks it holds (from `before` to `before + n − 1`, 0-based) and
 * the step's last rank; a percentile p lies between the values at the ranks either side of p × last,
 * so one pass over the rows finds both (float8 throughout: numeric cost 3× the time). The work follows
 * the number of distinct tenths (a few hundred per type), not of applications.
 */
const stepPercentiles = (histogram: string) => `
  with h as (${histogram}),
       c as (select type, step, tenths, n::float8 as n, (sum(n) over (partition by type, step order by tenths) - n)::float8 as before,
                    (sum(n) over (partition by type, step) - 1)::float8 as last from h),
       r as (select type, step, last, 0.5 * last as m, 0.9 * last as p,
                    min(tenths) filter (where floor(0.5 * last) >= before and floor(0.5 * last) < before + n) as m_lo,
                    min(tenths) filter (where ceil(0.5 * last) >= before and ceil(0.5 * last) < before + n) as m_hi,
                    min(tenths) filter (where floor(0.9 * last) >= before and floor(0.9 * last) < before + n) as p_lo,
                    min(tenths) filter (where ceil(0.9 * last) >= before and ceil(0.9 * last) < before + n) as p_hi
               from c group by type, step, last)
  select type, step, (last + 1)::int as n,
         round(((m_lo + (m - floor(m)) * (m_hi - m_lo)) / 10)::numeric, 2)::float as median,
         round(((p_lo + (p - floor(p)) * (p_hi - p_lo)) / 10)::numeric, 2)::float as p90
    from r order by type, step desc`;

/**
 * The kept histogram for stepPercentiles, as small as the percentiles allow: from the counts by whole
 * day (application_step_day_count), each day's ranks; the days that hold one of the four ranks the
 * median and 90th percentile read come as their tenths (application_step_count, that day's ten at
 * most), every other day as one row of its count at its first tenth. Ranks and values at those four
 * ranks are what they are in the full histogram, so the percentiles are the same, and the rows read
 * follow the number of days (bounded by the longest duration), not of distinct tenths.
 * `scope` is the report policy's condition on alias a, read in both tables.
 */
const keptStepHistogram = (scope: string) => `
  with d as (select a.type, a.step, a.days, sum(a.n)::float8 as n from application_step_day_count a where ${scope} group by 1, 2, 3 having sum(a.n) > 0),
       dc as (select type, step, days, n, sum(n) over (partition by type, step order by days) - n as before,
                     sum(n) over (partition by type, step) - 1 as last from d),
       dw as (select *, exists (select from unnest(array[floor(0.5 * last), ceil(0.5 * last), floor(0.9 * last), ceil(0.9 * last)]) k
                                 where k >= before and k < before + n) as holds_rank from dc)
  select type, step, days * 10 as tenths, n from dw where not holds_rank
  union all
  select w.type, w.step, t.tenths, t.n
    from dw w cross join lateral (select a.tenths, sum(a.n) as n from application_step_count a
                                   where ${scope} and a.type = w.type and a.step = w.step and a.tenths between w.days * 10 and w.days * 10 + 9
                                   group by 1 having sum(a.n) > 0) t
   where w.holds_rank`;

export class ReportService extends AreaService {
  /** A WHERE fragment and its parameters for the viewer's scope (report.policy.ts). */
  private scope(kind: ReportRows): SqlScope {
    return reportPolicy.scope(this.viewer, kind);
  }

  /** A prepared statement with its values as parameters (api/db/rows.ts): PostgreSQL keeps its plan, where MikroORM would inline the values and have it planned anew. */
  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return sqlRows<T>(this.em, query, params);
  }

  /**
   * The rows by office only when they are asked for (the reports page); home asks for the headcounts
   * alone, by job type and status without the offices: for whole municipalities from the counts the
   * writes keep (a handful of rows at any size), for an office from its accounts.
   */
  async roster(parts: ReadonlySet<string>): Promise<RosterReport> {
    const [where, params] = this.scope('user');
    const today = todayInTokyo();
    const byOffice = parts.has('rows');
    const rows = await this.sql<{ municipality_name: string | null; office_id: string | null; office_name: string | null; office_kind: string | null; job_type: string; status: string; n: number }>(
      byOffice
        ? `select m.name as municipality_name, o.id as office_id, o.name as office_name, o.kind as office_kind, u.job_type,
                  ${STATUS_TODAY} as status, count(*)::int as n
             from app_user u left join office o on o.id = u.office_id left join municipality m on m.id = u.municipality_id
            where ${where}
            group by 1, 2, 3, 4, 5, 6 order by 1, o.name_kana nulls first, 3, 5, 6`
        : reportPolicy.byMunicipality(this.viewer)
          ? `select u.job_type, ${STATUS_TODAY} as status, sum(u.n)::int as n from user_headcount u where ${where} group by 1, 2 having sum(u.n) > 0 order by 1, 2`
          : `select u.job_type, ${STATUS_TODAY} as status, count(*)::int as n from app_user u where ${where} group by 1, 2 order by 1, 2`,
      [today, ...params],
    );
    const totals = new Map<string, number>();
    const activeByJobType = new Map<string, number>();
    for (const r of rows) {
      totals.set(r.status, (totals.get(r.status) ?? 0) + r.n);
      if (r.status === 'ACTIVE') activeByJobType.set(r.job_type, (activeByJobType.get(r.job_type) ?? 0) + r.n);
    }
    return {
      rows: byOffice
        ? rows.map((r) => ({
            municipalityName: r.municipality_name ?? '—',
            officeId: r.office_id,
            officeName: r.office_name,
            officeKind: r.office_kind as never,
            jobType: r.job_type as never,
            status: r.status as never,
            count: r.n,
          }))
        : [],
      totals: [...totals].map(([status, count]) => ({ status: status as never, count })),
      activeHeadcount: totals.get('ACTIVE') ?? 0,
      activeByJobType: [...activeByJobType].map(([jobType, count]) => ({ jobType: jobType as never, count })),
    };
  }

  /** The total a page of offices carries on its rows; past the last page, where there is no row, one count of its own. */
  private async officeTotal(rows: { total: number }[], offset: number, [where, params]: SqlScope): Promise<number> {
    if (rows.length > 0) return rows[0].total;
    if (offset === 0) return 0;
    return (await this.sql<{ n: number }>(`select ${this.officeCount(where)} as n`, params))[0].n;
  }

  /**
   * How many offices the office scope `where` (alias o) holds: for whole municipalities the counts
   * the writes keep (OfficeCount, a few rows whatever their number), an office admin's one office
   * counted.
   */
  private officeCount(where: string): string {
    return reportPolicy.byMunicipality(this.viewer) ? `(select coalesce(sum(o.n), 0) from office_count o where ${where})::int` : `(select count(*) from office o where ${where})::int`;
  }

  /**
   * A page of the viewer's offices by フリガナ, each with its accounts by job type and status, and how
   * many offices there are, in one statement: the offices' index gives the page (no office is
   * counted but those on it), app_user's (office_id, status) index their accounts. So the page costs
   * the same however many offices the municipality has, and so does the total (officeCount; a
   * count(*) over () of the page would fetch every office's row: 1.3 → 2.1 ms of SQL from the
   * bench's scale 1 to 5).
   */
  async rosterOffices(page: PageInput | undefined): Promise<RosterOfficePage> {
    const [where, params] = this.scope('office');
    const { limit, offset } = findOptions(page, undefined, ['nameKana']);
    const [paged, pageParams] = pageClause(limit, offset);
    // a row per office (its counts as JSON), in the index's order: nothing sorts the offices
    const rows = await this.sql<{ office_id: string; office_name: string; office_kind: string; municipality_name: string; total: number; counts: RosterCount[] }>(
      `with page as (
         select o.id, o.name, o.kind, o.name_kana, o.municipality_id from office o where ${where} order by o.name_kana, o.id ${paged})
       select p.id as office_id, p.name as office_name, p.kind as office_kind, m.name as municipality_name, ${this.officeCount(where)} as total,
              coalesce((select json_agg(json_build_object('jobType', c.job_type, 'status', c.status, 'count', c.n) order by c.job_type, c.status)
                          from (select u.job_type, ${STATUS_TODAY} as status, count(*)::int as n from app_user u where u.office_id = p.id group by 1, 2) c), '[]') as counts
         from page p join municipality m on m.id = p.municipality_id
        order by p.name_kana, p.id`,
      [...params, ...pageParams, ...params, todayInTokyo()],
    );
    const items = rows.map((r) => ({ officeId: r.office_id, officeName: r.office_name, officeKind: r.office_kind as never, municipalityName: r.municipality_name, counts: r.counts }));
    return { items, total: await this.officeTotal(rows, offset, [where, params]) };
  }

  /** Each part only when it is asked for: home shows the months alone. */
  async rooms(parts: ReadonlySet<string>): Promise<RoomsReport> {
    const [where, params] = this.scope('room');
    const today = todayInTokyo();
    // Opened and closed per month, and the rooms open at a month's end as the running total of
    // opened minus closed (a room closes after it opens). Whole municipalities read the counts kept
    // per month (kept-counts.entity.ts): counting the rooms grew with them (2.4 ms for 1,700 rooms,
    // 10.5 ms for 8,300: bench dataset, scale 1 and 5). An office's rooms are counted in one pass.
    const perMonth = reportPolicy.byMunicipality(this.viewer)
      ? `select r.month::timestamp as m, sum(r.opened) as opened, sum(r.closed) as closed from room_month_count r where ${where} group by 1`
      : `with scoped as (select r.created_at at time zone 'Asia/Tokyo' as opened_at, r.closed_at at time zone 'Asia/Tokyo' as closed_at from room r where ${where})
         select m, sum(o) as opened, sum(c) as closed from (
           select date_trunc('month', opened_at) as m, 1 as o, 0 as c from scoped
           union all
           select date_trunc('month', closed_at), 0, 1 from scoped where closed_at is not null) x group by 1`;
    const months = parts.has('months')
      ? await this.sql<{ month: string; opened: number; closed: number; open_at_end: number }>(
          `with counted as (${perMonth}),
                span as (select generate_series((select min(m) from counted where opened > 0), date_trunc('month', now() at time zone 'Asia/Tokyo'), interval '1 month') as m)
           select to_char(span.m, 'YYYY-MM') as month, coalesce(c.opened, 0)::int as opened, coalesce(c.closed, 0)::int as closed,
                  (sum(coalesce(c.opened, 0)) over upto - sum(coalesce(c.closed, 0)) over upto)::int as open_at_end
             from span left join counted c on c.m = span.m
           window upto as (order by span.m)
            order by 1`,
          params,
        )
      : [];
    // live members per open room, counted in one join (not one subquery per room)
    const buckets = parts.has('membersPerRoom')
      ? await this.sql<{ members: number; rooms: number }>(
          `select members, count(*)::int as rooms from (
             select r.id, count(rm.id)::int as members
               from room r left join room_member rm on rm.room_id = r.id and rm.from_date <= ? and (rm.until_date is null or rm.until_date >= ?)
              where r.status <> 'CLOSED' and ${where} group by r.id) x
            group by members order by members`,
          [today, today, ...params],
        )
      : [];
    const [ownOffice, ownOfficeParams] = reportPolicy.officeRowScope(this.viewer);
    const perOffice = parts.has('roomsPerOffice')
      ? await this.sql<{ office_id: string; office_name: string; rooms: number }>(
          `select o.id as office_id, o.name as office_name, count(distinct r.id)::int as rooms
             from room r join room_member rm on rm.room_id = r.id join app_user u on u.id = rm.user_id join office o on o.id = u.office_id
            where r.status <> 'CLOSED' and rm.from_date <= ? and (rm.until_date is null or rm.until_date >= ?) and ${where}
              and ${ownOffice}
            group by o.id, o.name, o.name_kana order by rooms desc, o.name_kana, o.name`,
          [today, today, ...params, ...ownOfficeParams],
        )
      : [];
    return {
      months: months.map((m) => ({ month: m.month, opened: m.opened, closed: m.closed, openAtEnd: m.open_at_end })),
      membersPerRoom: buckets,
      roomsPerOffice: perOffice.map((o) => ({ officeId: o.office_id, officeName: o.office_name, rooms: o.rooms })),
    };
  }

  /**
   * Counts by type and state, and each step's median and 90th percentile days (of the days rounded to
   * a tenth, the panel's precision): for whole municipalities from the counts the writes keep, for an
   * office from its applications; the percentiles from (type, step, tenths, n) either way.
   */
  async applications(parts: ReadonlySet<string>): Promise<ApplicationsReport> {
    const [where, params] = this.scope('application');
    const kept = reportPolicy.byMunicipality(this.viewer);
    const counts = parts.has('counts')
      ? await this.sql<{ type: string; state: string; n: number }>(
          kept
            ? `select a.type, a.state, sum(a.n)::int as n from application_count a where ${where} group by 1, 2 having sum(a.n) > 0 order by 1, 2`
            : `select a.type, a.state, count(*)::int as n from application a where ${where} group by 1, 2 order by 1, 2`,
          params,
        )
      : [];
    const durations = parts.has('durations')
      ? await this.sql<{ type: string; step: string; n: number; median: number; p90: number }>(
          stepPercentiles(
            kept
              ? keptStepHistogram(where)
              : `select a.type, s.step, application_step_tenths(a.first_submitted_at, s.at) as tenths, count(*) as n
                   from application a cross join lateral (values ('FORWARD', a.forwarded_at), ('COMPLETE', a.completed_at)) as s(step, at)
                  where s.at is not null and ${where} group by 1, 2, 3`,
          ),
          kept ? [...params, ...params] : params,
        )
      : [];
    return {
      counts: counts.map((c) => ({ type: c.type as never, state: c.state as never, count: c.n })),
      durations: durations.map((d) => ({ type: d.type as never, step: d.step, count: d.n, medianDays: d.median, p90Days: d.p90 })),
    };
  }

  /** Posts and care reports per month and office, from the counts the writes keep (kept-counts.entity.ts), for every scope. */
  async activity(): Promise<ActivityRow[]> {
    const [where, params] = this.scope('activity');
    const rows = await this.sql<{ month: string; office_id: string; office_name: string; posts: number; care_reports: number }>(
      `select to_char(c.month, 'YYYY-MM') as month, o.id as office_id, o.name as office_name, sum(c.posts)::int as posts, sum(c.care_reports)::int as care_reports
         from post_month_count c join office o on o.id = c.office_id
        where ${where}
        group by 1, 2, 3, o.name_kana having sum(c.posts) > 0 order by 1, o.name_kana, 3`,
      params,
    );
    return rows.map((r) => ({ month: r.month, officeId: r.office_id, officeName: r.office_name, posts: r.posts, careReports: r.care_reports }));
  }

  /**
   * Posts and care reports per month: whole municipalities from the totals kept per municipality and
   * month (post_month_total, a row per month whatever the number of offices), an office from its own
   * counts (post_month_count). Both under the activity scope's alias c.
   */
  async activityMonths(): Promise<ActivityMonth[]> {
    const [where, params] = this.scope('activity');
    const table = reportPolicy.byMunicipality(this.viewer) ? 'post_month_total' : 'post_month_count';
    const rows = await this.sql<{ month: string; posts: number; care_reports: number }>(
      `select to_char(c.month, 'YYYY-MM') as month, sum(c.posts)::int as posts, sum(c.care_reports)::int as care_reports
         from ${table} c where ${where} group by c.month having sum(c.posts) > 0 order by c.month`,
      params,
    );
    return rows.map((r) => ({ month: r.month, posts: r.posts, careReports: r.care_reports }));
  }

  /**
   * A page of the viewer's offices by フリガナ with their posts in `month` (YYYY-MM) in the rooms in
   * scope, and how many offices there are, in one statement: as rosterOffices, the page comes from the
   * offices' index and each office's counts from post_month_count's (office_id, month) index.
   */
  async activityOffices(month: string, page: PageInput | undefined): Promise<ActivityOfficePage> {
    const [offices, officeParams] = this.scope('office');
    const [counted, countedParams] = this.scope('activity');
    const { limit, offset } = findOptions(page, undefined, ['nameKana']);
    const [paged, pageParams] = pageClause(limit, offset);
    const rows = await this.sql<{ office_id: string; office_name: string; total: number; posts: number; care_reports: number }>(
      `with page as (
         select o.id, o.name, o.name_kana from office o where ${offices} order by o.name_kana, o.id ${paged})
       select p.id as office_id, p.name as office_name, ${this.officeCount(offices)} as total,
              coalesce(c.posts, 0)::int as posts, coalesce(c.care_reports, 0)::int as care_reports
         from page p cross join lateral (
           select sum(c.posts) as posts, sum(c.care_reports) as care_reports from post_month_count c where c.office_id = p.id and c.month = ?::date and ${counted}) c
        order by p.name_kana, p.id`,
      [...officeParams, ...pageParams, ...officeParams, `${month}-01`, ...countedParams],
    );
    const items = rows.map((r) => ({ month, officeId: r.office_id, officeName: r.office_name, posts: r.posts, careReports: r.care_reports }));
    return { items, total: await this.officeTotal(rows, offset, [offices, officeParams]) };
  }
}
