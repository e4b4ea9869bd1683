import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not the compiled dist.
    alias: {
      '@crr/core': here('./packages/core/src/index.ts'),
      '@crr/cli': here('./packages/cli/src/index.ts'),
      '@crr/site': here('./site/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'site/src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
