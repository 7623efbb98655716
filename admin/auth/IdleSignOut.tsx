// Signs the panel out after 30 minutes without user input (the server does the same with the
// session; this also covers a screen left open). Input resets the timer; while the user is
// active, an occasional authStatus call keeps the server-side session alive as well.
import { useEffect } from 'react';
import { useLogout } from 'react-admin';
import { authApi } from './authApi';
import { IDLE_LIMIT_MS, idleFor, recordActivity } from './activity';
import { setSignOutReason } from './signOutReason';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const WRITE_EVERY_MS = 5_000;
const KEEPALIVE_EVERY_MS = 5 * 60_000;
const CHECK_EVERY_MS = 15_000;

export const IdleSignOut = () => {
  const logout = useLogout();

  useEffect(() => {
    let lastWrite = 0;
    let lastKeepAlive = Date.now();
    let signingOut = false;

    const signOut = (reason: 'idle' | 'expired') => {
      if (signingOut) return;
      signingOut = true;
      setSignOutReason(reason);
      logout();
    };

    const onActivity = () => {
      const now = Date.now();
      if (now - lastWrite >= WRITE_EVERY_MS) {
        lastWrite = now;
        recordActivity(now);
      }
      if (now - lastKeepAlive >= KEEPALIVE_EVERY_MS) {
        lastKeepAlive = now;
        authApi
          .status()
          .then((step) => step !== 'SIGNED_IN' && signOut('expired'))
          .catch(() => undefined);
      }
    };

    const check = () => {
      if (idleFor() >= IDLE_LIMIT_MS) signOut('idle');
    };

    recordActivity();
    ACTIVITY_EVENTS.forEach((e) => {
      window.addEventListener(e, onActivity, { passive: true, capture: true });
    });
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      ACTIVITY_EVENTS.forEach((e) => {
        window.removeEventListener(e, onActivity, { capture: true });
      });
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [logout]);

  return null;
};
