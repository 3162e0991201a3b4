import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser tests drive a real Chromium; an axe audit of the whole report takes a few seconds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
