import { defineConfig } from "vitest/config";

// Tests that measure time against Slack's 3-second limit (load, hostile input, the production
// process end to end) run in a group of their own, one file at a time, after everything else: on a
// 2-core machine a neighbouring test file would otherwise be measured too.
const TIMED = ["test/e2e/**/*.test.ts", "test/hostile/**/*.test.ts"];

const shared = {
  setupFiles: ["test/setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 180_000,
  pool: "forks" as const,
  unstubEnvs: true,
};

export default defineConfig({
  cacheDir: ".vitest-cache",
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "functional",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: TIMED,
          // Two cores here and in CI: more workers only add contention.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: "timed",
          include: TIMED,
          maxWorkers: 1,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
