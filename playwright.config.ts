import { defineConfig } from "@playwright/test";
import { DEMO_API_KEY, DEMO_WRITE_KEY } from "./e2e/support";

const PORT = 3100;

export default defineConfig({
  testDir: "e2e",
  // One server and one database for the run: tests change leads, so they go one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: ".tmp/e2e-results.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    // Signs each demo user in once and saves the session, for the tests that start signed in (e2e/support.ts openSignedIn).
    { name: "sign-in", testMatch: /\.setup\.ts$/, use: { browserName: "chromium" } },
    { name: "chromium", dependencies: ["sign-in"], use: { browserName: "chromium", viewport: { width: 1440, height: 900 } } },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://localhost:${PORT}/signin`,
    // Webhook tests deliver to a receiver on this machine, a private address production refuses.
    env: { PORT: String(PORT), LEADGATE_DEMO_API_KEY: DEMO_API_KEY, LEADGATE_DEMO_WRITE_KEY: DEMO_WRITE_KEY, LEADGATE_WEBHOOK_ALLOW_PRIVATE: "1" },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
