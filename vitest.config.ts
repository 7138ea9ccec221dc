import { defineConfig } from 'vitest/config';

/**
 * Tests that start other programs (the built CLI, the AWS CLI, python3 with boto3, node on a
 * transpiled solution) pay each program's start-up, which on a loaded 2-core machine is many times
 * what it is on a quiet one. They get a longer deadline than in-process tests; what they assert is
 * the same. Keep this list to files that really spawn processes.
 */
const SPAWNING = [
  'test/e2e/**/*.test.{ts,tsx}',
  'test/content/*solutions-on-sandbox.test.ts',
  'test/content/written-code-runs.test.ts',
  'test/cloudwatch/cloudwatch-aws-cli.test.ts',
  'test/sandbox/real-clients.test.ts',
  'src/content/render-solution.test.ts',
  'src/files/atomic-write.test.ts',
];

export default defineConfig({
  test: {
    // Integration tests start real sandboxes on loopback ports; two workers match the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: SPAWNING,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'processes', include: SPAWNING, testTimeout: 180_000, hookTimeout: 60_000 },
      },
    ],
  },
});
