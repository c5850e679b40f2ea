import { defineConfig } from 'vitest/config';

// Differential tests run thousands of json-rules-engine evaluations; on a busy 2-core machine
// they take seconds. Speed is measured by `npm run bench`, not by test timeouts.
export default defineConfig({
  // skip-reasons lists skipped tests with their reason (e.g. no ../shared/seeds) after the summary.
  // scratch-tmpdir gives the run a private TMPDIR and removes it afterwards.
  test: { testTimeout: 60_000, reporters: ['default', './test/support/skip-reasons.ts'], globalSetup: ['./test/support/scratch-tmpdir.ts'] },
});
