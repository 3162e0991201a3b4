import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser tests drive a real Chromium; an axe audit of the whole report takes a few seconds alone
    // and over 30 s when CI runs every package's tests at once on two cores. The limits only catch a
    // hang; speed is measured by `pnpm bench`, never here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
