import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { selectionOf } from '../common/read-rows.js';
import type { Context } from '../context.js';
import { Municipality } from './municipality.entity.js';
import { MunicipalityInput } from './municipality.inputs.js';
import { MunicipalityService } from './municipality.service.js';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => [Municipality], { description: 'VENDOR: all; others: their own' })
  municipalities(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new MunicipalityService(ctx).list(selectionOf(info));
  }

  @Query(() => Municipality)
  municipality(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new MunicipalityService(ctx).read(id, selectionOf(info));
  }

  @Mutation(() => Municipality)
  createMunicipality(@Arg('input') input: MunicipalityInput, @Ctx() ctx: Context) {
    return new MunicipalityService(ctx).create(input);
  }

  @Mutation(() => Municipality)
  updateMunicipality(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input') input: MunicipalityInput, @Ctx() ctx: Context) {
    return new MunicipalityService(ctx).update(id, version, input);
  }
}
