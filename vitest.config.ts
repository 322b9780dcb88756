import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: several suites scan the samples and render PDFs in beforeAll, and CI machines are
    // shared. Speed is measured by `npm run bench`, never by timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
