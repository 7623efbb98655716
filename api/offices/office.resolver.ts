import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { OfficeKind } from './office.enums.js';
import type { Context } from '../context.js';
import { PageResult } from '../common/list.js';
import { readAll, related, selectionOf } from '../common/read-rows.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from './office.entity.js';
import { OfficeInput, OfficeListArgs } from './office.inputs.js';
import { OfficeService, activeUserCounts } from './office.service.js';
import { officePolicy, officeRecordActions } from './office.policy.js';
import { allowedOn } from '../authz/policy.js';

@ObjectType()
export class OfficePage extends PageResult(Office) {}

@ObjectType({ description: 'An active office of the caller’s municipality, as any professional may know it (for consent and invitations)' })
export class OfficeSummary {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameKana!: string | null;
  @Field(() => OfficeKind) kind!: OfficeKind;
}

@Resolver(() => Office)
export class OfficeResolver {
  @Query(() => OfficePage, { description: 'Offices in the caller’s scope' })
  offices(@Args() args: OfficeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new OfficeService(ctx).list(args, selectionOf(info, ['items']));
  }

  @Query(() => Office)
  office(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new OfficeService(ctx).read(id, selectionOf(info));
  }

  @Query(() => [OfficeSummary], { description: 'Active offices of the caller’s municipality: name and kind only' })
  officeDirectory(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<OfficeSummary[]> {
    // OfficeSummary's fields are Office's own: plain rows of the selected columns
    return readAll<Office, OfficeSummary>(ctx, { entity: Office, where: officePolicy.directoryScope(ctx.viewer!), orderBy: [{ nameKana: 'asc' }, { name: 'asc' }], selection: selectionOf(info) });
  }

  @Mutation(() => Office, { description: 'CITY: in its own municipality; VENDOR: municipalityId required' })
  createOffice(@Arg('input') input: OfficeInput, @Arg('municipalityId', () => ID, { nullable: true }) municipalityId: string | null, @Ctx() ctx: Context) {
    return new OfficeService(ctx).create(input, municipalityId);
  }

  @Mutation(() => Office)
  updateOffice(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input') input: OfficeInput, @Ctx() ctx: Context) {
    return new OfficeService(ctx).update(id, version, input);
  }

  @Mutation(() => Office, { description: 'Stops the office and all its accounts (nothing is deleted)' })
  deactivateOffice(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return new OfficeService(ctx).deactivate(id, version);
  }

  @Mutation(() => Office)
  reactivateOffice(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return new OfficeService(ctx).reactivate(id, version);
  }

  @FieldResolver(() => Int, { description: 'Accounts that can sign in now (stopped ones and those past their stop date excluded)' })
  activeUserCount(@Root() office: Office, @Ctx() ctx: Context) {
    return activeUserCounts(ctx).load(office.id);
  }

  @FieldResolver(() => [String], { description: 'What the caller may do with this office in the panel (show, edit, delete, reactivate), from the office policy' })
  allowedActions(@Root() office: Office, @Ctx() ctx: Context): string[] {
    return allowedOn(officeRecordActions, ctx.viewer!, office);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() office: Office) {
    return related(office.municipality); // a read's row: JSON from its statement; an entity: batched by MikroORM's dataloader
  }
}
