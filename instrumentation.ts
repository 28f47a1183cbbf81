import { authSecret, isNodeServer } from "@/lib/env";

// Runs once when the server starts: refuse to serve without a production secret (rather than
// failing on the first sign-in), carry on the jobs a restart interrupted, start the daily
// re-score that lets old activity fade, and hand server.mjs the routes it serves directly.
export async function register() {
  authSecret();
  if (isNodeServer()) {
    const { startBackgroundWork } = await import("@/lib/server/jobs/server-start");
    await startBackgroundWork();
    const { openDirectLane } = await import("@/lib/server/http/direct-lane");
    const { collectMessage, collectPreflight } = await import("@/lib/server/tracking/collect-route");
    openDirectLane({ "/api/v1/collect": { POST: collectMessage, OPTIONS: collectPreflight } });
  }
}
