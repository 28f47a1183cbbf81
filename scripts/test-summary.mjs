// Adds up the test runners' JSON reports (and the checks that are not test runners) into
// one closing line, and exits non-zero when anything failed.
import { existsSync, readFileSync } from "node:fs";

const failedSteps = process.argv.slice(2);
const checks = ["Type-check", "Lint", "Production build"];
let passed = checks.filter((check) => !failedSteps.includes(check)).length;
let failed = checks.length - passed;

const vitestReports = [["Unit tests", ".tmp/unit-results.json"], ["Integration tests (SQLite and PostgreSQL)", ".tmp/integration-results.json"]];
// The two-instance tests run on the production build: without one they never started.
if (!failedSteps.includes("Production build")) vitestReports.push(["Two instances on PostgreSQL", ".tmp/multi-instance-results.json"]);
for (const [name, file] of vitestReports) {
  if (!existsSync(file)) {
    console.log(`${name}: no report (the run did not start)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numPendingTests + report.numTodoTests;
  console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

if (existsSync(".tmp/e2e-results.json")) {
  const { stats } = JSON.parse(readFileSync(".tmp/e2e-results.json", "utf8"));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky + stats.skipped;
  console.log(`Browser tests: ${stats.expected} passed, ${stats.unexpected + stats.flaky} failed, ${stats.skipped} skipped`);
} else {
  console.log("Browser tests: no report (the run did not start)");
  failed += 1;
}
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(", ")}`);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
