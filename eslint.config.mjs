import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "lib/server/generated/**", ".tmp/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain core stays free of frameworks so it can be read and tested on its own.
    files: ["lib/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "react-dom", "@prisma/*", "*/generated/*", "@/lib/server/*"] }],
    },
  },
  {
    // Only the stores (a domain's *-store.ts) and what they run on (lib/server/store/) talk to the
    // database (README, How the code is laid out).
    files: ["lib/server/**/*.ts", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["lib/server/**/*-store.ts", "lib/server/store/**", "lib/server/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/db", "better-sqlite3", "pg", "@prisma/*", "**/generated/**"], message: "Reach the database through a store (lib/server/**/*-store.ts)." }] },
      ],
    },
  },
  {
    // Scripts, tests and tooling configure child processes and test databases through the
    // environment; the server's entry point reads its port there before the app is loaded, and
    // instrumentation.ts compares NEXT_RUNTIME as written, which is how Next.js drops a branch.
    files: ["lib/env.ts", "server.mjs", "instrumentation.ts", "scripts/**", "tests/**", "e2e/**", "prisma.config.ts", "prisma/postgres/prisma.config.ts", "playwright.config.ts", "vitest.config.mts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
