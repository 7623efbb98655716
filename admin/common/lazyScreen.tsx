// Screens load when they are opened: each screen module becomes its own chunk, fetched the first
// time the screen renders. The sign-in page loads only the shell (react-admin, the layout, the
// sign-in steps). Inside the layout react-admin's own <Suspense> shows its loading indicator; the
// pages outside it (the public pages, the letter) are wrapped in <ScreenSuspense>.
//
// Adding a screen: export it from its own module and reference it here through lazyScreen, e.g.
//   const UserList = lazyScreen(() => import('./UserList'), 'UserList');
// never by a static import from App.tsx, the menu or an area's index.ts (that would pull it back
// into the sign-in page's bundle; tests/e2e/panel-size.test.ts measures it).
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Box } from '@mui/material';
import { Spinner } from './Spinner';

// biome-ignore lint/suspicious/noExplicitAny: a screen takes whatever props its route gives it
type AnyComponent = ComponentType<any>;

/** React.lazy for a named export: `lazyScreen(() => import('./RoomList'), 'RoomList')`. */
export function lazyScreen<M extends Record<K, AnyComponent>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** A small spinner while a screen's chunk loads (outside react-admin's layout). */
export const ScreenLoading = () => (
  <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }}>
    <Spinner size={32} />
  </Box>
);

export const ScreenSuspense = ({ children }: { children: ReactNode }) => <Suspense fallback={<ScreenLoading />}>{children}</Suspense>;
