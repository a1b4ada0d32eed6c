import { configDefaults, defineConfig } from 'vitest/config';
import base, { FLOOD_TESTS } from './vitest.config.js';

/** `npm run test:flood`: readers and a scripted attacker from real loopback source addresses, a few minutes. */
export default defineConfig({
  test: {
    ...base.test,
    include: [FLOOD_TESTS],
    exclude: configDefaults.exclude,
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
