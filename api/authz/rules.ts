// The shared named rules: who the caller is. Row scoping (which rows) lives in each area's
// scope helper; these decide whether an operation may be called at all.
import { rule } from 'graphql-shield';
import type { Context } from '../context.js';
import { AppError } from '../common/errors.js';
import { SessionStage } from '../auth/session.entity.js';
import { Role } from '../users/user.enums.js';

/** UNAUTHENTICATED, with the reason a half-signed-in or expired session needs to hear. */
export function notSignedIn(ctx: Context): AppError {
  if (ctx.session?.stage === SessionStage.TOTP_REQUIRED || ctx.session?.stage === SessionStage.TOTP_ENROLLMENT)
    return new AppError('UNAUTHENTICATED', { reason: 'SECOND_FACTOR_REQUIRED' });
  if (ctx.session?.stage === SessionStage.PASSWORD_CHANGE) return new AppError('UNAUTHENTICATED', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  if (ctx.sessionProblem) return new AppError('UNAUTHENTICATED', { reason: ctx.sessionProblem });
  return new AppError('UNAUTHENTICATED');
}

const forbidden = () => new AppError('FORBIDDEN');

// cache 'contextual': these depend on the caller only, so they run once per request.
export const isSignedIn = rule('isSignedIn', { cache: 'contextual' })((_p, _a, ctx: Context) => (ctx.viewer ? true : notSignedIn(ctx)));

const hasRole = (name: string, ...roles: Role[]) =>
  rule(name, { cache: 'contextual' })((_p, _a, ctx: Context) => {
    if (!ctx.viewer) return notSignedIn(ctx);
    return roles.includes(ctx.viewer.role) ? true : forbidden();
  });

export const isCity = hasRole('isCity', Role.CITY);
export const isVendor = hasRole('isVendor', Role.VENDOR);
export const isOffice = hasRole('isOffice', Role.OFFICE);
export const isCityOrVendor = hasRole('isCityOrVendor', Role.CITY, Role.VENDOR);

/** 事業所のシステム管理担当者: an OFFICE account with the officeAdmin flag. */
export const isOfficeAdmin = rule('isOfficeAdmin', { cache: 'contextual' })((_p, _a, ctx: Context) => {
  if (!ctx.viewer) return notSignedIn(ctx);
  return ctx.viewer.role === Role.OFFICE && ctx.viewer.officeAdmin ? true : forbidden();
});

/** Anyone, signed in or not (sign-in steps, public pages). */
export const isAnyone = rule('isAnyone', { cache: 'contextual' })(() => true);

/** Password accepted, TOTP code due. */
export const isAwaitingTotp = rule('isAwaitingTotp', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.session?.stage === SessionStage.TOTP_REQUIRED ? true : new AppError('UNAUTHENTICATED', { reason: 'WRONG_SIGN_IN_STEP' }),
);

/** Password accepted, TOTP enrollment due. */
export const isAwaitingEnrollment = rule('isAwaitingEnrollment', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.session?.stage === SessionStage.TOTP_ENROLLMENT ? true : new AppError('UNAUTHENTICATED', { reason: 'WRONG_SIGN_IN_STEP' }),
);

/** Both factors done: may change the password (forced or voluntary). */
export const hasBothFactors = rule('hasBothFactors', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.session?.stage === SessionStage.PASSWORD_CHANGE || ctx.session?.stage === SessionStage.SIGNED_IN ? true : notSignedIn(ctx),
);

/** Signed in through the browser, not with an API token (managing tokens, for one). */
export const isSignedInBySession = rule('isSignedInBySession', { cache: 'contextual' })((_p, _a, ctx: Context) => {
  if (!ctx.viewer) return notSignedIn(ctx);
  return ctx.viaToken ? forbidden() : true;
});

/**
 * What passing a rule proves about the others (each follows from the code above: every role rule
 * first requires a signed-in viewer). Used only to skip re-checking rows (authz/checked-at-parent.ts).
 */
export const ruleImplications = new Map<unknown, unknown[]>([
  [isCity, [isSignedIn]],
  [isVendor, [isSignedIn]],
  [isOffice, [isSignedIn]],
  [isCityOrVendor, [isSignedIn]],
  [isOfficeAdmin, [isOffice, isSignedIn]],
  [isSignedInBySession, [isSignedIn]],
]);

/** Holds any live session (for logout). */
export const hasSession = rule('hasSession', { cache: 'contextual' })((_p, _a, ctx: Context) => (ctx.session ? true : notSignedIn(ctx)));
