import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // swc emits the decorator metadata that type-graphql and MikroORM read (esbuild/oxc do not).
  plugins: [swc.vite({ jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false } } })],
  oxc: false,
  resolve: {
    // one copy of graphql for type-graphql (CJS) and the tests (ESM)
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['reflect-metadata', 'tests/helpers/one-statement-per-connection.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for a screen to change: 1 s (vitest's default) is too short for a browser on
    // 2 cores busy with another test file (an audit page's next page took longer in CI)
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // each test file gets its own database cloned from a migrated template (see tests/helpers/db.ts)
    fileParallelism: true,
    maxWorkers: 2,
  },
});
