// The city's reports (水戸市の責務: who uses the system), computed in SQL and scoped by role:
// CITY its municipality, VENDOR every municipality (counts only), an office admin its office
// (report.policy.ts).
import { AreaService } from '../common/area-service.js';
import { todayInTokyo } from '../common/dates.js';
import { reportPolicy, type ReportRows, type SqlScope } from './report.policy.js';
import type { ActivityRow, ApplicationsReport, RoomsReport, RosterReport } from './report.types.js';

const month = (column: string) => `to_char(${column} at time zone 'Asia/Tokyo', 'YYYY-MM')`;

export class ReportService extends AreaService {
  /** A WHERE fragment and its parameters for the viewer's scope (report.policy.ts). */
  private scope(kind: ReportRows): SqlScope {
    return reportPolicy.scope(this.viewer, kind);
  }

  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(query, params);
  }

  async roster(): Promise<RosterReport> {
    const [where, params] = this.scope('user');
    const today = todayInTokyo();
    const rows = await this.sql<{ municipality_name: string | null; office_id: string | null; office_name: string | null; office_kind: string | null; job_type: string; status: string; n: number }>(
      `select m.name as municipality_name, o.id as office_id, o.name as office_name, o.kind as office_kind, u.job_type,
              case when u.status = 'ACTIVE' and u.stop_date < ? then 'STOPPED' else u.status end as status, count(*)::int as n
         from app_user u left join office o on o.id = u.office_id left join municipality m on m.id = u.municipality_id
        where ${where}
        group by 1, 2, 3, 4, 5, 6 order by 1, o.name_kana nulls first, 3, 5, 6`,
      [today, ...params],
    );
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.status, (totals.get(r.status) ?? 0) + r.n);
    return {
      rows: rows.map((r) => ({
        municipalityName: r.municipality_name ?? '—',
        officeId: r.office_id,
        officeName: r.office_name,
        officeKind: r.office_kind as never,
        jobType: r.job_type as never,
        status: r.status as never,
        count: r.n,
      })),
      totals: [...totals].map(([status, count]) => ({ status: status as never, count })),
      activeHeadcount: totals.get('ACTIVE') ?? 0,
    };
  }

  async rooms(): Promise<RoomsReport> {
    const [where, params] = this.scope('room');
    const today = todayInTokyo();
    const months = await this.sql<{ month: string; opened: number; closed: number; open_at_end: number }>(
      `with scoped as (select r.* from room r where ${where}),
            span as (select generate_series(date_trunc('month', min(created_at at time zone 'Asia/Tokyo')), date_trunc('month', now() at time zone 'Asia/Tokyo'), interval '1 month') as m from scoped)
       select to_char(span.m, 'YYYY-MM') as month,
              (select count(*)::int from scoped where ${month('created_at')} = to_char(span.m, 'YYYY-MM')) as opened,
              (select count(*)::int from scoped where closed_at is not null and ${month('closed_at')} = to_char(span.m, 'YYYY-MM')) as closed,
              (select count(*)::int from scoped where (created_at at time zone 'Asia/Tokyo') < span.m + interval '1 month'
                                               and (closed_at is null or (closed_at at time zone 'Asia/Tokyo') >= span.m + interval '1 month')) as open_at_end
         from span order by 1`,
      params,
    );
    const buckets = await this.sql<{ members: number; rooms: number }>(
      `select members, count(*)::int as rooms from (
         select r.id, (select count(*)::int from room_member rm where rm.room_id = r.id and rm.from_date <= ? and (rm.until_date is null or rm.until_date >= ?)) as members
           from room r where r.status <> 'CLOSED' and ${where}) x
        group by members order by members`,
      [today, today, ...params],
    );
    const [ownOffice, ownOfficeParams] = reportPolicy.officeRowScope(this.viewer);
    const perOffice = await this.sql<{ office_id: string; office_name: string; rooms: number }>(
      `select o.id as office_id, o.name as office_name, count(distinct r.id)::int as rooms
         from room r join room_member rm on rm.room_id = r.id join app_user u on u.id = rm.user_id join office o on o.id = u.office_id
        where r.status <> 'CLOSED' and rm.from_date <= ? and (rm.until_date is null or rm.until_date >= ?) and ${where}
          and ${ownOffice}
        group by o.id, o.name, o.name_kana order by rooms desc, o.name_kana, o.name`,
      [today, today, ...params, ...ownOfficeParams],
    );
    return {
      months: months.map((m) => ({ month: m.month, opened: m.opened, closed: m.closed, openAtEnd: m.open_at_end })),
      membersPerRoom: buckets,
      roomsPerOffice: perOffice.map((o) => ({ officeId: o.office_id, officeName: o.office_name, rooms: o.rooms })),
    };
  }

  async applications(): Promise<ApplicationsReport> {
    const [where, params] = this.scope('application');
    const counts = await this.sql<{ type: string; state: string; n: number }>(`select a.type, a.state, count(*)::int as n from application a where ${where} group by 1, 2 order by 1, 2`, params);
    // from the first submission to the first forward / completion, in days
    const durations = await this.sql<{ type: string; step: string; n: number; median: number; p90: number }>(
      `with steps as (
         select a.id, a.type,
                min(e.at) filter (where e.action = 'SUBMIT') as submitted,
                min(e.at) filter (where e.action = 'FORWARD') as forwarded,
                min(e.at) filter (where e.action = 'COMPLETE') as completed
           from application a join application_event e on e.application_id = a.id
          where ${where} group by a.id, a.type),
       spans as (
         select type, 'FORWARD' as step, extract(epoch from forwarded - submitted) / 86400 as days from steps where forwarded is not null
         union all
         select type, 'COMPLETE', extract(epoch from completed - submitted) / 86400 from steps where completed is not null)
       select type, step, count(*)::int as n,
              round(percentile_cont(0.5) within group (order by days)::numeric, 2)::float as median,
              round(percentile_cont(0.9) within group (order by days)::numeric, 2)::float as p90
         from spans group by type, step order by type, step desc`,
      params,
    );
    return {
      counts: counts.map((c) => ({ type: c.type as never, state: c.state as never, count: c.n })),
      durations: durations.map((d) => ({ type: d.type as never, step: d.step, count: d.n, medianDays: d.median, p90Days: d.p90 })),
    };
  }

  async activity(): Promise<ActivityRow[]> {
    const [where, params] = this.scope('post');
    const rows = await this.sql<{ month: string; office_id: string; office_name: string; posts: number; care_reports: number }>(
      `select ${month('p.created_at')} as month, o.id as office_id, o.name as office_name,
              count(*)::int as posts, count(*) filter (where p.kind = 'CARE_REPORT')::int as care_reports
         from post p join room r on r.id = p.room_id join app_user u on u.id = p.author_id join office o on o.id = u.office_id
        where ${where}
        group by 1, 2, 3, o.name_kana order by 1, o.name_kana, 3`,
      params,
    );
    return rows.map((r) => ({ month: r.month, officeId: r.office_id, officeName: r.office_name, posts: r.posts, careReports: r.care_reports }));
  }
}
