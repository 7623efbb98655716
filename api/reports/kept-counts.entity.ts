import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Municipality } from '../municipalities/municipality.entity.js';
import { JobType, UserStatus } from '../users/user.enums.js';

// Counts kept by the writes, so that the figures every CITY and VENDOR home page shows (the
// headcount by job type, the rooms per month) cost the same however many accounts and rooms a
// municipality has: counting the rows themselves grew 4.4× from the benchmark's scale 1 to scale 5.
// Triggers on app_user and room keep them in the writing transaction, whoever writes (the API, the
// demo seed, the benchmark's set-based dataset); report_counts_rebuild() recounts them from the rows
// (the migration's backfill). The application only reads them (api/reports/report.service.ts).
// Rows whose count fell to 0 stay; the reports skip them.

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
