import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Drawing a PDF takes a few seconds, more on a busy machine: a test waits for one or two.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
