// The time of the user's last input, shared by the panel's tabs (they share one session).
export const IDLE_LIMIT_MS = 30 * 60_000;
const KEY = 'zaitaku.lastActivity';

export function recordActivity(now = Date.now()): void {
  try {
    localStorage.setItem(KEY, String(now));
  } catch {
    // storage unavailable (private mode): the server's idle timeout still applies
  }
}

export function idleFor(now = Date.now()): number {
  const last = Number(localStorage.getItem(KEY));
  return Number.isFinite(last) && last > 0 ? now - last : 0;
}
