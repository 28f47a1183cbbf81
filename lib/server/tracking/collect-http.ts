import "server-only";
import { collectRateLimits } from "@/lib/env";
import { ApiError } from "../api/api-error";
import { takeToken } from "../api/rate-limit";
import { clientAddress } from "../auth/sign-in";
import type { CollectingKey } from "./collect";

/** The origin this app is served on, as a browser on its own pages sends it (through a proxy too). */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.replace(":", "");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || url.host;
  return `${proto}://${host}`;
}

/** CORS headers for an answer the browser at `origin` may read; none for other origins. */
export function corsHeaders(origin: string | null): Record<string, string> {
  return origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
}

/**
 * The collector's rate limits: one per write key (a whole site's traffic) and one per client
 * address (one visitor, or a script hammering with a key copied from a page). Over either: 429.
 */
export async function throttleCollect(key: CollectingKey, request: Request): Promise<void> {
  const limits = collectRateLimits();
  const [perKey, perAddress] = await Promise.all([
    takeToken(`collect:${key.id}`, limits.perKey),
    takeToken(`collect-address:${clientAddress(request.headers.get("x-forwarded-for"))}`, limits.perAddress),
  ]);
  const retryAfter = Math.max(perKey, perAddress);
  if (retryAfter > 0) {
    throw new ApiError(429, "rate_limited", `Too many messages ${perKey > 0 ? "for this write key" : "from this address"}; retry in ${retryAfter} s.`, undefined, { "Retry-After": String(retryAfter) });
  }
}
