// The panel's one way to call the custom data-provider methods (rooms, posts, reports, tokens…):
// `usePanelDataProvider()` for changes, `useApiQuery(key, (dp) => dp.room(id))` for reads, under
// TanStack Query from react-admin's QueryClient (so react-admin's refresh button reloads these
// reads too). Nothing here is persisted: patient data lives in memory only, never in
// localStorage or the URL.
import { useContext, useMemo } from 'react';
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { DataProviderContext, useLogoutIfAccessDenied } from 'react-admin';
import type { PanelDataProvider } from '../dataProvider';
import { errorCode } from './errors';

/**
 * The data provider, signing the user out when a call finds the session ended, as react-admin's
 * useDataProvider does. Not that hook itself: on sign-out its proxy resolves with an empty
 * `{ data: {} }`, right for react-admin's record-shaped methods, wrong for a room or a report
 * (and a change would then announce success); here the call still fails.
 */
export function usePanelDataProvider(): PanelDataProvider {
  const dataProvider = useContext(DataProviderContext) as PanelDataProvider;
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useMemo(
    () =>
      new Proxy(dataProvider, {
        get: (target, name) => {
          const method = Reflect.get(target, name);
          if (typeof method !== 'function') return method;
          return (...args: unknown[]) =>
            (method.apply(target, args) as Promise<unknown>).catch(async (error: unknown) => {
              await logoutIfAccessDenied(error);
              throw error;
            });
        },
      }),
    [dataProvider, logoutIfAccessDenied],
  );
}

/** A NOT_FOUND or FORBIDDEN answer will not change on a retry; a network hiccup may. */
const retry = (failures: number, error: unknown) => failures < 2 && !['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT'].includes(errorCode(error) ?? '');

/** One read through a custom data-provider method: `useApiQuery(['rooms', id], (dp) => dp.room(id))`. */
export function useApiQuery<T>(
  queryKey: QueryKey,
  read: (dataProvider: PanelDataProvider) => Promise<T>,
  options: Pick<UseQueryOptions<T, Error, T, QueryKey>, 'enabled' | 'staleTime' | 'refetchInterval' | 'placeholderData'> = {},
) {
  const dataProvider = usePanelDataProvider();
  return useQuery({ queryKey, queryFn: () => read(dataProvider), retry, refetchOnWindowFocus: false, ...options });
}
