import { Args, ArgsType, Ctx, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { PageInput, PageResult, SortOrder, findOptions } from '../common/list.js';
import { AreaService } from '../common/area-service.js';
import { Notification, NotificationCategory, NotificationStatus } from './notification.entity.js';
import { notificationPolicy } from './notification.policy.js';

@ObjectType()
export class NotificationPage extends PageResult(Notification) {}

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

  @Field(() => PageInput, { nullable: true }) @IsOptional() @ValidateNested()
  page?: PageInput;
}

/** The outbox as the city and the vendor see it (e.g. when no SMTP server is configured). */
class NotificationService extends AreaService {
  async list({ filter, page }: NotificationListArgs) {
    const where: FilterQuery<Notification>[] = [notificationPolicy.scope(this.viewer)];
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.category) where.push({ category: filter.category });
    const [items, total] = await this.em.findAndCount(Notification, { $and: where }, findOptions(page, { field: 'createdAt', order: SortOrder.DESC }, { createdAt: 'createdAt' }));
    return { items, total };
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationPage, { description: 'The e-mail outbox, newest first. CITY: its municipality’s; VENDOR: the account workflows’ mail, never one carrying an activation code' })
  notifications(@Args() args: NotificationListArgs, @Ctx() ctx: Context) {
    return new NotificationService(ctx).list(args);
  }
}
