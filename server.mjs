// The production server (`npm start`, `npm run app`): Next.js behind node:http, as Next's
// custom-server guide shows, with one addition. The API routes that take traffic by the thousand
// (the tracking collector, single events) are served by their own handlers before Next.js's
// request handling, which costs more than their work (lib/server/http/direct-lane.ts). Every
// other request goes to Next.js unchanged.
import http from "node:http";

// As `next start` sets them, before Next.js is loaded (instrumentation.ts starts the background
// work only where NEXT_RUNTIME says this is the Node.js server).
process.env.NODE_ENV = "production";
process.env.NEXT_RUNTIME = "nodejs";
const { default: next } = await import("next");

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();
// instrumentation-node.ts opens the lane when Next.js loads the app; until then the lane's routes
// are answered by Next.js, with the same handlers.
const DIRECT_LANE = Symbol.for("leadgate.directLane");

const server = http.createServer((request, response) => {
  if (globalThis[DIRECT_LANE]?.(request, response)) return;
  handle(request, response);
});
server.listen(port, () => console.log(`Leadgate is serving on port ${port}`));

// As `next start` stops: no new connections, the requests under way answered, then Next.js closed.
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => app.close().catch(console.error).finally(() => process.exit(0)));
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
