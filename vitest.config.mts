import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": import.meta.dirname };

const integrationResolve = { alias: { ...alias, "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") } };

/** The integration tests, on either engine (tests/support/test-engine.ts). */
function integration(engine: "sqlite" | "postgres") {
  return {
    resolve: integrationResolve,
    test: {
      name: engine === "sqlite" ? "integration" : "integration-postgres",
      include: ["tests/integration/**/*.test.ts"],
      // SQLite's own machinery (its write-ahead log, checkpoints, write turns between threads,
      // sync modes) is tested where it exists; everything else runs on both engines.
      exclude: engine === "postgres" ? ["tests/integration/**/*.sqlite.test.ts"] : [],
      environment: "node",
      // A job whose instance died is taken over once its lease runs out: seconds here, not the default 30.
      env: { LEADGATE_TEST_ENGINE: engine, LEADGATE_JOB_LEASE_SECONDS: "3" },
      globalSetup: [engine === "sqlite" ? "tests/support/global-setup.ts" : "tests/support/global-setup-postgres.ts"],
      setupFiles: ["tests/support/fresh-database.ts"],
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts"], environment: "node" },
      },
      integration("sqlite"),
      integration("postgres"),
      {
        // Two production servers on one PostgreSQL database: run after `next build` (scripts/test.sh).
        resolve: integrationResolve,
        test: {
          name: "multi-instance",
          include: ["tests/multi-instance/**/*.test.ts"],
          environment: "node",
          env: { LEADGATE_TEST_ENGINE: "postgres", LEADGATE_JOB_LEASE_SECONDS: "3" },
          globalSetup: ["tests/support/global-setup-postgres.ts"],
          setupFiles: ["tests/support/fresh-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
