import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { ActivityRow, ApplicationsReport, RoomsReport, RosterReport } from './report.types.js';
import { ReportService } from './report.service.js';

@Resolver()
export class ReportResolver {
  @Query(() => RosterReport, { description: 'Accounts by office, office kind, job type and status, with headcounts' })
  rosterReport(@Ctx() ctx: Context) {
    return new ReportService(ctx).roster();
  }

  @Query(() => RoomsReport, { description: 'Rooms opened and closed per month, members per room, rooms per office' })
  roomsReport(@Ctx() ctx: Context) {
    return new ReportService(ctx).rooms();
  }

  @Query(() => ApplicationsReport, { description: 'Applications by type and state, and how long each step took' })
  applicationsReport(@Ctx() ctx: Context) {
    return new ReportService(ctx).applications();
  }

  @Query(() => [ActivityRow], { description: 'Posts and care reports per month per office (counts only)' })
  activityReport(@Ctx() ctx: Context) {
    return new ReportService(ctx).activity();
  }
}
