// `npm run load`: the 60-second mixed load test (not part of `npm test`).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/load/**/*.load.ts'],
    testTimeout: 600_000,
    maxWorkers: 1,
    execArgv: ['--expose-gc'],
  },
});
