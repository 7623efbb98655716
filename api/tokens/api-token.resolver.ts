import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenInput, ApiTokenService, CreatedApiToken } from './api-token.service.js';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'The caller’s own tokens' })
  apiTokens(@Ctx() ctx: Context) {
    return new ApiTokenService(ctx).list();
  }

  @Mutation(() => CreatedApiToken, { description: 'A read-only token for reporting clients, shown once' })
  createApiToken(@Arg('input') input: ApiTokenInput, @Ctx() ctx: Context) {
    return new ApiTokenService(ctx).create(input);
  }

  @Mutation(() => ApiToken)
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return new ApiTokenService(ctx).revoke(id);
  }
}
