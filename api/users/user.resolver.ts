import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { PageResult } from '../common/list.js';
import { related, rowNeeds, selectionOf } from '../common/read-rows.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { User } from './user.entity.js';
import { ActivationCodesArgs, NewAccountInput, UserInput, UserListArgs } from './user.inputs.js';
import { ActivationCodeEntry } from './user.types.js';
import { UserService } from './user.service.js';

// what the computed fields read of a row (api/common/read-rows.ts)
rowNeeds(User, {
  twoFactorEnabled: ['totpEnabledAt'],
  locked: ['lockedUntil'],
  // the record decisions of userPolicy, through accountOf (api/authz/abilities.resolver.ts)
  allowedActions: ['role', 'status', 'municipality'],
});

@ObjectType()
export class UserPage extends PageResult(User) {}

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserPage, { description: 'Accounts in the caller’s scope (an office admin: the office roster)' })
  users(@Args() args: UserListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new UserService(ctx).list(args, selectionOf(info, ['items']));
  }

  @Query(() => User)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new UserService(ctx).read(id, selectionOf(info));
  }

  @Mutation(() => User, {
    description: 'VENDOR issues an account (login ID, role, office or municipality). It starts PENDING, without any secret: the city of its municipality prints its activation code',
  })
  createUser(@Arg('account') account: NewAccountInput, @Arg('input') input: UserInput, @Ctx() ctx: Context) {
    return new UserService(ctx).create(account, input);
  }

  @Mutation(() => User)
  updateUser(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input') input: UserInput, @Ctx() ctx: Context) {
    return new UserService(ctx).update(id, version, input);
  }

  @Mutation(() => User, { description: 'ID停止 today: sign-in refused, sessions ended; the record stays' })
  stopUser(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return new UserService(ctx).stop(id, version);
  }

  @Mutation(() => User)
  reactivateUser(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return new UserService(ctx).reactivate(id, version);
  }

  @Mutation(() => User, { description: 'Lift the lockout after repeated failed sign-ins' })
  unlockUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return new UserService(ctx).unlock(id);
  }

  @Mutation(() => User, { description: 'VENDOR: password, TOTP and recovery codes cleared, every session ended; the account is PENDING again and is activated with a code its city prints' })
  resetUserCredentials(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return new UserService(ctx).resetCredentials(id);
  }

  @Mutation(() => [ActivationCodeEntry], {
    description: 'The credentials letter for PENDING accounts: fresh one-time activation codes (earlier ones stop working). CITY: accounts of its municipality; VENDOR: other VENDOR accounts only',
  })
  issueActivationCodes(@Args() { userIds }: ActivationCodesArgs, @Ctx() ctx: Context) {
    return new UserService(ctx).issueActivationCodes(userIds);
  }

  @FieldResolver(() => Office, { nullable: true })
  office(@Root() user: User) {
    return related(user.office); // a read's row: JSON from its statement; an entity: batched by MikroORM's dataloader
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() user: User) {
    return related(user.municipality);
  }

  @FieldResolver(() => Boolean, { description: 'TOTP (二要素認証) is set up' })
  twoFactorEnabled(@Root() user: User) {
    return !!user.totpEnabledAt;
  }

  @FieldResolver(() => Boolean, { description: 'Temporarily locked after failed sign-ins' })
  locked(@Root() user: User) {
    return !!user.lockedUntil && user.lockedUntil > new Date();
  }
}
