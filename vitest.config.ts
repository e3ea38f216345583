import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@hopscope/source`
// export condition, so tests never run against a stale dist/.
// No 'module' condition: packages such as @opentelemetry/api point it at an ESM build with
// extensionless imports that Node cannot load (the Anthropic SDK imports @opentelemetry/api).
const conditions = ['@hopscope/source', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@hopscope/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/ui/**/*.test.ts', 'packages/viewer/e2e/**/*.spec.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['./test/setup/no-internet.ts'],
  },
});
