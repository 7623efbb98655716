// One GraphQL read for a page or a card (reports, counts, tokens), through the data provider so
// that an ended session signs the user out.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { WorkflowDataProvider } from './dataProvider';

export const useWorkflowDataProvider = () => useDataProvider<WorkflowDataProvider>();

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => void;
}

export function useApiQuery<T>(query: string, variables?: Record<string, unknown>, options: { enabled?: boolean } = {}): ApiQuery<T> {
  const dataProvider = useWorkflowDataProvider();
  const enabled = options.enabled ?? true;
  const [state, setState] = useState<{ data?: T; error?: unknown; isPending: boolean }>({ isPending: enabled });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables ?? {});
  const current = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const run = ++current.current;
    setState((s) => ({ ...s, isPending: true }));
    dataProvider
      .graphql<T>(query, JSON.parse(key))
      .then((data) => run === current.current && setState({ data, isPending: false }))
      .catch((error) => run === current.current && setState({ error, isPending: false }));
  }, [dataProvider, query, key, enabled, tick]);

  const refetch = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, isPending: state.isPending, refetch };
}
