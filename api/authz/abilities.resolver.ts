// Query.abilities and User.allowedActions: the panel's questions, answered from the policies.
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { User } from '../users/user.entity.js';
import { abilitiesOf, userAllowedActions } from './abilities.js';
import { isSignedIn } from './rules.js';

@Resolver()
export class AbilitiesResolver {
  @Query(() => [String], { description: 'What the caller may do in the panel, as "resource.action" (e.g. "users.create", "offices.export"), from every area’s policy' })
  abilities(@Ctx() ctx: Context): string[] {
    return abilitiesOf(ctx.viewer!);
  }
}

// User.allowedActions sits next to Query.abilities (the panel's questions in one place); the
// decisions are userPolicy's (authz/abilities.ts#userRecordActions).
@Resolver(() => User)
export class UserActionsResolver {
  @FieldResolver(() => [String], {
    description: 'What the caller may do with this account in the panel (show, edit, unlock, delete, reactivate, reset_credentials, activation_codes), from the user policy',
  })
  allowedActions(@Root() user: User, @Ctx() ctx: Context): string[] {
    return userAllowedActions(ctx.viewer!, user);
  }
}

export const abilityRules = {
  Query: { abilities: isSignedIn },
};
