// The room screens' query keys and change hooks, over the data provider's room methods (api.ts)
// and graphql/useApi.ts (useApiQuery for reads).
import { useCallback } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import type { PanelDataProvider } from '../dataProvider';
import { usePanelDataProvider } from '../graphql/useApi';

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

/** The error's text as the server wrote it (in the panel's language), for a notification. */
export function useNotifyError() {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      const message = (error as Error)?.message || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    [notify],
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
 * A change made from a room or post screen (`run((dp) => dp.createPost(…), { done })`), with
 * `pending` true while it runs. On success: the `done` notice, the reload (every room query unless
 * told otherwise; `false` for a change that touches no room, such as a request to the city), then
 * `onDone` with the answer. On failure: `onError` (to put field errors on the form), then the
 * server's message as a notification.
 */
export function useRoomChange({ reload }: { reload?: (() => Promise<unknown>) | false } = {}) {
  const dataProvider = usePanelDataProvider();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const invalidateRooms = useInvalidateRooms();
  const { mutateAsync, isPending } = useMutation({
    // the reload belongs to the change: `pending` stays true until the screen shows its result
    mutationFn: async ({ action, done }: { action: (dp: PanelDataProvider) => Promise<unknown>; done: string }) => {
      const result = await action(dataProvider);
      notify(done, { type: 'info' });
      if (reload !== false) await (reload ?? invalidateRooms)();
      return result;
    },
  });
  const run = useCallback(
    async <T>(action: (dp: PanelDataProvider) => Promise<T>, { done, onDone, onError }: { done: string; onDone?: (result: T) => void; onError?: (error: unknown) => void }) => {
      try {
        const result = (await mutateAsync({ action, done })) as T;
        onDone?.(result);
      } catch (error) {
        onError?.(error);
        notifyError(error);
      }
    },
    [mutateAsync, notifyError],
  );
  return { pending: isPending, run };
}

/** Field errors of a BAD_USER_INPUT answer, by the API's field path. */
export function fieldErrors(error: unknown): { field: string; code: string; message: string }[] {
  return ((error as { body?: { fields?: { field: string; code: string; message: string }[] } })?.body?.fields ?? []).slice();
}

/** Field errors as { field: message } for a form's error texts; `name` turns the API's field path into the form's field. */
export function fieldErrorMap(error: unknown, name: (path: string) => string): Record<string, string> {
  return Object.fromEntries(fieldErrors(error).map((f) => [name(f.field), f.message]));
}
