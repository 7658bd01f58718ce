import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ compiled from the current sources before the CLI tests spawn it (see the file)
    globalSetup: ['test/setup/build-dist.ts'],
    // Browser and CLI tests spawn processes; give them room on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
