// react-admin's authProvider over the API's session cookie. The sign-in steps themselves
// (password, TOTP, enrollment, password change) run on the login page (auth/LoginPage.tsx),
// which calls login() once the server says SIGNED_IN.
import type { AuthProvider } from 'react-admin';
import { authApi, type Me } from './auth/authApi';
import { canAccess } from './auth/access';
import { markSignedIn, setSignOutReason, wasSignedIn } from './auth/signOutReason';
import { recordActivity } from './auth/activity';
import { errorCode, errorReason } from './graphql/errors';
import { onPublicPage } from './public/paths';

let me: Promise<Me> | null = null;

/** The signed-in user, fetched once per sign-in. */
function loadMe(): Promise<Me> {
  me ??= authApi.me().catch((e) => {
    me = null;
    throw e;
  });
  return me;
}

export const authProvider: AuthProvider = {
  async login() {
    me = null;
    const step = await authApi.status();
    if (step !== 'SIGNED_IN') throw new Error('ra.auth.sign_in_error');
    markSignedIn(true);
    recordActivity();
  },

  async logout() {
    me = null;
    markSignedIn(false);
    // the session may already be gone on the server (expired, stopped): nothing more to end
    await authApi.logout().catch(() => undefined);
    return '/login';
  },

  async checkAuth() {
    // react-admin checks on every route; the public pages render for anyone (no session needed)
    if (onPublicPage()) return;
    const step = await authApi.status();
    if (step === 'SIGNED_IN') return;
    // this tab was signed in and the server no longer knows the session: it expired
    if (wasSignedIn()) setSignOutReason('expired');
    // the login page tells why; no "please sign in" notification on top
    throw { message: false, redirectTo: '/login' };
  },

  async checkError(error) {
    if (onPublicPage()) return; // a visitor filling in a public form is never signed out
    if (errorCode(error) !== 'UNAUTHENTICATED') return; // FORBIDDEN etc.: stay signed in, the notification says why
    me = null;
    if (errorReason(error) === 'SESSION_EXPIRED' || wasSignedIn()) setSignOutReason('expired');
    throw { message: false, logoutUser: true };
  },

  async getIdentity() {
    const user = await loadMe();
    return { ...user, id: user.id, fullName: user.name };
  },

  // react-admin asks for permissions on every route, public pages too: no session means no
  // permissions, not an error (an error is retried, then signs the visitor out mid-form)
  async getPermissions() {
    if (onPublicPage()) return null;
    const user = await loadMe().catch(() => null);
    return user ? { role: user.role, officeAdmin: user.officeAdmin } : null;
  },

  async canAccess({ resource, action, record }) {
    const user = await loadMe().catch(() => null);
    return user ? canAccess(user, resource, action, record) : false;
  },
};
