import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { OfficeKind, OfficeStatus } from '../offices/office.enums.js';
import { JobType, UserStatus } from '../users/user.enums.js';
import { ApplicationState, ApplicationType } from '../applications/application.enums.js';
import { RoomStatus } from '../rooms/room.enums.js';

// Counts kept by the writes, so that the figures CITY and VENDOR read on every visit (the home
// page's headcount by job type and rooms per month, the applications report) cost the same however
// many accounts, rooms and applications a municipality has: counting the rows themselves grew 4.4×
// (home) and 5× (applications) from the benchmark's scale 1 to scale 5. The activity report's
// counts per office and month cost what its answer does, not what every post would.
// The rooms list's total for a whole municipality reads RoomCount, and the offices' totals OfficeCount,
// for the same reason.
// Triggers on app_user, office, room, application and post keep them in the writing transaction, whoever
// writes (the API, the demo seed, the benchmark's set-based dataset), each locking the count rows it
// changes in key order so that crossing writers wait instead of deadlocking (Migration20261201090001,
// tests/api/kept-counts-locking.test.ts); report_counts_rebuild()
// recounts them from the rows (the migrations' backfill). The application only reads them
// (api/reports/report.service.ts; RoomCount: api/rooms/room.service.ts, the rooms list). Rows whose count fell to 0 stay; the reports skip them.

/** 職種別・状態別の人数: accounts per municipality (none for VENDOR's own), job type, status and ID stop date. */
@Entity({ tableName: 'user_headcount' })
@Index({
  name: 'user_headcount_key',
  expression: 'create unique index "user_headcount_key" on "user_headcount" ("municipality_id", "job_type", "status", "stop_date") nulls not distinct',
})
export class UserHeadcount {
  // the key has nullable parts (VENDOR's accounts belong to no municipality), so it is a unique index, not the primary key
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Municipality, { ref: true, nullable: true, deleteRule: 'restrict' })
  municipality?: Ref<Municipality> | null;

  @Enum({ items: () => JobType })
  jobType!: JobType;

  @Enum({ items: () => UserStatus })
  status!: UserStatus;

  /** only for ACTIVE accounts: an active account past its stop date counts as STOPPED (report.service.ts) */
  @Property({ type: 'date', nullable: true })
  stopDate?: string | null;

  @Property({ type: 'integer' })
  n!: number;
}

/** 部屋の月別件数: rooms opened and closed per municipality and month (Japan time). */
@Entity({ tableName: 'room_month_count' })
export class RoomMonthCount {
  [PrimaryKeyProp]?: ['municipality', 'month'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  /** the first day of the month */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property({ type: 'integer' })
  opened!: number;

  @Property({ type: 'integer' })
  closed!: number;
}

/**
 * 部屋の状態別件数: rooms per municipality and status (Migration20261202110001). The rooms list's total
 * for a whole municipality (CITY's) reads it (api/common/read-rows.ts PageRequest.keptTotal): the
 * list's where, over these columns, sums the counts instead of counting the rooms.
 */
@Entity({ tableName: 'room_count' })
export class RoomCount {
  [PrimaryKeyProp]?: ['municipality', 'status'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Enum({ items: () => RoomStatus, primary: true })
  status!: RoomStatus;

  @Property({ type: 'integer' })
  n!: number;
}

/**
 * 事業所の種別・状態別件数: offices per municipality, kind and status (Migration20261202150001). The
 * offices list's total for whole municipalities (CITY's, VENDOR's) and the roster's and activity
 * report's pages of offices read it, as the rooms list reads RoomCount.
 */
@Entity({ tableName: 'office_count' })
export class OfficeCount {
  [PrimaryKeyProp]?: ['municipality', 'kind', 'status'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Enum({ items: () => OfficeKind, primary: true })
  kind!: OfficeKind;

  @Enum({ items: () => OfficeStatus, primary: true })
  status!: OfficeStatus;

  @Property({ type: 'integer' })
  n!: number;
}

/** 申請の種類別・状態別の件数: applications per municipality, type and state. */
@Entity({ tableName: 'application_count' })
export class ApplicationCount {
  [PrimaryKeyProp]?: ['municipality', 'type', 'state'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Enum({ items: () => ApplicationType, primary: true })
  type!: ApplicationType;

  @Enum({ items: () => ApplicationState, primary: true })
  state!: ApplicationState;

  @Property({ type: 'integer' })
  n!: number;
}

/**
 * 処理日数の分布: how many applications of a municipality and type took each number of tenths of a
 * day from their first submission to a step (FORWARD: 承認・送付, COMPLETE: 完了). The report's median
 * and 90th percentile are those of the days rounded to a tenth (what the panel shows is one decimal),
 * so they come from these counts exactly: a few hundred rows per type at any volume, where the exact
 * percentile of every application read them all (4.1 ms for 3,000 applications, 20.5 ms for 15,000).
 */
@Entity({ tableName: 'application_step_count' })
@Index({ properties: ['type', 'step', 'tenths'] }) // VENDOR's report: a day's tenths over every municipality
export class ApplicationStepCount {
  [PrimaryKeyProp]?: ['municipality', 'type', 'step', 'tenths'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Enum({ items: () => ApplicationType, primary: true })
  type!: ApplicationType;

  /** FORWARD or COMPLETE */
  @PrimaryKey({ type: 'text' })
  step!: string;

  /** the days from the first submission to the step, in tenths of a day, rounded */
  @PrimaryKey({ type: 'integer' })
  tenths!: number;

  @Property({ type: 'integer' })
  n!: number;
}

/**
 * The same counts by whole days (days = floor(tenths / 10)): at most a few hundred rows per
 * municipality and type however the durations spread. The report finds the days that hold the
 * median's and 90th percentile's ranks here, and reads the tenths of those days alone, so its work
 * stays flat as the applications grow (reading every tenth grew 1.7× from the benchmark's scale 1
 * to scale 5, as the durations filled more tenths).
 */
@Entity({ tableName: 'application_step_day_count' })
export class ApplicationStepDayCount {
  [PrimaryKeyProp]?: ['municipality', 'type', 'step', 'days'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Enum({ items: () => ApplicationType, primary: true })
  type!: ApplicationType;

  /** FORWARD or COMPLETE */
  @PrimaryKey({ type: 'text' })
  step!: string;

  /** whole days from the first submission to the step: floor(tenths / 10) */
  @PrimaryKey({ type: 'integer' })
  days!: number;

  @Property({ type: 'integer' })
  n!: number;
}

/**
 * 月別・事業所別の投稿数: posts and care reports per municipality (the room's), office (the author's;
 * an author who moves takes their posts' counts along) and month (Japan time). The activity report
 * read every post of the rooms in scope (209 ms for a municipality of the benchmark's scale 1, with a
 * sequential scan of every municipality's posts); these rows are as many as the report's answer.
 */
@Entity({ tableName: 'post_month_count' })
@Index({ properties: ['office', 'month'] }) // an office admin's report
export class PostMonthCount {
  [PrimaryKeyProp]?: ['municipality', 'office', 'month'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @ManyToOne(() => Office, { ref: true, primary: true, deleteRule: 'restrict' })
  office!: Ref<Office>;

  /** the first day of the month */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property({ type: 'integer' })
  posts!: number;

  @Property({ type: 'integer' })
  careReports!: number;
}

/**
 * 月別の投稿数: posts and care reports in a municipality's rooms per month (Japan time), whoever wrote
 * them: the activity chart's months. Summing post_month_count over every office of a municipality
 * would grow with its offices (the reports page shows the months at every visit; the offices a page
 * at a time).
 */
@Entity({ tableName: 'post_month_total' })
export class PostMonthTotal {
  [PrimaryKeyProp]?: ['municipality', 'month'];

  @ManyToOne(() => Municipality, { ref: true, primary: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  /** the first day of the month */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property({ type: 'integer' })
  posts!: number;

  @Property({ type: 'integer' })
  careReports!: number;
}
