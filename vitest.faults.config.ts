import { configDefaults, defineConfig } from 'vitest/config';
import base, { LONG_FAULT_TESTS } from './vitest.config.js';

/** `npm run test:faults`: the long fault runs that `npm test` leaves out, one file at a time. */
export default defineConfig({
  test: {
    ...base.test,
    include: [LONG_FAULT_TESTS],
    exclude: configDefaults.exclude,
    testTimeout: 120_000,
    // each run asserts sub-second answers while Redis is down: no other test file beside it
    fileParallelism: false,
  },
});
