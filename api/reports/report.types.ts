import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageResult } from '../common/list.js';
import { OfficeKind } from '../offices/office.enums.js';
import { JobType, UserStatus } from '../users/user.enums.js';
import { ApplicationState, ApplicationType } from '../applications/application.enums.js';

@ObjectType()
export class RosterRow {
  @Field() municipalityName!: string;
  @Field(() => ID, { nullable: true }) officeId!: string | null;
  @Field(() => String, { nullable: true }) officeName!: string | null;
  @Field(() => OfficeKind, { nullable: true }) officeKind!: OfficeKind | null;
  @Field(() => JobType) jobType!: JobType;
  @Field(() => UserStatus, { description: 'as of today: an account past its stop date counts as STOPPED' }) status!: UserStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class RosterCount {
  @Field(() => JobType) jobType!: JobType;
  @Field(() => UserStatus, { description: 'as of today: an account past its stop date counts as STOPPED' }) status!: UserStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'An office and its accounts by job type and status (a page of offices: rosterOffices)' })
export class RosterOffice {
  @Field() municipalityName!: string;
  @Field(() => ID) officeId!: string;
  @Field() officeName!: string;
  @Field(() => OfficeKind) officeKind!: OfficeKind;
  @Field(() => [RosterCount], { description: 'Empty for an office with no accounts' }) counts!: RosterCount[];
}

@ObjectType()
export class RosterOfficePage extends PageResult(RosterOffice) {}

@ObjectType()
export class StatusCount {
  @Field(() => UserStatus) status!: UserStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class JobTypeCount {
  @Field(() => JobType) jobType!: JobType;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: '利用者名簿: who uses the system (names are in the users list; this is the headcount)' })
export class RosterReport {
  @Field(() => [RosterRow], {
    description: 'By office, job type and status, every office at once (the CSV export): counted only when asked for, at a cost that follows the number of offices; the page reads rosterOffices',
  })
  rows!: RosterRow[];
  @Field(() => [StatusCount]) totals!: StatusCount[];
  @Field(() => Int, { description: 'Accounts that can sign in today' }) activeHeadcount!: number;
  @Field(() => [JobTypeCount], { description: 'Accounts that can sign in today, by job type' }) activeByJobType!: JobTypeCount[];
}

@ObjectType()
export class RoomMonth {
  @Field({ description: 'YYYY-MM (Japan time)' }) month!: string;
  @Field(() => Int) opened!: number;
  @Field(() => Int) closed!: number;
  @Field(() => Int, { description: 'Rooms open at the end of the month' }) openAtEnd!: number;
}

@ObjectType()
export class MembersBucket {
  @Field(() => Int, { description: 'Live members in a room' }) members!: number;
  @Field(() => Int) rooms!: number;
}

@ObjectType()
export class OfficeRooms {
  @Field(() => ID) officeId!: string;
  @Field() officeName!: string;
  @Field(() => Int, { description: 'Open rooms with a live member from this office' }) rooms!: number;
}

@ObjectType()
export class RoomsReport {
  @Field(() => [RoomMonth]) months!: RoomMonth[];
  @Field(() => [MembersBucket]) membersPerRoom!: MembersBucket[];
  @Field(() => [OfficeRooms]) roomsPerOffice!: OfficeRooms[];
}

@ObjectType()
export class ApplicationCount {
  @Field(() => ApplicationType) type!: ApplicationType;
  @Field(() => ApplicationState) state!: ApplicationState;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class StepDuration {
  @Field(() => ApplicationType) type!: ApplicationType;
  @Field({ description: 'FORWARD (submission → forwarded) or COMPLETE (submission → completed)' }) step!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'Median of the days from the first submission to the step, each rounded to a tenth of a day (within 0.05 of the exact median)' })
  medianDays!: number;
  @Field(() => Float, { description: '90th percentile of the same days' }) p90Days!: number;
}

@ObjectType()
export class ApplicationsReport {
  @Field(() => [ApplicationCount]) counts!: ApplicationCount[];
  @Field(() => [StepDuration]) durations!: StepDuration[];
}

@ObjectType({ description: 'Posts in the rooms in scope in a month: counts only, never content' })
export class ActivityMonth {
  @Field({ description: 'YYYY-MM (Japan time)' }) month!: string;
  @Field(() => Int) posts!: number;
  @Field(() => Int) careReports!: number;
}

@ObjectType({ description: 'Posts per month per office: counts only, never content' })
export class ActivityRow {
  @Field() month!: string;
  @Field(() => ID) officeId!: string;
  @Field() officeName!: string;
  @Field(() => Int) posts!: number;
  @Field(() => Int) careReports!: number;
}

@ObjectType()
export class ActivityOfficePage extends PageResult(ActivityRow) {}
