import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { selectionOf } from '../common/read-rows.js';
import type { Context } from '../context.js';
import { ActivityRow, ApplicationsReport, RoomsReport, RosterReport } from './report.types.js';
import { ReportService } from './report.service.js';

/** The parts of a report the request selects: each costs its own statement, so only those are computed. */
const parts = (info: GraphQLResolveInfo): ReadonlySet<string> => new Set(selectionOf(info).keys());

@Resolver()
export class ReportResolver {
  @Query(() => RosterReport, { description: 'Accounts by office, office kind, job type and status, with headcounts' })
  rosterReport(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new ReportService(ctx).roster(parts(info));
  }

  @Query(() => RoomsReport, { description: 'Rooms opened and closed per month, members per room, rooms per office' })
  roomsReport(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new ReportService(ctx).rooms(parts(info));
  }

  @Query(() => ApplicationsReport, { description: 'Applications by type and state, and how long each step took' })
  applicationsReport(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new ReportService(ctx).applications(parts(info));
  }

  @Query(() => [ActivityRow], { description: 'Posts and care reports per month per office (counts only)' })
  activityReport(@Ctx() ctx: Context) {
    return new ReportService(ctx).activity();
  }
}
