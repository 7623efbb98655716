import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { AreaService } from '../common/area-service.js';
import { FilterText, HistoryPageResult, PageInput, SortOrder, findOptions } from '../common/list.js';
import { assertValid } from '../common/errors.js';
import { readHistoryPage, rowAlways, rowNeeds, selectionOf, type Selection } from '../common/read-rows.js';
import { isValidDate } from '../common/dates.js';
import { AuditEvent, AuditOutcome } from './audit-event.entity.js';
import { auditPolicy } from './audit.policy.js';
import { actionLabel, actionLabels } from './action-labels.js';
import { nameEvents, namesOf } from './audit-names.js';

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => ID, { nullable: true }) officeId?: string | null;
  @Field(() => ID, { nullable: true }) patientId?: string | null;
  @Field(() => ID, { nullable: true }) roomId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact action, or a prefix ending in "." (e.g. "auth.")' }) @FilterText() action?: string | null;
  @Field(() => AuditOutcome, { nullable: true }) outcome?: AuditOutcome | null;
  @Field(() => String, { nullable: true, description: 'From this day (YYYY-MM-DD, Japan time)' }) @FilterText(10) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'Through this day (YYYY-MM-DD, Japan time)' }) @FilterText(10) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE' }) to?: string | null;
}

@ArgsType()
export class AuditListArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditFilter;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}

@ObjectType()
export class AuditEventPage extends HistoryPageResult(AuditEvent) {}

@ObjectType({ description: 'An audit action and its name, for the trail’s filter' })
export class AuditActionLabel {
  @Field() code!: string;
  @Field() label!: string;
}

rowNeeds(AuditEvent, { actionLabel: ['action'] });
// the names are found for every page (nameEvents), whether shown or not, as before: what they read
rowAlways(AuditEvent, ['targetType', 'targetId', 'patientId']);

const startOfTokyoDay = (d: string) => new Date(`${d}T00:00:00+09:00`);

export class AuditService extends AreaService {
  /** `counted`: the caller asked for the total (HistoryPageResult: the panel does not). */
  async list({ filter, page }: AuditListArgs, selection: Selection, counted: boolean) {
    const where: FilterQuery<AuditEvent>[] = [auditPolicy.scope(this.viewer)];
    const f = filter ?? {};
    for (const key of ['actorId', 'officeId', 'patientId', 'roomId', 'outcome'] as const) if (f[key]) where.push({ [key]: f[key] });
    if (f.action) where.push(f.action.endsWith('.') ? { action: { $like: `${f.action.replace(/[%_\\]/g, '\\$&')}%` } } : { action: f.action });
    if ((f.from && !isValidDate(f.from)) || (f.to && !isValidDate(f.to))) assertValid([{ field: f.from && !isValidDate(f.from) ? 'from' : 'to', code: 'DATE' }]);
    // the bounds as ISO text: a Date in the where would make read-rows.ts build the statement anew on every request
    if (f.from) where.push({ occurredAt: { $gte: startOfTokyoDay(f.from).toISOString() } });
    if (f.to) where.push({ occurredAt: { $lt: new Date(startOfTokyoDay(f.to).getTime() + 86_400_000).toISOString() } });
    const paging = findOptions(page, { field: 'occurredAt', order: SortOrder.DESC }, ['occurredAt']);
    const result = await readHistoryPage(this.ctx, { entity: AuditEvent, where: { $and: where }, paging, selection }, counted);
    await nameEvents(this.ctx, result.items);
    return result;
  }
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventPage, { description: 'The audit trail, newest first. CITY: its municipality; VENDOR: account and sign-in events' })
  auditEvents(@Args() args: AuditListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const page = selectionOf(info);
    return new AuditService(ctx).list(args, page.get('items') ?? new Map(), page.has('total'));
  }

  @Query(() => [AuditActionLabel], { description: 'The actions the caller’s trail can hold, with their names (for picking, not typing codes)' })
  auditActions(@Ctx() ctx: Context): AuditActionLabel[] {
    return Object.keys(actionLabels)
      .filter((code) => auditPolicy.showsAction(ctx.viewer!, code))
      .map((code) => ({ code, label: actionLabel(code, ctx.locale) }));
  }

  @FieldResolver(() => String, { description: 'The action in the caller’s language (投稿の閲覧 for post.list)' })
  actionLabel(@Root() e: AuditEvent, @Ctx() ctx: Context) {
    return actionLabel(e.action, ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who or what the event was about, by name (patients’ names: CITY only, and logged)' })
  targetName(@Root() e: AuditEvent) {
    return namesOf(e).targetName;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The patient concerned, by name (CITY only, and logged)' })
  patientName(@Root() e: AuditEvent) {
    return namesOf(e).patientName;
  }
}
