// The benchmark dataset, written with set-based SQL (generate_series + INSERT ... SELECT), never
// through the ORM row by row. Reproducible: every id is md5(seed, table, n)::uuid and every
// "random" choice is md5(seed, tag, n) read as a number in [0, 1) — the same seed gives the same
// rows on any machine. Dates are fixed (not "now"), so the data does not drift between runs.
//
// Default (scale 1): 3 municipalities, 600 offices, 6,000 office staff (+ CITY and VENDOR
// accounts), 5,000 patients/consents/rooms, ~35,000 memberships, 300,000 posts with ~2 read
// receipts each, 3,000 applications with their history, 200,000 audit events, 10,000 e-mails.
// --scale multiplies every count but the municipalities; each municipality keeps one busy room of
// 2,500 posts at any scale (query 4 reads page 101 of 20), and its three 150-staff hospitals: more
// users come with more offices, not bigger ones (the other offices keep their 8–10 staff at any
// scale too), so query 1 searches the same office in a 5× bigger table. Up to version 1 the
// hospitals grew with the scale (750 staff at scale 5), and the search's exact total with them.
import type { Client } from 'pg';

/** Bump when the generated rows change: cached template databases are then rebuilt. */
export const DATASET_VERSION = 2;

export interface DatasetOptions {
  scale: number;
  seed: number;
}

export interface DatasetCounts {
  municipalities: number;
  offices: number;
  bigOfficeStaff: number;
  users: number;
  rooms: number;
  bigRoomPosts: number;
  posts: number;
  applications: number;
  auditEvents: number;
  notifications: number;
}

export const MUNICIPALITIES = 3;
export const BIG_ROOM_POSTS = 2500;
export const BIG_OFFICE_STAFF = 150;

export function datasetCounts({ scale }: DatasetOptions): DatasetCounts {
  const M = MUNICIPALITIES;
  const s = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const offices = s(600, 10 * M);
  const rooms = s(5000, 10 * M);
  return {
    municipalities: M,
    offices,
    bigOfficeStaff: Math.min(BIG_OFFICE_STAFF, s(BIG_OFFICE_STAFF, 10)), // smaller below scale 1 (the tests' tiny datasets)
    users: s(6000, 3 * offices),
    rooms,
    bigRoomPosts: BIG_ROOM_POSTS,
    posts: Math.max(s(300000, 0), BIG_ROOM_POSTS * M + 20 * rooms),
    applications: s(3000, 30),
    auditEvents: s(200000, 1000),
    notifications: s(10000, 100),
  };
}

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水'];
const FAMILY_KANA = [
  'サトウ',
  'スズキ',
  'タカハシ',
  'タナカ',
  'イトウ',
  'ワタナベ',
  'ヤマモト',
  'ナカムラ',
  'コバヤシ',
  'カトウ',
  'ヨシダ',
  'ヤマダ',
  'ササキ',
  'ヤマグチ',
  'マツモト',
  'イノウエ',
  'キムラ',
  'ハヤシ',
  'サイトウ',
  'シミズ',
];
const GIVEN = ['花子', '太郎', '一郎', '恵子', '健', '裕子', '誠', '美香', '大輔', '直子', '浩', '明美', '翔太', '由美', '隆', '陽子', '拓也', '愛', '修', '久美子'];
const GIVEN_KANA = [
  'ハナコ',
  'タロウ',
  'イチロウ',
  'ケイコ',
  'ケン',
  'ユウコ',
  'マコト',
  'ミカ',
  'ダイスケ',
  'ナオコ',
  'ヒロシ',
  'アケミ',
  'ショウタ',
  'ユミ',
  'タカシ',
  'ヨウコ',
  'タクヤ',
  'アイ',
  'オサム',
  'クミコ',
];
const PLACE = ['中央', '千波', '見川', '赤塚', '常澄', '内原', '緑岡', '双葉台', '大洗', '友部'];
const PLACE_KANA = ['チュウオウ', 'センバ', 'ミガワ', 'アカツカ', 'ツネズミ', 'ウチハラ', 'ミドリオカ', 'フタバダイ', 'オオアライ', 'トモベ'];
const PHRASES = [
  '本日訪問しました。',
  '血圧は安定しています。',
  '食事量は半分程度でした。',
  '夜間の不眠の訴えがありました。',
  '入浴介助を実施しました。',
  '皮膚の発赤はありません。',
  '服薬は確認済みです。',
  'ご家族より相談がありました。',
  '次回の訪問は来週火曜日です。',
  '歩行時のふらつきに注意してください。',
  '褥瘡の処置を行いました。',
  '体重が先月より減少しています。',
  '水分摂取を促しました。',
  'リハビリを実施し、表情は良好でした。',
  'ケアプランを見直します。',
  '訪問診療で処方が変更になりました。',
  '排便コントロール良好です。',
  'デイサービスの利用を再開しました。',
  '主治医に報告済みです。',
  '特記事項はありません。',
];
const TITLES = ['訪問診療', '訪問看護', '訪問介護', '訪問リハビリ', 'ケアマネジャー', 'その他'];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (items: string[]) => `array[${items.map(lit).join(', ')}]`;
/** (array[...])[1 + floor(r * n)]: one item, chosen by a number r in [0, 1) */
const pick = (items: string[], r: string) => `(${arr(items)})[1 + floor(${r} * ${items.length})::int]`;

/** When the dataset's world stands still: every date is before this. */
const BASE = `timestamptz '2026-10-31 00:00:00+00'`;

export async function buildDataset(c: Client, o: DatasetOptions, secrets: { passwordHash: string; sealedTotp: string }, log: (m: string) => void): Promise<DatasetCounts> {
  const n = datasetCounts(o);
  const M = n.municipalities;
  const seed = Math.trunc(o.seed);
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const r = await c.query(sql, params);
    log(`  ${label}${r.rowCount !== null && r.command === 'INSERT' ? `: ${r.rowCount.toLocaleString('en')} rows` : ''} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  await c.query(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '512MB'; set max_parallel_workers_per_gather = 0`);
  // rnd(tag, i) in [0, 1) and uid(tag, i): deterministic functions of the seed
  await c.query(`create function pg_temp.rnd(tag text, i bigint) returns double precision language sql immutable as
    $$ select ('x' || substr(md5('${seed}:' || tag || ':' || i), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);
  await c.query(`create function pg_temp.uid(tag text, i bigint) returns uuid language sql immutable as
    $$ select md5('${seed}:id:' || tag || ':' || i)::uuid $$`);
  const ts = (tag: string, i: string, days: number) => `date_trunc('second', ${BASE} - pg_temp.rnd('${tag}', ${i}) * interval '${days} days')`;

  await step(
    'municipalities',
    `
    insert into municipality (id, created_at, updated_at, version, code, name, prefecture, contact_name, contact_email)
    select pg_temp.uid('muni', m), timestamptz '2024-04-01 00:00:00+00', timestamptz '2024-04-01 00:00:00+00', 1, code, name, '茨城県', '高齢福祉課 地域支援センター', 'city' || m || '@example.jp'
      from (values (1, '082015', '水戸市'), (2, '082163', '笠間市'), (3, '082023', '日立市')) v(m, code, name) where m <= ${M}`,
  );

  // offices: the first three of each municipality are big hospitals
  await c.query(`create temp table t_off as
    select i, ((i - 1) % ${M}) + 1 as muni,
           case when i <= ${3 * M} then 'MEDICAL' when pg_temp.rnd('ok', i) < 0.3 then 'MEDICAL' when pg_temp.rnd('ok', i) < 0.8 then 'SERVICE' else 'CARE_MANAGEMENT' end as kind,
           case when i > ${3 * M} and pg_temp.rnd('os', i) < 0.05 then 'INACTIVE' else 'ACTIVE' end as status,
           1 + floor(pg_temp.rnd('op', i) * ${PLACE.length})::int as place
      from generate_series(1, ${n.offices}) i`);
  await c.query(
    `alter table t_off add column n int; update t_off t set n = x.n from (select i, row_number() over (partition by muni order by i) n from t_off) x where x.i = t.i; create index on t_off (muni, n)`,
  );
  await step(
    'offices',
    `
    insert into office (id, created_at, updated_at, version, municipality_id, kind, status, name, name_kana, office_number, postal_code, address, phone, service_types,
                        corporation_name, corporation_name_kana, representative_name, representative_name_kana, corporation_address, corporation_phone, contact_email, credentials_delivery)
    select pg_temp.uid('office', i), ${ts('oc', 'i', 900)}, ${ts('oc', 'i', 900)}, 1, pg_temp.uid('muni', muni), kind, status,
           (${arr(PLACE)})[place] || case when i <= ${3 * M} then '総合病院' when kind = 'MEDICAL' then 'クリニック' when kind = 'SERVICE' then '訪問看護ステーション' else '居宅介護支援事業所' end || ' ' || i,
           (${arr(PLACE_KANA)})[place] || case when i <= ${3 * M} then 'ソウゴウビョウイン' when kind = 'MEDICAL' then 'クリニック' when kind = 'SERVICE' then 'ホウモンカンゴステーション' else 'キョタクカイゴシエンジギョウショ' end,
           case when kind = 'MEDICAL' then null else '08' || lpad(i::text, 8, '0') end,
           '310-' || lpad((i % 10000)::text, 4, '0'), '茨城県水戸市' || (${arr(PLACE)})[place] || i || '-1', '029-000-' || lpad((i % 10000)::text, 4, '0'),
           case when kind = 'SERVICE' then array[${pick(['HOME_NURSING', 'HOME_HELP', 'DAY_SERVICE', 'HOME_REHABILITATION', 'HOME_BATHING'], "pg_temp.rnd('st', i)")}] else '{}'::text[] end,
           '医療法人' || (${arr(PLACE)})[place] || '会 ' || i, 'イリョウホウジン' || (${arr(PLACE_KANA)})[place] || 'カイ', '代表 太郎', 'ダイヒョウ タロウ',
           '茨城県水戸市' || (${arr(PLACE)})[place] || '1-1', '029-111-' || lpad((i % 10000)::text, 4, '0'), 'office' || i || '@example.jp', 'OFFICE_ADDRESS'
      from t_off`,
  );

  // office staff: big hospitals get bigOfficeStaff each, the rest are spread over the other offices
  const bigStaff = n.bigOfficeStaff * 3 * M;
  await c.query(`create temp table t_usr as
    select u, office_i, o.muni, o.kind,
           case when o.status = 'INACTIVE' then 'STOPPED' when pg_temp.rnd('us', u) < 0.90 then 'ACTIVE' when pg_temp.rnd('us', u) < 0.94 then 'STOPPED'
                when pg_temp.rnd('us', u) < 0.97 then 'PENDING' else 'LOCKED' end as status,
           1 + floor(20 * power(pg_temp.rnd('uf', u), 2))::int as fam, 1 + floor(20 * pg_temp.rnd('ug', u))::int as giv
      from (select u, case when u <= ${bigStaff} then ((u - 1) / ${n.bigOfficeStaff}) + 1
                           else ${3 * M} + 1 + floor(pg_temp.rnd('uo', u) * ${n.offices - 3 * M})::int end as office_i
              from generate_series(1, ${n.users}) u) x
      join t_off o on o.i = x.office_i`);
  await step(
    'office staff',
    `
    insert into app_user (id, created_at, updated_at, version, login_id, role, municipality_id, office_id, office_admin, name, name_kana, job_type, care_manager_number,
                          ict_linkage, email, status, stop_date, last_sign_in_at, password_hash, must_change_password, failed_sign_ins)
    select pg_temp.uid('user', u), ${ts('uc', 'u', 900)}, ${ts('uc', 'u', 900)}, 1, 'u' || lpad(u::text, 6, '0'), 'OFFICE', pg_temp.uid('muni', muni), pg_temp.uid('office', office_i),
           row_number() over (partition by office_i order by u) = 1,
           (${arr(FAMILY)})[fam] || ' ' || (${arr(GIVEN)})[giv], (${arr(FAMILY_KANA)})[fam] || ' ' || (${arr(GIVEN_KANA)})[giv], job,
           case when job = 'CARE_MANAGER' then lpad(u::text, 8, '0') end, false,
           case when pg_temp.rnd('ue', u) < 0.7 then 'u' || lpad(u::text, 6, '0') || '@example.jp' end,
           status, case when status = 'STOPPED' then date '2025-01-01' + floor(pg_temp.rnd('sd', u) * 600)::int end,
           case when status = 'ACTIVE' and pg_temp.rnd('ls', u) < 0.8 then ${ts('ll', 'u', 60)} end, $1, false, 0
      from (select *, case kind
                 when 'MEDICAL' then ${pick(['DOCTOR', 'NURSE', 'NURSE', 'NURSE', 'PHARMACIST', 'THERAPIST', 'OFFICE_STAFF'], "pg_temp.rnd('uj', u)")}
                 when 'SERVICE' then ${pick(['NURSE', 'NURSE', 'CARE_WORKER', 'CARE_WORKER', 'THERAPIST', 'OFFICE_STAFF'], "pg_temp.rnd('uj', u)")}
                 else ${pick(['CARE_MANAGER', 'CARE_MANAGER', 'CARE_MANAGER', 'OFFICE_STAFF'], "pg_temp.rnd('uj', u)")} end as job
              from t_usr) x`,
    [secrets.passwordHash],
  );
  // the accounts the benchmark signs in with (TOTP enrolled), and a second CITY user per city
  await step(
    'city and vendor accounts',
    `
    insert into app_user (id, created_at, updated_at, version, login_id, role, municipality_id, office_id, office_admin, name, name_kana, job_type, ict_linkage, status,
                          password_hash, must_change_password, failed_sign_ins, totp_secret, totp_enabled_at)
    select pg_temp.uid('city', m * 10 + k), timestamptz '2024-04-01 00:00:00+00', timestamptz '2024-04-01 00:00:00+00', 1,
           case when k = 1 then 'bench-city-' || m else 'city-' || m || '-' || k end, 'CITY', pg_temp.uid('muni', m), null::uuid, false,
           '市役所 ' || (${arr(GIVEN)})[m + k], 'シヤクショ ' || (${arr(GIVEN_KANA)})[m + k], 'ADMINISTRATOR', false, 'ACTIVE', $1, false, 0,
           case when k = 1 then $2 end, case when k = 1 then timestamptz '2024-04-01 00:00:00+00' end
      from generate_series(1, ${M}) m, generate_series(1, 2) k
    union all
    select pg_temp.uid('vendor', 1), timestamptz '2024-04-01 00:00:00+00', timestamptz '2024-04-01 00:00:00+00', 1, 'bench-vendor', 'VENDOR', null::uuid, null::uuid, false,
           '運用 担当', 'ウンヨウ タントウ', 'ADMINISTRATOR', false, 'ACTIVE', $1, false, 0, $2, timestamptz '2024-04-01 00:00:00+00'`,
    [secrets.passwordHash, secrets.sealedTotp],
  );

  // members come from the municipality's active office staff, numbered per municipality
  await c.query(`create temp table t_act as select muni, row_number() over (partition by muni order by u) as n, pg_temp.uid('user', u) as id, office_i from t_usr where status = 'ACTIVE';
    create index on t_act (muni, n);
    create temp table t_actc as select muni, count(*)::bigint as cnt from t_act group by muni`);
  await c.query(`create temp table t_room as
    select r, ((r - 1) % ${M}) + 1 as muni,
           case when r <= ${M} then 11 else 3 + floor(pg_temp.rnd('mk', r) * 9)::int end as k,
           case when r <= ${M} then 'ACTIVE' when pg_temp.rnd('rs', r) < 0.85 then 'ACTIVE' when pg_temp.rnd('rs', r) < 0.90 then 'CLOSING' else 'CLOSED' end as status,
           date_trunc('second', ${BASE} - interval '30 days' - pg_temp.rnd('rc', r) * interval '700 days') as created,
           1 + floor(20 * power(pg_temp.rnd('pf', r), 2))::int as fam, 1 + floor(20 * pg_temp.rnd('pg', r))::int as giv
      from generate_series(1, ${n.rooms}) r`);
  await c.query(`create temp table t_mem as
    select t.r, j, a.id as user_id, a.office_i
      from t_room t cross join generate_series(0, 10) j
      join t_actc c on c.muni = t.muni
      join t_act a on a.muni = t.muni and a.n = 1 + ((floor(pg_temp.rnd('mu', t.r) * c.cnt)::bigint + j * greatest(1, c.cnt / 11)) % c.cnt)
     where j < t.k;
    create index on t_mem (r);
    create temp table t_rma as select r, array_agg(user_id order by j) as ids, count(*)::int as cnt from t_mem group by r;
    create index on t_rma (r)`);
  await step(
    'patients',
    `
    insert into patient (id, created_at, updated_at, version, municipality_id, name, name_kana, sex, birth_date, postal_code, address, phone, care_level, insured_number)
    select pg_temp.uid('patient', r), created, created, 1, pg_temp.uid('muni', muni), (${arr(FAMILY)})[fam] || ' ' || (${arr(GIVEN)})[giv], (${arr(FAMILY_KANA)})[fam] || ' ' || (${arr(GIVEN_KANA)})[giv],
           case when pg_temp.rnd('sx', r) < 0.6 then 'FEMALE' else 'MALE' end, date '1925-01-01' + floor(pg_temp.rnd('bd', r) * 9000)::int,
           '310-' || lpad((r % 10000)::text, 4, '0'), '茨城県水戸市' || (${arr(PLACE)})[1 + r % ${PLACE.length}] || r || '-2', '029-222-' || lpad((r % 10000)::text, 4, '0'),
           ${pick(['SUPPORT_1', 'SUPPORT_2', 'CARE_1', 'CARE_2', 'CARE_3', 'CARE_4', 'CARE_5', 'APPLYING'], "pg_temp.rnd('cl', r)")}, lpad((1000000000 + r)::text, 10, '0')
      from t_room`,
  );
  await step(
    'consents',
    `
    insert into consent (id, created_at, updated_at, version, patient_id, municipality_id, consent_date, signer, proxy_name, proxy_relationship, explaining_office_id, explaining_person_name, covered_office_ids)
    select pg_temp.uid('consent', t.r), t.created, t.created, 1, pg_temp.uid('patient', t.r), pg_temp.uid('muni', t.muni), t.created::date,
           case when pg_temp.rnd('cs', t.r) < 0.4 then 'PROXY' else 'SELF' end,
           case when pg_temp.rnd('cs', t.r) < 0.4 then '家族 一郎' end, case when pg_temp.rnd('cs', t.r) < 0.4 then '長男' end,
           pg_temp.uid('office', first.office_i), '説明 担当', offices.ids
      from t_room t
      join t_mem first on first.r = t.r and first.j = 0
      join (select r, array_agg(distinct pg_temp.uid('office', office_i)::text) as ids from t_mem group by r) offices on offices.r = t.r`,
  );
  await step(
    'rooms',
    `
    insert into room (id, created_at, updated_at, version, municipality_id, patient_id, consent_id, name, status, care_report_titles, closed_at, closed_reason)
    select pg_temp.uid('room', r), created, created, 1, pg_temp.uid('muni', muni), pg_temp.uid('patient', r), pg_temp.uid('consent', r),
           (${arr(FAMILY)})[fam] || ' ' || (${arr(GIVEN)})[giv], status, ${arr(TITLES)},
           case when status = 'CLOSED' then ${BASE} - interval '3 days' end, case when status = 'CLOSED' then ${pick(['DEATH', 'FACILITY_ADMISSION', 'OTHER'], "pg_temp.rnd('cr', r)")} end
      from t_room`,
  );
  await step(
    'memberships',
    `
    insert into room_member (id, created_at, updated_at, version, room_id, user_id, permission, from_date, until_date, ended_reason)
    select pg_temp.uid('member', m.r * 16 + m.j), t.created, t.created, 1, pg_temp.uid('room', m.r), m.user_id,
           case when m.j = 0 then 'COORDINATOR' when pg_temp.rnd('mp', m.r * 16 + m.j) < 0.1 then 'VIEWER' else 'CONTRIBUTOR' end,
           t.created::date + m.j, ended.until, case when ended.until is not null then 'removed' end
      from t_mem m join t_room t on t.r = m.r
      cross join lateral (select case when m.r > ${M} and m.j > 0 and pg_temp.rnd('me', m.r * 16 + m.j) < 0.08
                                      then greatest(t.created::date + m.j, least(date '2026-10-01', t.created::date + m.j + 30 + floor(pg_temp.rnd('mx', m.r * 16 + m.j) * 200)::int)) end as until) ended`,
  );

  // posts: 2,500 in each municipality's busy room (rooms 1..M), the rest skewed towards some rooms
  const bigPosts = n.bigRoomPosts * M;
  await c.query(`create temp table t_post as
    select p, x.r, pg_temp.uid('post', p) as id, a.ids[1 + floor(pg_temp.rnd('pa', p) * a.cnt)::int] as author_id,
           date_trunc('second', t.created + pg_temp.rnd('pt', p) * (${BASE} - t.created)) as created
      from (select p, case when p <= ${bigPosts} then ((p - 1) / ${n.bigRoomPosts}) + 1
                           else ${M} + 1 + floor(${n.rooms - M} * power(pg_temp.rnd('pr', p), 1.5))::int end as r
              from generate_series(1, ${n.posts}) p) x
      join t_rma a on a.r = x.r join t_room t on t.r = x.r`);
  await step(
    'posts',
    `
    insert into post (id, created_at, updated_at, version, room_id, author_id, kind, title, body, vitals)
    select id, created, created, 1, pg_temp.uid('room', r), author_id, kind,
           case when kind = 'CARE_REPORT' then ${pick(TITLES, "pg_temp.rnd('ti', p)")} end,
           ${pick(PHRASES, "pg_temp.rnd('b1', p)")} || ${pick(PHRASES, "pg_temp.rnd('b2', p)")} || case when pg_temp.rnd('b3', p) < 0.5 then ${pick(PHRASES, "pg_temp.rnd('b4', p)")} else '' end,
           case when kind = 'CARE_REPORT' and pg_temp.rnd('vi', p) < 0.5 then jsonb_build_object(
             'systolic', 100 + floor(pg_temp.rnd('v1', p) * 60)::int, 'diastolic', 60 + floor(pg_temp.rnd('v2', p) * 30)::int, 'pulse', 55 + floor(pg_temp.rnd('v3', p) * 40)::int,
             'temperature', round((35.8 + pg_temp.rnd('v4', p) * 1.6)::numeric, 1), 'spo2', 92 + floor(pg_temp.rnd('v5', p) * 8)::int) end
      from (select *, case when pg_temp.rnd('pk', p) < 0.3 then 'CARE_REPORT' else 'NOTE' end as kind from t_post) x`,
  );
  // read receipts: the author always (as the API records it), each other member with p = 0.2
  await step(
    'read receipts',
    `
    insert into post_read (id, post_id, room_id, user_id, read_at)
    select pg_temp.uid('read', tp.p * 16 + x.k), tp.id, pg_temp.uid('room', tp.r), x.u, tp.created + x.k * interval '1 hour'
      from t_post tp join t_rma a on a.r = tp.r cross join lateral unnest(a.ids) with ordinality x(u, k)
     where x.u = tp.author_id or pg_temp.rnd('rd', tp.p * 16 + x.k) < 0.2`,
  );
  await step('room activity dates', `update room r set updated_at = x.last from (select room_id, max(created_at) as last from post group by room_id) x where x.room_id = r.id`);

  // applications with their history (submit → forward → complete, or returned / rejected / withdrawn)
  await c.query(`create temp table t_app as
    select a, muni, type, state, applicant, office_i, submitted,
           submitted + (0.2 + pg_temp.rnd('d1', a) * 6) * interval '1 day' as t1,
           submitted + (2 + pg_temp.rnd('d2', a) * 20) * interval '1 day' as t2
      from (select a, ((a - 1) % ${M}) + 1 as muni,
                   ${pick(['OFFICE_REGISTRATION', 'STAFF_ADDITION', 'STAFF_ADDITION', 'STAFF_ADDITION', 'STAFF_ADDITION', 'ID_STOP', 'ID_STOP', 'ROOM_CREATION', 'ROOM_CREATION', 'ROOM_JOIN'], "pg_temp.rnd('at', a)")} as type,
                   pg_temp.rnd('as', a) as rs, date_trunc('second', ${BASE} - interval '25 days' - pg_temp.rnd('sa', a) * interval '700 days') as submitted
              from generate_series(1, ${n.applications}) a) x
      cross join lateral (select case when rs < 0.10 then 'SUBMITTED' when rs < 0.14 then 'RETURNED' when rs < 0.18 then 'REJECTED' when rs < 0.20 then 'WITHDRAWN'
                                      when rs < 0.28 and type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP') then 'FORWARDED' else 'COMPLETED' end as state) s
      cross join lateral (select c.cnt from t_actc c where c.muni = x.muni) c
      cross join lateral (select id as applicant, office_i from t_act where t_act.muni = x.muni and t_act.n = 1 + floor(pg_temp.rnd('ap', a) * c.cnt)::bigint) who`);
  await step(
    'applications',
    `
    insert into application (id, created_at, updated_at, version, municipality_id, type, state, channel, office_id, applicant_id, applicant_name, applicant_email, summary, payload,
                             submitted_at, first_submitted_at, forwarded_at, completed_at)
    select pg_temp.uid('app', a), submitted, submitted, 1, pg_temp.uid('muni', muni), type, state, case when type = 'OFFICE_REGISTRATION' then 'CITY' else 'OFFICE' end,
           case when type = 'OFFICE_REGISTRATION' and state <> 'COMPLETED' then null else pg_temp.uid('office', office_i) end,
           case when type = 'OFFICE_REGISTRATION' then null else applicant end, '申請 担当', 'applicant' || a || '@example.jp',
           '申請 ' || a || ': ' || type, jsonb_build_object('note', '申請 ' || a),
           submitted, submitted, case when state in ('FORWARDED', 'COMPLETED') and type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP') then t1 end,
           case when state = 'COMPLETED' then t2 end
      from t_app`,
  );
  await step(
    'application history',
    `
    insert into application_event (id, application_id, action, from_state, to_state, actor_id, actor_name, actor_role, comment, at)
    select pg_temp.uid('event', a * 4 + seq), pg_temp.uid('app', a), action, from_state, to_state, actor, actor_name, role, null, at from (
      select a, 0 as seq, 'SUBMIT' as action, null as from_state, 'SUBMITTED' as to_state, applicant as actor, '申請 担当' as actor_name, 'OFFICE' as role, submitted as at from t_app
      union all
      select a, 1, case state when 'RETURNED' then 'RETURN' when 'REJECTED' then 'REJECT' when 'WITHDRAWN' then 'WITHDRAW' else 'FORWARD' end, 'SUBMITTED',
             case state when 'COMPLETED' then 'FORWARDED' else state end, pg_temp.uid('city', muni * 10 + 1), '市役所 担当', 'CITY', t1
        from t_app where state in ('RETURNED', 'REJECTED', 'WITHDRAWN', 'FORWARDED') or (state = 'COMPLETED' and type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP'))
      union all
      select a, 2, 'COMPLETE', case when type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP') then 'FORWARDED' else 'SUBMITTED' end, 'COMPLETED',
             case when type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP') then pg_temp.uid('vendor', 1) else pg_temp.uid('city', muni * 10 + 1) end,
             '完了 担当', case when type in ('OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP') then 'VENDOR' else 'CITY' end, t2
        from t_app where state = 'COMPLETED') e`,
  );

  // a partition per month of the dataset's year, as the job runner keeps them in a live system
  // (else every row would sit in audit_event_default and the benchmark would read another layout)
  await step(
    'audit partitions',
    `
    select audit_event_create_partition((date_trunc('month', ${BASE}) - make_interval(months => m))::date) from generate_series(0, 13) m`,
  );
  await step(
    'audit events',
    `
    insert into audit_event (occurred_at, action, outcome, actor_id, actor_login_id, actor_role, municipality_id, office_id, target_type, target_id, patient_id, room_id, ip, detail)
    select ${ts('ao', 'e', 365)}, action, case when action = 'auth.login' and pg_temp.rnd('af', e) < 0.05 then 'FAILURE' else 'SUCCESS' end,
           who.id, 'u' || who.n, 'OFFICE', pg_temp.uid('muni', t.muni), pg_temp.uid('office', who.office_i),
           case when room_action then 'Room' end, case when room_action then pg_temp.uid('room', t.r) end,
           case when room_action then pg_temp.uid('patient', t.r) end, case when room_action then pg_temp.uid('room', t.r) end,
           '10.0.' || (e % 250) || '.' || (e % 199), null
      from (select e, 1 + floor(pg_temp.rnd('ar', e) * ${n.rooms})::int as r,
                   ${pick(['auth.login', 'auth.totp', 'room.list', 'room.read', 'room.read', 'post.list', 'post.list', 'patient.read', 'consent.read', 'post.create', 'user.update', 'office.update'], "pg_temp.rnd('aa', e)")} as action
              from generate_series(1, ${n.auditEvents}) e) x
      cross join lateral (select x.action in ('room.list', 'room.read', 'post.list', 'patient.read', 'consent.read', 'post.create') as room_action) ra
      join t_room t on t.r = x.r
      join t_actc c on c.muni = t.muni
      join t_act who on who.muni = t.muni and who.n = 1 + floor(pg_temp.rnd('aw', e) * c.cnt)::bigint
     order by 1`,
  );
  await step(
    'notifications',
    `
    insert into notification (id, message_id, municipality_id, kind, "to", subject, body, status, attempts, next_attempt_at, last_error, created_at, sent_at)
    select pg_temp.uid('mail', i), '<' || pg_temp.uid('mail', i) || '@bench.invalid>', pg_temp.uid('muni', ((i - 1) % ${M}) + 1), 'post.new', 'u' || lpad((1 + i % ${n.users})::text, 6, '0') || '@example.jp',
           '【在宅医療・介護連携】新しい書き込みがあります', '部屋に新しい書き込みがあります。システムにログインしてご確認ください。',
           st, case st when 'SENT' then 1 when 'FAILED' then 5 else 0 end, created, case when st = 'FAILED' then 'connection refused' end, created,
           case when st = 'SENT' then created + interval '1 minute' end
      from (select i, ${ts('nc', 'i', 365)} as created,
                   case when pg_temp.rnd('ns', i) < 0.9 then 'SENT' when pg_temp.rnd('ns', i) < 0.95 then 'PENDING' else 'FAILED' end as st
              from generate_series(1, ${n.notifications}) i) x`,
  );
  for (const t of ['t_post', 't_app', 't_mem', 't_rma', 't_room', 't_act', 't_actc', 't_usr', 't_off']) await c.query(`drop table ${t}`);
  await step('vacuum analyze', 'vacuum analyze');
  return n;
}

/**
 * The applications the write load approves (bench/writes.ts): `count` staff-addition forms of one
 * municipality, SUBMITTED by an office admin, with their SUBMIT history. Added to the run database
 * (not the cached template) just before the write load, sized for it, so the read queries and the
 * dataset's ratios (bench/README.md's scaling plan) see the dataset as built. Returns their ids in
 * the order the load approves them.
 */
export async function addApprovalPool(c: Client, municipalityId: string, count: number): Promise<string[]> {
  const rows = await c.query<{ id: string }>(
    `with applicant as (
       select id, office_id, name from app_user
        where municipality_id = $1 and role = 'OFFICE' and office_admin and status = 'ACTIVE' order by id limit 1
     ), app as (
       insert into application (id, created_at, updated_at, version, municipality_id, type, state, channel, office_id, applicant_id, applicant_name, applicant_email,
                                summary, payload, submitted_at, first_submitted_at)
       select gen_random_uuid(), now() - interval '1 day', now() - interval '1 day', 1, $1, 'STAFF_ADDITION', 'SUBMITTED', 'OFFICE', a.office_id, a.id, a.name,
              'pool' || i || '@example.jp', 'ベンチマーク 承認待ち ' || i, jsonb_build_object('note', 'bench pool ' || i), now() - interval '1 day', now() - interval '1 day'
         from generate_series(1, $2::int) i cross join applicant a
       returning id, applicant_id, applicant_name, submitted_at
     ), ev as (
       insert into application_event (id, application_id, action, from_state, to_state, actor_id, actor_name, actor_role, comment, at)
       select gen_random_uuid(), id, 'SUBMIT', null, 'SUBMITTED', applicant_id, applicant_name, 'OFFICE', null, submitted_at from app
     )
     select id from app order by id`,
    [municipalityId, count],
  );
  return rows.rows.map((r) => r.id);
}
