import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a ceiling for a hung test, not a speed target: a busy 2-core machine runs the integration tests several times slower
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // tests provoke failures on purpose: the functions' error logs would drown the report, and
    // their metrics (CloudWatch EMF on standard output) too; a test that reads them turns them on
    env: {
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    },
  },
});
