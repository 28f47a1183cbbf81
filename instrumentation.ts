import { authSecret, isNodeServer } from "@/lib/env";

// Runs once when the server starts: refuse to serve without a production secret (rather than
// failing on the first sign-in), carry on the jobs a restart interrupted, and start the daily
// re-score that lets old activity fade.
export async function register() {
  authSecret();
  if (isNodeServer()) {
    const { startBackgroundWork } = await import("@/lib/server/jobs/server-start");
    await startBackgroundWork();
  }
}
