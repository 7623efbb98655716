// The shared named rules: who the caller is. Which rows, and the decisions about one record, live
// in each area's policy (api/<area>/<area>.policy.ts); these decide whether an operation may be
// called at all. The role rules are policy rules (authz/policy.ts) over the same `is` helpers the
// policies use, so "who is a CITY user" is written once.
import { rule } from 'graphql-shield';
import type { Context } from '../context.js';
import { AppError } from '../common/errors.js';
import { SessionStage } from '../auth/session.entity.js';
import { notSignedIn } from './caller.js';
import { anyOf, is, isPolicyRule, policyRule } from './policy.js';

export { notSignedIn };

const forbidden = () => new AppError('FORBIDDEN');

// cache 'contextual': these depend on the caller only, so they run once per request.
export const isSignedIn = rule('isSignedIn', { cache: 'contextual' })((_p, _a, ctx: Context) => (ctx.viewer ? true : notSignedIn(ctx)));

export const isCity = policyRule('isCity', is.city);
export const isVendor = policyRule('isVendor', is.vendor);
export const isOffice = policyRule('isOffice', is.office);
export const isCityOrVendor = policyRule('isCityOrVendor', anyOf(is.city, is.vendor));

/** 事業所のシステム管理担当者: an OFFICE account with the officeAdmin flag. */
export const isOfficeAdmin = policyRule('isOfficeAdmin', is.officeAdmin);

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
 * What passing a rule proves about the others (each follows from the code above and from
 * policyRule(): every role rule and every area's policy rule first requires a signed-in viewer).
 * Used only to skip re-checking rows (authz/checked-at-parent.ts).
 */
class Implications extends Map<unknown, unknown[]> {
  override get(r: unknown): unknown[] | undefined {
    const declared = super.get(r);
    if (!isPolicyRule(r) || declared?.includes(isSignedIn)) return declared;
    return [...(declared ?? []), isSignedIn];
  }
}

export const ruleImplications: ReadonlyMap<unknown, unknown[]> = new Implications([
  [isOfficeAdmin, [isOffice]],
  [isSignedInBySession, [isSignedIn]],
]);

/** Holds any live session (for logout). */
export const hasSession = rule('hasSession', { cache: 'contextual' })((_p, _a, ctx: Context) => (ctx.session ? true : notSignedIn(ctx)));
