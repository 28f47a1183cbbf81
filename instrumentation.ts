import { authSecret } from "@/lib/env";

// Runs once when the server starts: refuse to serve without a production secret (rather than
// failing on the first sign-in), then, in the Node.js server, carry on the jobs a restart
// interrupted, start the daily re-score that lets old activity fade, and hand server.mjs the
// routes it serves directly (instrumentation-node.ts).
export async function register() {
  authSecret();
  // Compared as written, so that Next.js leaves the Node.js-only modules out of its Edge bundle
  // of this file (its instrumentation guide); behind a function, they were bundled for Edge too.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("./instrumentation-node");
    await startNodeServer();
  }
}
