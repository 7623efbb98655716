// Target 2, the yardstick: a plain node:http handler that runs ONE hand-written SQL statement per
// request and sends PostgreSQL's own JSON text (json_build_object / json_agg) untouched. It returns
// the same JSON as our API (same keys, order and values; bench/run.ts checks it) but skips what
// the API does besides: no session lookup, no authorization, no audit row, no GraphQL parsing or
// validation. The scope (municipality) is a parameter, as the API takes it from the session.
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fail, instrumentPg, serveRunner, targetConfig } from './common.js';
import type { QueryKey } from '../queries.js';
import type { WriteKey } from '../writes.js';
import { actionLabels } from '../../api/audit/action-labels.js';

const require = createRequire(import.meta.url);

/** Timestamps exactly as the API writes them (Date#toISOString). */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const person = (u: string, o: string) => `json_build_object('name', ${u}.name, 'officeName', ${o}.name)`;
/** The actions' Japanese names (api/audit/action-labels.ts, the reference table the API reads them from) as SQL rows. */
const actionLabelRows = Object.entries(actionLabels)
  .map(([code, label]) => `('${code.replace(/'/g, "''")}', '${label.ja.replace(/'/g, "''")}')`)
  .join(', ');
const members = (room: string, withDetails: boolean) => `coalesce((
    select json_agg(json_build_object(${withDetails ? `'permission', m.permission, 'fromDate', m.from_date, 'untilDate', m.until_date, ` : ''}'person', ${person('u', 'o')}) order by m.from_date, m.id)
      from room_member m join app_user u on u.id = m.user_id left join office o on o.id = u.office_id
     where m.room_id = ${room}), '[]')`;

/** One statement per query; the parameters are listed in bench/queries.ts (raw). */
export const RAW_SQL: Record<QueryKey, string> = {
  // $1 municipality, $2 office, $3 contains-pattern, $4 limit, $5 offset
  users: `
with f as (
  select u.* from app_user u
   where u.municipality_id = $1 and u.office_id = $2
     and (u.name || ' ' || u.name_kana || ' ' || u.login_id) ilike $3
), page as (
  select * from f order by name_kana asc, id asc limit $4 offset $5
)
select json_build_object('data', json_build_object('users', json_build_object(
  'items', coalesce((
    select json_agg(json_build_object(
             'id', p.id, 'loginId', p.login_id, 'name', p.name, 'nameKana', p.name_kana, 'role', p.role, 'jobType', p.job_type,
             'status', p.status, 'officeAdmin', p.office_admin, 'email', p.email, 'stopDate', p.stop_date,
             'lastSignInAt', ${iso('p.last_sign_in_at')}, 'createdAt', ${iso('p.created_at')}, 'version', p.version,
             'office', (select json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'status', o.status) from office o where o.id = p.office_id))
           order by p.name_kana, p.id)
      from page p), '[]'),
  'total', (select count(*) from f))))::text as body`,

  // $1 municipality, $2 limit, $3 offset; the total from the counts the writes keep, as the API reads it (room_count)
  rooms: `
with f as (select id, name, updated_at, patient_id, municipality_id from room where municipality_id = $1),
page as (select * from f order by updated_at desc, id desc limit $2 offset $3)
/*log*/
select json_build_object('data', json_build_object('rooms', json_build_object(
  'items', coalesce((
    select json_agg(json_build_object('name', p.name, 'members', ${members('p.id', false)}) order by p.updated_at desc, p.id desc)
      from page p), '[]'),
  'total', (select coalesce(sum(n), 0) from room_count where municipality_id = $1))))::text as body`,

  // $1 room, $2 municipality, $3 limit, $4 offset
  room: `
with r as (select * from room where id = $1 and municipality_id = $2),
page as (select p.* from post p where p.room_id = (select id from r) order by p.created_at desc, p.id desc limit $3 offset $4)
/*log*/
select json_build_object('data', json_build_object(
  'room', (select json_build_object('name', r.name, 'status', r.status,
                    'members', ${members('r.id', true)},
                    'consent', (select json_build_object('consentDate', c.consent_date, 'signer', c.signer, 'proxyName', c.proxy_name,
                                                         'explainingPersonName', c.explaining_person_name, 'withdrawnAt', ${iso('c.withdrawn_at')})
                                  from consent c where c.id = r.consent_id))
             from r),
  'posts', json_build_object(
    'items', coalesce((
      select json_agg(json_build_object('body', p.body, 'author', ${person('u', 'o')},
                                        'readCount', (select count(*) from post_read pr where pr.post_id = p.id and pr.user_id <> p.author_id))
             order by p.created_at desc, p.id desc)
        from page p join app_user u on u.id = p.author_id left join office o on o.id = u.office_id), '[]'),
    'total', (select count(*) from post p where p.room_id = (select id from r)))))::text as body`,

  // $1 room, $2 municipality, $3 limit, $4 offset
  deepPosts: `
with r as (select id, patient_id, municipality_id from room where id = $1 and municipality_id = $2),
page as (select p.* from post p where p.room_id = (select id from r) order by p.created_at desc, p.id desc limit $3 offset $4)
/*log*/
select json_build_object('data', json_build_object('posts', json_build_object(
  'items', coalesce((
    select json_agg(json_build_object('id', p.id, 'kind', p.kind, 'title', p.title, 'body', p.body, 'createdAt', ${iso('p.created_at')},
                                      'author', ${person('u', 'o')},
                                      'readCount', (select count(*) from post_read pr where pr.post_id = p.id and pr.user_id <> p.author_id))
           order by p.created_at desc, p.id desc)
      from page p join app_user u on u.id = p.author_id left join office o on o.id = u.office_id), '[]'),
  'total', (select count(*) from post p where p.room_id = (select id from r)))))::text as body`,

  // $1 municipality: the reports page's roster (the API's ReportService#roster without the rows: its
  // headcounts from the counts the writes keep, totals in first-seen order; and #rosterOffices: the
  // first page of 25 offices by フリガナ with their accounts, and how many offices there are)
  roster: `
with headcount as (
  select job_type, case when status = 'ACTIVE' and stop_date < (now() at time zone 'Asia/Tokyo')::date then 'STOPPED' else status end as status, sum(n)::int as n
    from user_headcount where municipality_id = $1 group by 1, 2 having sum(n) > 0
), numbered as (
  select *, row_number() over (order by job_type, status) as rn from headcount
), totals as (
  select status, sum(n)::int as n, min(rn) as first_seen from numbered group by status
), page as (
  select o.id, o.name, o.kind, o.name_kana, o.municipality_id from office o where o.municipality_id = $1 order by o.name_kana, o.id limit 25
), offices as (
  select p.*, m.name as municipality_name,
         coalesce((select json_agg(json_build_object('jobType', c.job_type, 'status', c.status, 'count', c.n) order by c.job_type, c.status)
                     from (select u.job_type, case when u.status = 'ACTIVE' and u.stop_date < (now() at time zone 'Asia/Tokyo')::date then 'STOPPED' else u.status end as status, count(*)::int as n
                             from app_user u where u.office_id = p.id group by 1, 2) c), '[]') as counts
    from page p join municipality m on m.id = p.municipality_id
)
select json_build_object('data', json_build_object(
  'rosterReport', json_build_object(
    'totals', coalesce((select json_agg(json_build_object('status', status, 'count', n) order by first_seen) from totals), '[]'),
    'activeHeadcount', coalesce((select n from totals where status = 'ACTIVE'), 0),
    'activeByJobType', coalesce((select json_agg(json_build_object('jobType', job_type, 'count', n) order by rn) from numbered where status = 'ACTIVE'), '[]')),
  'rosterOffices', json_build_object(
    'total', (select coalesce(sum(n), 0) from office_count where municipality_id = $1)::int, -- kept by the writes, as the API reads it
    'items', coalesce((select json_agg(json_build_object('municipalityName', municipality_name, 'officeId', id, 'officeName', name, 'officeKind', kind, 'counts', counts) order by name_kana, id) from offices), '[]'))))::text as body`,

  // $1 municipality (the API's ReportService#applications: both of its statements in one), from the
  // counts the writes keep (api/reports/kept-counts.entity.ts), as the API reads them
  applications: `
with counts as (
  select type, state, sum(n)::int as n from application_count where municipality_id = $1 group by 1, 2 having sum(n) > 0
), h as (
  select type, step, tenths, sum(n) as n from application_step_count where municipality_id = $1 group by 1, 2, 3 having sum(n) > 0
), c as (
  select type, step, tenths, n::float8 as n, (sum(n) over (partition by type, step order by tenths) - n)::float8 as before,
         (sum(n) over (partition by type, step) - 1)::float8 as last from h
), r as (
  select type, step, last, 0.5 * last as m, 0.9 * last as p,
         min(tenths) filter (where floor(0.5 * last) >= before and floor(0.5 * last) < before + n) as m_lo,
         min(tenths) filter (where ceil(0.5 * last) >= before and ceil(0.5 * last) < before + n) as m_hi,
         min(tenths) filter (where floor(0.9 * last) >= before and floor(0.9 * last) < before + n) as p_lo,
         min(tenths) filter (where ceil(0.9 * last) >= before and ceil(0.9 * last) < before + n) as p_hi
    from c group by type, step, last
), durations as (
  select type, step, (last + 1)::int as n,
         round(((m_lo + (m - floor(m)) * (m_hi - m_lo)) / 10)::numeric, 2)::float as median,
         round(((p_lo + (p - floor(p)) * (p_hi - p_lo)) / 10)::numeric, 2)::float as p90
    from r
)
select json_build_object('data', json_build_object('applicationsReport', json_build_object(
  'counts', coalesce((select json_agg(json_build_object('type', type, 'state', state, 'count', n) order by type, state) from counts), '[]'),
  'durations', coalesce((select json_agg(json_build_object('type', type, 'step', step, 'count', n, 'medianDays', median, 'p90Days', p90) order by type, step desc) from durations), '[]'))))::text as body`,

  // $1 municipality (the API's ReportService#roster without the rows, and #rooms' months: the home
  // page), from the counts the writes keep (api/reports/kept-counts.entity.ts), as the API reads them
  home: `
with active as (
  select job_type, sum(n)::int as n from user_headcount
   where municipality_id = $1 and status = 'ACTIVE' and (stop_date is null or stop_date >= (now() at time zone 'Asia/Tokyo')::date)
   group by 1 having sum(n) > 0
), counted as (
  select month::timestamp as m, opened, closed from room_month_count where municipality_id = $1
), months as (
  select span.m, coalesce(c.opened, 0)::int as opened, coalesce(c.closed, 0)::int as closed,
         (sum(coalesce(c.opened, 0)) over (order by span.m) - sum(coalesce(c.closed, 0)) over (order by span.m))::int as open_at_end
    from generate_series((select min(m) from counted where opened > 0), date_trunc('month', now() at time zone 'Asia/Tokyo'), interval '1 month') as span(m)
    left join counted c on c.m = span.m
)
select json_build_object('data', json_build_object(
  'rosterReport', json_build_object('activeHeadcount', coalesce((select sum(n) from active), 0)::int,
                                    'activeByJobType', coalesce((select json_agg(json_build_object('jobType', job_type, 'count', n) order by job_type) from active), '[]')),
  'roomsReport', json_build_object('months', coalesce((select json_agg(json_build_object('month', to_char(m, 'YYYY-MM'), 'opened', opened, 'closed', closed, 'openAtEnd', open_at_end) order by m) from months), '[]'))))::text as body`,

  // $1 municipality, $2 month (YYYY-MM): the reports page's activity (the API's
  // ReportService#activityMonths from the totals kept per month, and #activityOffices: the month's
  // first page of 25 offices by フリガナ with their counts, and how many offices there are)
  activity: `
with months as (
  select to_char(month, 'YYYY-MM') as month, sum(posts)::int as posts, sum(care_reports)::int as care_reports
    from post_month_total where municipality_id = $1 group by month having sum(posts) > 0
), page as (
  select o.id, o.name, o.name_kana from office o where o.municipality_id = $1 order by o.name_kana, o.id limit 25
), offices as (
  select p.id, p.name, p.name_kana, coalesce(c.posts, 0)::int as posts, coalesce(c.care_reports, 0)::int as care_reports
    from page p cross join lateral (
      select sum(c.posts) as posts, sum(c.care_reports) as care_reports from post_month_count c
       where c.office_id = p.id and c.month = ($2 || '-01')::date and c.municipality_id = $1) c
)
select json_build_object('data', json_build_object(
  'activityMonths', coalesce((select json_agg(json_build_object('month', month, 'posts', posts, 'careReports', care_reports) order by month) from months), '[]'),
  'activityOffices', json_build_object(
    'total', (select coalesce(sum(n), 0) from office_count where municipality_id = $1)::int, -- kept by the writes, as the API reads it
    'items', coalesce((select json_agg(json_build_object('month', $2::text, 'officeId', id, 'officeName', name, 'posts', posts, 'careReports', care_reports) order by name_kana, id) from offices), '[]'))))::text as body`,

  // $1 municipality, $2 through this day (Japan time), $3 limit, $4 offset. One row past the page
  // tells whether another follows (no count); names as api/audit/audit-names.ts gives them to CITY.
  audit: `
with ahead as (
  select * from audit_event
   where municipality_id = $1 and occurred_at < ($2::date + 1)::timestamp at time zone 'Asia/Tokyo'
   order by occurred_at desc, id desc limit $3 + 1 offset $4
), page as (select * from ahead order by occurred_at desc, id desc limit $3),
labels(code, label) as (values ${actionLabelRows})
select json_build_object('data', json_build_object('auditEvents', json_build_object(
  'items', coalesce((
    select json_agg(json_build_object(
             'id', e.id::text, 'occurredAt', ${iso('e.occurred_at')}, 'action', e.action,
             'actionLabel', coalesce((select l.label from labels l where l.code = e.action), e.action),
             'targetName', case e.target_type
               when 'Application' then '受付番号 ' || upper(left(e.target_id::text, 8))
               when 'User' then (select u.name || ' (' || u.login_id || ')' from app_user u where u.id = e.target_id and u.municipality_id = $1)
               when 'Office' then (select o.name from office o where o.id = e.target_id and o.municipality_id = $1)
               when 'Municipality' then (select m.name from municipality m where m.id = e.target_id)
               when 'Room' then (select r.name from room r where r.id = e.target_id and r.municipality_id = $1)
               when 'Patient' then (select pt.name from patient pt where pt.id = e.target_id and pt.municipality_id = $1)
               when 'Consent' then (select pt.name from consent c join patient pt on pt.id = c.patient_id where c.id = e.target_id and pt.municipality_id = $1)
             end,
             'patientName', (select pt.name from patient pt where pt.id = e.patient_id and pt.municipality_id = $1),
             'outcome', e.outcome, 'actorId', e.actor_id, 'actorLoginId', e.actor_login_id, 'actorRole', e.actor_role,
             'targetType', e.target_type, 'targetId', e.target_id, 'municipalityId', e.municipality_id, 'officeId', e.office_id,
             'patientId', e.patient_id, 'roomId', e.room_id, 'ip', e.ip, 'detail', e.detail)
           order by e.occurred_at desc, e.id desc)
      from page e), '[]'),
  'hasNextPage', (select count(*) from ahead) > $3)))::text as body`,
};

/**
 * The access-log rows the API writes in the same statement as a read of patient data
 * (api/audit/audit.ts readLogInsert), for the signed-in user whose id is parameter `$actor`;
 * `rows` selects action, municipality_id, target_type, target_id, patient_id, room_id and detail.
 */
const accessLog = (actor: number, rows: string) => `,
me as (select id, login_id, role, office_id from app_user where id = $${actor}),
logged as (insert into audit_event (occurred_at, action, outcome, actor_id, actor_login_id, actor_role, ip, municipality_id, office_id, target_type, target_id, patient_id, room_id, detail)
           select now(), l.action, 'SUCCESS', me.id, me.login_id, me.role, '127.0.0.1', l.municipality_id, me.office_id, l.target_type, l.target_id, l.patient_id, l.room_id, l.detail
             from me, (${rows}) l)`;
/** A posts page's row: the room, and the ids of the page's posts in its order (api/posts/post.service.ts). */
const postList = `select 'post.list' as action, r.municipality_id, 'Room' as target_type, r.id as target_id, r.patient_id, r.id as room_id,
                         jsonb_build_object('postIds', (select coalesce(jsonb_agg(p.id order by p.created_at desc, p.id desc), '[]') from page p), 'filter', null) as detail from r`;

/**
 * The yardstick of a read that logs: the same statement writing the same access-log rows as the
 * API (one per listed room; the room, its consent and the posts page), its last parameter the
 * signed-in user's id. What it serves is the most any server can serve on this machine while it
 * commits the log before answering, as the API must (bench/report.ts, the throughput check).
 */
export const RAW_LOGGED_SQL: Partial<Record<QueryKey, string>> = {
  rooms: RAW_SQL.rooms.replace(
    '/*log*/',
    accessLog(4, `select 'room.list' as action, p.municipality_id, 'Room' as target_type, p.id as target_id, p.patient_id, p.id as room_id, null::jsonb as detail from page p`),
  ),
  room: RAW_SQL.room.replace(
    '/*log*/',
    accessLog(
      5,
      `select x.action, r.municipality_id, 'Room' as target_type, r.id as target_id, r.patient_id, r.id as room_id, null::jsonb as detail from r, (values ('room.read'), ('consent.read')) x(action) union all ${postList}`,
    ),
  ),
  deepPosts: RAW_SQL.deepPosts.replace('/*log*/', accessLog(5, postList)),
};
for (const k of Object.keys(RAW_SQL) as QueryKey[]) RAW_SQL[k] = RAW_SQL[k].replace('/*log*/\n', '');

/** The audit row as api/audit/audit.ts writes it for the signed-in user (ip: the loopback, as the API sees the runner); `rest`: municipality … detail, then FROM. */
const auditRow = (action: string, actor: string, rest: string) =>
  `insert into audit_event (occurred_at, action, outcome, actor_id, actor_login_id, actor_role, ip, municipality_id, office_id, target_type, target_id, patient_id, room_id, detail)
   select now(), '${action}', 'SUCCESS', ${actor}.id, ${actor}.login_id, ${actor}.role, '127.0.0.1', ${rest}`;

/**
 * The writes (bench/writes.ts), each one statement — so one transaction — doing the inserts and
 * updates the API's mutation does, without its session, authorization or validation; the answer
 * is built in PostgreSQL as for the reads.
 */
export const RAW_WRITE_SQL: Record<WriteKey, string> = {
  // $1 room, $2 author, $3 title, $4 body, $5 vitals: post, the author's receipt, the room's
  // activity date, the audit event, and "new post" mails to the other live members not told
  // about this room within 30 minutes (api/mail/post-notices.ts)
  createPost: `
with r as (select id, municipality_id, patient_id from room where id = $1),
me as (select id, login_id, role, office_id from app_user where id = $2),
p as (insert into post (id, created_at, updated_at, version, room_id, author_id, kind, title, body, vitals)
      select gen_random_uuid(), now(), now(), 1, r.id, $2, 'CARE_REPORT', $3, $4, $5::jsonb from r returning id, room_id, kind),
rd as (insert into post_read (id, post_id, room_id, user_id, read_at) select gen_random_uuid(), p.id, p.room_id, $2, now() from p),
ru as (update room set updated_at = now() where id = $1),
au as (${auditRow('post.create', 'me', `r.municipality_id, me.office_id, 'Room', r.id, r.patient_id, r.id, jsonb_build_object('postId', p.id, 'kind', p.kind, 'attachments', 0) from me, r, p`)}),
members as (select u.id, u.email from room_member m join app_user u on u.id = m.user_id
             where m.room_id = $1 and m.user_id <> $2 and m.from_date <= (now() at time zone 'Asia/Tokyo')::date
               and (m.until_date is null or m.until_date >= (now() at time zone 'Asia/Tokyo')::date) and u.status = 'ACTIVE' and u.email is not null),
due as (insert into post_notice (room_id, user_id, noticed_at) select $1, id, now() from members
        on conflict (room_id, user_id) do update set noticed_at = excluded.noticed_at
          where post_notice.noticed_at <= excluded.noticed_at - make_interval(mins => 30)
        returning user_id),
mail as (insert into notification (id, municipality_id, kind, category, carries_credential, message_id, "to", subject, body, status, attempts, next_attempt_at, created_at)
         select gen_random_uuid(), r.municipality_id, 'post.created', 'POST', false, '<' || gen_random_uuid() || '@bench.invalid>', members.email,
                '【在宅医療・介護連携】新しい投稿があります', '参加している部屋に新しい投稿があります。 /#/rooms/' || r.id || '/show', 'PENDING', 0, now(), now()
           from due join members on members.id = due.user_id cross join r)
select json_build_object('data', json_build_object('createPost', (select json_build_object('id', id) from p)))::text as body`,

  // $1 reader, $2 room, $3 post ids (api/posts/post.service.ts#markRead)
  markPostsRead: `
with ins as (insert into post_read (id, post_id, room_id, user_id, read_at)
             select gen_random_uuid(), p.id, p.room_id, $1, now() from post p where p.room_id = $2 and p.id = any($3::uuid[])
             on conflict (post_id, user_id) do nothing returning id)
select json_build_object('data', json_build_object('markPostsRead', (select count(*) from ins)))::text as body`,

  // $1 application, $2 version, $3 the approving CITY user: SUBMITTED → FORWARDED, its history
  // event, the audit event, a mail to every active vendor with an address
  approveApplication: `
with a as (update application set state = 'FORWARDED', forwarded_at = now(), updated_at = now(), version = version + 1
            where id = $1 and version = $2 and state = 'SUBMITTED' returning id, municipality_id, office_id, type, summary, version),
me as (select id, login_id, role, name from app_user where id = $3),
ev as (insert into application_event (id, application_id, action, from_state, to_state, actor_id, actor_name, actor_role, comment, at)
       select gen_random_uuid(), a.id, 'FORWARD', 'SUBMITTED', 'FORWARDED', me.id, me.name, me.role, null, now() from a, me),
au as (${auditRow('application.forward', 'me', `a.municipality_id, a.office_id, 'Application', a.id, null, null, jsonb_build_object('type', a.type, 'from', 'SUBMITTED', 'to', 'FORWARDED') from me, a`)}),
mail as (insert into notification (id, municipality_id, kind, category, carries_credential, message_id, "to", subject, body, status, attempts, next_attempt_at, created_at)
         select gen_random_uuid(), a.municipality_id, 'application.forwarded', 'ACCOUNT', false, '<' || gen_random_uuid() || '@bench.invalid>', v.email,
                '【在宅医療・介護連携】職員追加申請の処理依頼', '回付されました。 内容: ' || a.summary || ' /#/applications/' || a.id || '/show', 'PENDING', 0, now(), now()
           from a cross join app_user v where v.role = 'VENDOR' and v.status = 'ACTIVE' and v.email is not null)
select coalesce((select json_build_object('data', json_build_object('forwardApplication', json_build_object('id', a.id, 'state', 'FORWARDED', 'version', a.version))) from a),
                json_build_object('errors', json_build_array(json_build_object('message', 'INVALID_TRANSITION'))))::text as body`,
};

async function main() {
  const counter = instrumentPg();
  const cfg = targetConfig();
  const pg = require('pg') as typeof import('pg');
  // idle connections close after 30 s, as in the API's pool (knex/tarn's default), not pg's 10 s
  const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: cfg.poolMax, idleTimeoutMillis: 30_000 });
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { q, w, params, logged, prepared } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          q?: QueryKey;
          w?: WriteKey;
          params: unknown[];
          logged?: boolean;
          prepared?: boolean;
        };
        const text = w ? RAW_WRITE_SQL[w] : logged ? RAW_LOGGED_SQL[q!] : RAW_SQL[q!];
        if (!text) throw new Error(`unknown query ${q ?? w}`);
        // unnamed by default: PostgreSQL plans the statement on every request, as the issue's
        // yardstick did when it set the limits; `prepared` names it, so each connection keeps it
        // and PostgreSQL its plan, as the API's statements are (api/db/rows.ts): "raw prepared"
        const name = prepared ? `${w ?? q}${logged ? '-logged' : ''}` : undefined;
        const result = await pool.query<{ body: string }>({ name, text, values: params });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(result.rows[0].body);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (e as Error).message }] }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { ready } = serveRunner(counter, async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await pool.end();
  });
  ready((server.address() as AddressInfo).port);
}

// a process started by bench/run.ts (importing this file for RAW_SQL starts nothing)
if (process.env.BENCH_TARGET_CONFIG && process.send) main().catch(fail);
