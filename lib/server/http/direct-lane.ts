import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { cameOverHttps, securityHeaders } from "@/lib/core/security-headers";
import { isDevelopment } from "@/lib/env";
import { MAX_BODY_BYTES } from "../api/read-json";

/** A route handler as a `route.ts` exports it (routes in the lane have no dynamic segments: no params). */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
export type DirectRoutes = Record<string, Partial<Record<"GET" | "POST" | "OPTIONS", Handler>>>;
/** Serves the request and returns true when it is one of the direct routes; false leaves it to Next.js. */
export type DirectLane = (request: IncomingMessage, response: ServerResponse) => boolean;

// server.mjs finds the lane on globalThis: it starts before the app's code is loaded. The lane's
// code is the copy Next.js bundles for instrumentation.ts, as the background work's is; what must
// be one per process is kept on globalThis (the database connections, SQLite's write lock), and
// what must be one for the app is in the database, as it is across instances.
const DIRECT_LANE = Symbol.for("leadgate.directLane");
const globalForLane = globalThis as unknown as { [DIRECT_LANE]?: DirectLane };

/**
 * Hands server.mjs the routes it answers itself, before Next.js's request handling, which costs
 * more than the whole work of a tracking message or a single event (BENCHMARKS.md). Each route's
 * handler is the very function its `route.ts` exports, and its answer carries the headers
 * `proxy.ts` puts on every answer. Only routes that `proxy.ts` lets through untouched belong here:
 * API routes, which check their own keys and use nothing of Next.js's request scope (no cookies(),
 * headers() or after()).
 */
export function openDirectLane(routes: DirectRoutes): void {
  globalForLane[DIRECT_LANE] = directLane(routes);
}

export function directLane(routes: DirectRoutes): DirectLane {
  return (request, response) => {
    const queryAt = request.url?.indexOf("?") ?? -1;
    const path = queryAt === -1 ? request.url : request.url?.slice(0, queryAt);
    const handler = path === undefined ? undefined : routes[path]?.[request.method as "GET" | "POST" | "OPTIONS"];
    if (!handler) return false;
    readBody(request)
      .then(async (body) => {
        const webRequest = toWebRequest(request, body);
        if (!webRequest) return send(Response.json(BAD_HOST, { status: 400 }), response, false);
        const answer = await Promise.resolve()
          .then(() => handler(webRequest, NO_PARAMS))
          .catch((error) => {
            console.error(`${request.method} ${path} failed in the direct lane`, error);
            return Response.json(SERVER_ERROR, { status: 500 });
          });
        await send(answer, response, cameOverHttps(webRequest.url, webRequest.headers));
      })
      // The client went away before the answer was sent: nothing left to tell it.
      .catch(() => response.destroy());
    return true;
  };
}

const NO_PARAMS = { params: Promise.resolve({}) };
// A name or an IP address (IPv6 in brackets), with an optional port: nothing that would change the URL's shape.
const HOST = /^(?:[a-z0-9._-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const BAD_HOST = { error: { code: "bad_request", message: "The Host header is not a host name (with an optional port)." } };
const SERVER_ERROR = { error: { code: "internal", message: "Something went wrong on our side; nothing was stored. Send it again." } };

/**
 * The body, read whole: cheaper than a stream for the small bodies these routes take. Reading
 * keeps at most the largest body any route accepts and a chunk more, enough for the route to
 * refuse it with 413, as it refuses a declared length over its limit before any reading.
 */
async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | null> {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const declared = Number(request.headers["content-length"]);
  if (declared > MAX_BODY_BYTES) return new Uint8Array();
  const chunks: Buffer[] = [];
  let size = 0;
  // Past the limit the rest is read and dropped: stopping would close the connection before the answer.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    size += chunk.byteLength;
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The request as Next.js hands it to a route: with the `x-forwarded-*` headers it fills in when a
 * proxy did not. Null when the Host header makes no URL.
 */
function toWebRequest(request: IncomingMessage, body: Uint8Array<ArrayBuffer> | null): Request | null {
  const socket = request.socket as IncomingMessage["socket"] & { encrypted?: boolean };
  const headers = new Headers();
  for (let index = 0; index < request.rawHeaders.length; index += 2) headers.append(request.rawHeaders[index], request.rawHeaders[index + 1]);
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : socket.encrypted ? "https" : "http";
  const host = headers.get("host") ?? `localhost:${socket.localPort}`;
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-port")) headers.set("x-forwarded-port", String(socket.localPort));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", proto);
  if (!headers.has("x-forwarded-for") && socket.remoteAddress) headers.set("x-forwarded-for", socket.remoteAddress);
  if (!HOST.test(host)) return null;
  return new Request(`${proto}://${host}${request.url}`, { method: request.method, headers, body });
}

async function send(answer: Response, response: ServerResponse, https: boolean): Promise<void> {
  const body = answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => (headers[name] = value));
  const proxyHeaders = securityHeaders({ nonce: Buffer.from(crypto.randomUUID()).toString("base64"), https, development: isDevelopment() });
  for (const [name, value] of Object.entries(proxyHeaders)) headers[name.toLowerCase()] = value;
  if (body) headers["content-length"] = String(body.byteLength);
  response.writeHead(answer.status, headers);
  response.end(body);
}
