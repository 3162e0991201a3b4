import { defineConfig } from 'vitest/config';

// Each test writes and reads real workbooks (the zip-bomb test packs 64 MiB); under the full suite's
// load on two processors a test can take longer than vitest's 5 s default. The tests assert results,
// never time, except the bomb's "refused before inflating" bound.
export default defineConfig({
  test: { testTimeout: 30_000 },
});
