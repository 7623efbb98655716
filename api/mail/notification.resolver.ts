import { Args, ArgsType, Ctx, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { PageInput, PageResult, SortOrder, findOptions } from '../common/list.js';
import { AreaService } from '../common/area-service.js';
import { Role } from '../users/user.enums.js';
import { Notification, NotificationStatus } from './notification.entity.js';

@ObjectType()
export class NotificationPage extends PageResult(Notification) {}

@InputType()
export class NotificationFilter {
  @Field(() => NotificationStatus, { nullable: true })
  status?: NotificationStatus | null;
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
    const where: FilterQuery<Notification> = this.viewer.role === Role.VENDOR ? {} : { municipalityId: this.viewer.municipalityId };
    if (filter?.status) Object.assign(where, { status: filter.status });
    const [items, total] = await this.em.findAndCount(Notification, where, findOptions(page, { field: 'createdAt', order: SortOrder.DESC }, { createdAt: 'createdAt' }));
    return { items, total };
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationPage, { description: 'The e-mail outbox, newest first' })
  notifications(@Args() args: NotificationListArgs, @Ctx() ctx: Context) {
    return new NotificationService(ctx).list(args);
  }
}
