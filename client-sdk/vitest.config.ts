import { defineConfig } from 'vitest/config';

/** The SDK's own tests (`npm test` in client-sdk/): the package as published, no server needed. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
