import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The default output, then one block at the very end: how many tests were skipped and why.
    reporters: ['default', './tests/support/skipped-summary.ts'],
  },
});
