import { defineConfig } from 'vitest/config'

// Every test file gets a data folder of its own, so no test reads or fills the user's.
const setupFiles = ['test/helpers/isolated-data-dir.ts']

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/faults/**/*.test.ts'],
          environment: 'node',
          setupFiles,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
})
