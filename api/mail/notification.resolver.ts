import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, Info, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { HistoryPageResult, PageInput, SortOrder, findOptions } from '../common/list.js';
import { AreaService } from '../common/area-service.js';
import { readHistoryPage, selectionOf, type Selection } from '../common/read-rows.js';
import { Notification, NotificationCategory, NotificationStatus } from './notification.entity.js';
import { notificationPolicy } from './notification.policy.js';

@ObjectType()
export class NotificationPage extends HistoryPageResult(Notification) {}

@InputType()
export class NotificationFilter {
  @Field(() => NotificationStatus, { nullable: true })
  status?: NotificationStatus | null;

  @Field(() => NotificationCategory, { nullable: true })
  category?: NotificationCategory | null;
}

@ArgsType()
export class NotificationListArgs {
  @Field(() => NotificationFilter, { nullable: true })
  filter?: NotificationFilter;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}

/** The outbox as the city and the vendor see it (e.g. when no SMTP server is configured). */
class NotificationService extends AreaService {
  /** `counted`: the caller asked for the total (HistoryPageResult: the panel does not). */
  async list({ filter, page }: NotificationListArgs, selection: Selection, counted: boolean) {
    const where: FilterQuery<Notification>[] = [notificationPolicy.scope(this.viewer)];
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.category) where.push({ category: filter.category });
    // plain rows of the selected columns; the total only when asked (api/common/read-rows.ts)
    return readHistoryPage(this.ctx, { entity: Notification, where: { $and: where }, paging: findOptions(page, { field: 'createdAt', order: SortOrder.DESC }, ['createdAt']), selection }, counted);
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationPage, { description: 'The e-mail outbox, newest first. CITY: its municipality’s; VENDOR: the account workflows’ mail, never one carrying an activation code' })
  notifications(@Args() args: NotificationListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const page = selectionOf(info);
    return new NotificationService(ctx).list(args, page.get('items') ?? new Map(), page.has('total'));
  }
}
