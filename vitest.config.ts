import { defineConfig } from 'vitest/config';

// Differential tests run thousands of json-rules-engine evaluations; on a busy 2-core machine
// they take seconds. Speed is measured by `npm run bench`, not by test timeouts.
export default defineConfig({
  test: { testTimeout: 60_000 },
});
