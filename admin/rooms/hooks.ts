// Data hooks of the room screens: TanStack Query (react-admin's own QueryClient, so react-admin's
// refresh button reloads them too) over the operations in api.ts. Nothing here is persisted:
// patient data lives in memory only, never in localStorage or the URL.
import { useCallback, useEffect, useState } from 'react';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useLogoutIfAccessDenied, useNotify } from 'react-admin';
import { errorCode } from '../graphql/errors';

/** Query keys: everything under `rooms` is invalidated together after a change. */
export const keys = {
  all: ['rooms'] as const,
  lists: ['rooms', 'list'] as const,
  list: (params: unknown) => ['rooms', 'list', params] as const,
  room: (id: string) => ['rooms', 'room', id] as const,
  posts: (id: string, filter: unknown) => ['rooms', 'posts', id, filter] as const,
  readers: (id: string, filter: unknown, page: number) => ['rooms', 'readers', id, filter, page] as const,
  vitals: (id: string) => ['rooms', 'vitals', id] as const,
  directory: (filter: unknown) => ['rooms', 'directory', filter] as const,
  offices: (ids?: string[]) => ['rooms', 'offices', ids ?? null] as const,
  application: (id: string) => ['rooms', 'application', id] as const,
  pending: ['rooms', 'pending-applications'] as const,
  applicants: (applicationId: string) => ['rooms', 'applicants', applicationId] as const,
  closingRequest: (roomId: string) => ['rooms', 'closing-request', roomId] as const,
  pendingJoins: (roomId: string) => ['rooms', 'pending-joins', roomId] as const,
  counts: ['rooms', 'counts'] as const,
  defaultTitles: ['rooms', 'default-titles'] as const,
};

/** A NOT_FOUND or FORBIDDEN answer will not change on a retry; a network hiccup may. */
const retry = (failures: number, error: unknown) => failures < 2 && !['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT'].includes(errorCode(error) ?? '');

/** useQuery that signs out on an expired session, like react-admin's own data hooks. */
export function useApiQuery<T>(queryKey: QueryKey, queryFn: () => Promise<T>, options: { enabled?: boolean; staleTime?: number } = {}) {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const result = useQuery({ queryKey, queryFn, retry, refetchOnWindowFocus: false, ...options });
  useEffect(() => {
    if (result.error) void logoutIfAccessDenied(result.error);
  }, [result.error, logoutIfAccessDenied]);
  return result;
}

/** The error's text as the server wrote it (in the panel's language), for a notification. */
export function useNotifyError() {
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useCallback(
    (error: unknown) => {
      void logoutIfAccessDenied(error);
      const message = (error as Error)?.message || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    [notify, logoutIfAccessDenied],
  );
}

/** Reload every room query (after any change in a room). */
export function useInvalidateRooms() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: keys.all }), [client]);
}

/** Reload a room's posts, readers, vitals and the room lists (after a post or a correction), not the room itself: each read of the patient is logged. */
export function useInvalidatePosts(roomId: string) {
  const client = useQueryClient();
  return useCallback(
    () => Promise.all([['rooms', 'posts', roomId], ['rooms', 'readers', roomId], keys.vitals(roomId), keys.lists].map((queryKey) => client.invalidateQueries({ queryKey }))),
    [client, roomId],
  );
}

/**
 * A change made from a room or post screen, with `pending` true while it runs. On success: the
 * `done` notice, the reload (every room query unless told otherwise; `false` for a change that
 * touches no room, such as a request to the city), then `then` with the answer. On failure:
 * `onError` (to put field errors on the form), then the server's message as a notification.
 */
export function useRoomChange({ reload }: { reload?: (() => Promise<unknown>) | false } = {}) {
  const notify = useNotify();
  const notifyError = useNotifyError();
  const invalidateRooms = useInvalidateRooms();
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>, { done, then, onError }: { done: string; then?: (result: T) => void; onError?: (error: unknown) => void }) => {
      setPending(true);
      try {
        const result = await action();
        notify(done, { type: 'info' });
        if (reload !== false) await (reload ?? invalidateRooms)();
        then?.(result);
      } catch (error) {
        onError?.(error);
        notifyError(error);
      } finally {
        setPending(false);
      }
    },
    [notify, notifyError, invalidateRooms, reload],
  );
  return { pending, run };
}

/** Field errors of a BAD_USER_INPUT answer, by the API's field path. */
export function fieldErrors(error: unknown): { field: string; code: string; message: string }[] {
  return ((error as { body?: { fields?: { field: string; code: string; message: string }[] } })?.body?.fields ?? []).slice();
}

/** Field errors as { field: message } for a form's error texts; `name` turns the API's field path into the form's field. */
export function fieldErrorMap(error: unknown, name: (path: string) => string): Record<string, string> {
  return Object.fromEntries(fieldErrors(error).map((f) => [name(f.field), f.message]));
}
