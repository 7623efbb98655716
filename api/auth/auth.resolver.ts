import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { User } from '../users/user.entity.js';
import { AuthService } from './auth.service.js';
import { OwnTransactions } from '../db/transaction.js';
import { ActivateArgs, AuthStatus, ChangePasswordArgs, CodeArgs, LoginArgs, TotpEnrollment, TotpEnrollmentResult } from './auth.types.js';

const status = (step: AuthStatus['step']): AuthStatus => ({ step });

// Opt-out from the transaction every mutation runs in (api/db/transaction.ts). A failed sign-in
// step writes its audit row and the account's failure counter (lockout), then throws the error the
// caller sees: in one transaction around the whole step that throw would roll the record back, and
// guessing would leave no trace and never lock the account. These steps open their own transactions
// in AuthService: one for the change when the step succeeds, one for each failure record.
const FAILURES_MUST_COMMIT = 'a failed attempt commits its audit row and failure counter before the error is thrown';

@Resolver()
export class AuthResolver {
  @Query(() => AuthStatus, { description: 'The sign-in step of this browser session' })
  authStatus(@Ctx() ctx: Context): AuthStatus {
    return { step: new AuthService(ctx).step(), reason: ctx.sessionProblem };
  }

  @Query(() => User, { description: 'The signed-in user' })
  async me(@Ctx() ctx: Context): Promise<User> {
    return ctx.em.findOneOrFail(User, { id: ctx.viewer!.id }, { populate: ['office', 'municipality'] });
  }

  @OwnTransactions(FAILURES_MUST_COMMIT)
  @Mutation(() => AuthStatus, { description: 'First factor: login ID and password. Same error for every failure.' })
  async login(@Args() { loginId, password }: LoginArgs, @Ctx() ctx: Context): Promise<AuthStatus> {
    return status(await new AuthService(ctx).login(loginId, password));
  }

  @OwnTransactions(FAILURES_MUST_COMMIT)
  @Mutation(() => AuthStatus, { description: 'First sign-in of an issued account: the letter’s activation code and a new password; TOTP enrollment follows' })
  async activateAccount(@Args() { loginId, activationCode, newPassword }: ActivateArgs, @Ctx() ctx: Context): Promise<AuthStatus> {
    return status(await new AuthService(ctx).activate(loginId, activationCode, newPassword));
  }

  @OwnTransactions(FAILURES_MUST_COMMIT)
  @Mutation(() => AuthStatus, { description: 'Second factor: the 6-digit code from the authenticator app' })
  async verifyTotp(@Args() { code }: CodeArgs, @Ctx() ctx: Context): Promise<AuthStatus> {
    return status(await new AuthService(ctx).verifyTotp(code));
  }

  @OwnTransactions(FAILURES_MUST_COMMIT)
  @Mutation(() => AuthStatus, { description: 'Second factor with a single-use recovery code' })
  async useRecoveryCode(@Args() { code }: CodeArgs, @Ctx() ctx: Context): Promise<AuthStatus> {
    return status(await new AuthService(ctx).useRecoveryCode(code));
  }

  @Mutation(() => TotpEnrollment, { description: 'Start TOTP enrollment: a new secret as QR code' })
  async beginTotpEnrollment(@Ctx() ctx: Context): Promise<TotpEnrollment> {
    return new AuthService(ctx).beginTotpEnrollment();
  }

  @OwnTransactions(FAILURES_MUST_COMMIT)
  @Mutation(() => TotpEnrollmentResult, { description: 'Finish enrollment with a first code; returns the recovery codes once' })
  async confirmTotpEnrollment(@Args() { code }: CodeArgs, @Ctx() ctx: Context): Promise<TotpEnrollmentResult> {
    return new AuthService(ctx).confirmTotpEnrollment(code);
  }

  @OwnTransactions(FAILURES_MUST_COMMIT)
  @Mutation(() => AuthStatus, { description: "Needs the current password; ends the user's other sessions" })
  async changePassword(@Args() { currentPassword, newPassword }: ChangePasswordArgs, @Ctx() ctx: Context): Promise<AuthStatus> {
    return status(await new AuthService(ctx).changePassword(currentPassword, newPassword));
  }

  @Mutation(() => Boolean, { description: 'Ends this session on the server' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    return new AuthService(ctx).logout();
  }
}
