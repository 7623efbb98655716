import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { PageInput } from '../common/list.js';
import { selectionOf } from '../common/read-rows.js';
import type { Context } from '../context.js';
import { ActivityMonth, ActivityOfficePage, ActivityRow, ApplicationsReport, RoomsReport, RosterOfficePage, RosterReport } from './report.types.js';
import { ActivityOfficesArgs } from './report.inputs.js';
import { ReportService } from './report.service.js';

/** The parts of a report the request selects: each costs its own statement, so only those are computed. */
const parts = (info: GraphQLResolveInfo): ReadonlySet<string> => new Set(selectionOf(info).keys());

@Resolver()
export class ReportResolver {
  @Query(() => RosterReport, { description: 'Accounts by office, office kind, job type and status, with headcounts' })
  rosterReport(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new ReportService(ctx).roster(parts(info));
  }

  @Query(() => RosterOfficePage, { description: 'A page of offices (by フリガナ) with their accounts by job type and status: the roster report by office' })
  rosterOffices(@Ctx() ctx: Context, @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) {
    return new ReportService(ctx).rosterOffices(page);
  }

  @Query(() => RoomsReport, { description: 'Rooms opened and closed per month, members per room, rooms per office' })
  roomsReport(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new ReportService(ctx).rooms(parts(info));
  }

  @Query(() => ApplicationsReport, { description: 'Applications by type and state, and how long each step took' })
  applicationsReport(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new ReportService(ctx).applications(parts(info));
  }

  @Query(() => [ActivityRow], {
    description: 'Posts and care reports per month per office, every office and month at once (the CSV export; counts only): the page reads activityMonths and activityOffices',
  })
  activityReport(@Ctx() ctx: Context) {
    return new ReportService(ctx).activity();
  }

  @Query(() => [ActivityMonth], { description: 'Posts and care reports per month in the rooms in scope (counts only)' })
  activityMonths(@Ctx() ctx: Context) {
    return new ReportService(ctx).activityMonths();
  }

  @Query(() => ActivityOfficePage, {
    description: 'A page of offices (by フリガナ; a CITY its municipality’s) with their posts and care reports in a month, 0 for none (counts only)',
  })
  activityOffices(@Ctx() ctx: Context, @Args() { month, page }: ActivityOfficesArgs) {
    return new ReportService(ctx).activityOffices(month, page);
  }
}
