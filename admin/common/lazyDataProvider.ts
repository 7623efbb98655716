// The data provider, loaded with the first screen that asks for data rather than with the sign-in
// page: Apollo Client, graphql-js and the bundled schema are a third of the panel's code. Every
// method (react-admin's and the custom ones: unlockUser, room, createPost…) is forwarded to the provider
// once its module has loaded.
import type { DataProvider } from 'react-admin';

export function lazyDataProvider<T extends DataProvider>(load: () => Promise<T>): T {
  let loaded: Promise<T> | undefined;
  const provider = () => {
    loaded ??= load().catch((error) => {
      loaded = undefined; // a failed chunk download is retried on the next call
      throw error;
    });
    return loaded;
  };
  return new Proxy({} as T, {
    get: (_, name) => {
      // not a thenable, and no AbortSignal support (ra-data-graphql takes none)
      if (typeof name === 'symbol' || name === 'then' || name === 'supportAbortSignal') return undefined;
      return async (...args: unknown[]) => {
        const dp = (await provider()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
        if (typeof dp[name] !== 'function') throw new Error(`Unknown dataProvider function: ${name}`);
        return dp[name](...args);
      };
    },
  });
}
