// Why this tab was signed out, shown once on the sign-in page. react-admin only notifies while
// the user is still signed in, which an expired session no longer is, so the reason is kept here.
const REASON_KEY = 'zaitaku.signOutReason';
const ACTIVE_KEY = 'zaitaku.signedIn';

export type SignOutReason = 'expired' | 'idle';

export function setSignOutReason(reason: SignOutReason): void {
  sessionStorage.setItem(REASON_KEY, reason);
}

/** The reason, once: reading it clears it. */
export function takeSignOutReason(): SignOutReason | null {
  const reason = sessionStorage.getItem(REASON_KEY) as SignOutReason | null;
  sessionStorage.removeItem(REASON_KEY);
  return reason;
}

/** Marks that this tab holds a signed-in session (so its disappearance means it expired). */
export function markSignedIn(active: boolean): void {
  if (active) sessionStorage.setItem(ACTIVE_KEY, '1');
  else sessionStorage.removeItem(ACTIVE_KEY);
}

export const wasSignedIn = () => sessionStorage.getItem(ACTIVE_KEY) === '1';
