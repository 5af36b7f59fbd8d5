import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { SweepLast } from "./sweep/sequencer";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Browser tests: one production server (started by ./server.ts) serves every file, so the files
 * run one after another in a single fork. No coverage: the code under test runs in the server.
 */
export default defineConfig({
  root,
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/server.ts"],
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    // The page sweep (sweep.test.ts) runs after every other file.
    sequence: { sequencer: SweepLast },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    coverage: { enabled: false },
  },
});
