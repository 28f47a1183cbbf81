import { benchRoutesEnabled } from "@/lib/env";
import type { DirectRoutes } from "@/lib/server/http/direct-lane";
import { openDirectLane } from "@/lib/server/http/direct-lane";
import { startBackgroundWork } from "@/lib/server/jobs/server-start";

/**
 * What the Node.js server starts (instrumentation.ts): the background work, and the routes
 * server.mjs answers itself (lib/server/http/direct-lane.ts).
 */
export async function startNodeServer(): Promise<void> {
  await startBackgroundWork();
  openDirectLane(await directRoutes());
}

/**
 * The routes server.mjs answers before Next.js: the tracking collector and single events, which
 * arrive by the thousand. With the benchmark routes on, the batch ceiling goes the same way as
 * the batches it is compared with, and a static answer shows the lane's own ceiling.
 */
async function directRoutes(): Promise<DirectRoutes> {
  const [collect, events] = await Promise.all([import("@/app/api/v1/collect/route"), import("@/app/api/v1/events/route")]);
  const routes: DirectRoutes = { "/api/v1/collect": { POST: collect.POST, OPTIONS: collect.OPTIONS }, "/api/v1/events": { POST: events.POST } };
  if (benchRoutesEnabled()) {
    const [staticJson, rawEvents] = await Promise.all([import("@/app/api/bench/static/route"), import("@/app/api/bench/raw-events/route")]);
    routes["/api/bench/static-direct"] = { GET: staticJson.GET };
    routes["/api/bench/raw-events"] = { POST: rawEvents.POST };
  }
  return routes;
}
