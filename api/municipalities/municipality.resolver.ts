import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Municipality } from './municipality.entity.js';
import { MunicipalityInput } from './municipality.inputs.js';
import { MunicipalityService } from './municipality.service.js';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => [Municipality], { description: 'VENDOR: all; others: their own' })
  municipalities(@Ctx() ctx: Context) {
    return new MunicipalityService(ctx).list();
  }

  @Query(() => Municipality)
  municipality(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return new MunicipalityService(ctx).get(id);
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
