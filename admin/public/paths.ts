// The pages used without signing in. On these the panel never asks who is signed in and never
// signs anyone out: a visitor may spend many minutes filling in a form (新規登録申請, 利用開始).
export const PUBLIC_PATHS = ['/apply', '/activate'] as const;

/** Is the current hash route one of the public pages? */
export function onPublicPage(hash = window.location.hash): boolean {
  const path = hash.replace(/^#/, '').split('?')[0];
  return PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}
