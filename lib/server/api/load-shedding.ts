import "server-only";
import { apiMaxInFlight } from "@/lib/env";
import { ApiError } from "./api-error";

// Clients that honour Retry-After come back after this long, when the work in flight has drained.
const RETRY_AFTER_SECONDS = 1;

let inFlight = 0;

/**
 * Bounds the API work this server has taken on. The work runs on one thread, so requests beyond
 * what it can finish soon would only queue, each waiting behind all the others, until every
 * answer is late. Beyond the bound a request is refused at once, before its body is read or its
 * key looked up, with 503 and Retry-After: the work accepted stays fast, and clients back off.
 */
export async function withinLoadBound<T>(work: () => Promise<T>): Promise<T> {
  if (inFlight >= apiMaxInFlight()) {
    throw new ApiError(503, "overloaded", `The server is busy; nothing was stored. Retry in ${RETRY_AFTER_SECONDS} s.`, undefined, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  inFlight += 1;
  try {
    return await work();
  } finally {
    inFlight -= 1;
  }
}
