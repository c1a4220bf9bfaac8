import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PGlite instances are heavy (a few hundred MB each): keep file parallelism modest.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // In CI, every test's name shows (so the Postgres runs are visible) and a JSON summary is kept.
    reporters: process.env.CI ? ['verbose', ['json', { outputFile: '.ci/test-results.json' }]] : ['default'],
  },
});
