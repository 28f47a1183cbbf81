import { authSecret, isNodeServer } from "@/lib/env";

// Runs once when the server starts: refuse to serve without a production secret (rather than
// failing on the first sign-in), and start the daily re-score that lets old activity fade.
export async function register() {
  authSecret();
  if (isNodeServer()) {
    const { scheduleDailyRescore } = await import("@/lib/server/scheduled-rescore");
    await scheduleDailyRescore();
  }
}
