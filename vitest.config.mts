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
      environment: "node",
      env: { LEADGATE_TEST_ENGINE: engine },
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
    ],
  },
});
