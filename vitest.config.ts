import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Fault runs that take minutes and measure latency (Redis stopped and killed under load): they
 * run under `npm run test:faults` (vitest.faults.config.ts), never beside the rest of `npm test`.
 */
export const LONG_FAULT_TESTS = 'tests/faults/long/**/*.test.ts';
/** The flood run (npm run test:flood, vitest.flood.config.ts): minutes of load, never beside the rest. */
export const FLOOD_TESTS = 'tests/flood/**/*.test.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'client-sdk/tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, LONG_FAULT_TESTS, FLOOD_TESTS],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // two cores: more workers only fight over them
    maxWorkers: 2,
  },
});
