// The answer for a caller who is not (fully) signed in. Its own module so that policy.ts and
// rules.ts can both use it without importing each other.
import type { Context } from '../context.js';
import { AppError } from '../common/errors.js';
import { SessionStage } from '../auth/session.entity.js';

/** UNAUTHENTICATED, with the reason a half-signed-in or expired session needs to hear. */
export function notSignedIn(ctx: Context): AppError {
  if (ctx.session?.stage === SessionStage.TOTP_REQUIRED || ctx.session?.stage === SessionStage.TOTP_ENROLLMENT) return new AppError('UNAUTHENTICATED', { reason: 'SECOND_FACTOR_REQUIRED' });
  if (ctx.session?.stage === SessionStage.PASSWORD_CHANGE) return new AppError('UNAUTHENTICATED', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  if (ctx.sessionProblem) return new AppError('UNAUTHENTICATED', { reason: ctx.sessionProblem });
  return new AppError('UNAUTHENTICATED');
}
