import "server-only";
import type { ApiScope } from "@/lib/core/api-scopes";
import { WRITE_KEY_PREFIX } from "@/lib/core/tracking";
import { apiRateLimitPerMinute } from "@/lib/env";
import type { AuthenticatedKey } from "../admin/api-keys";
import { authenticateApiKey } from "../admin/api-keys";
import type { FieldErrors } from "../errors";
import { AppError } from "../errors";
import { ApiError, failureResponse } from "./api-error";
import { withinLoadBound } from "./load-shedding";
import { takeToken } from "./rate-limit";

export type ApiContext = { request: Request; apiKey: AuthenticatedKey; params: Record<string, string> };
type RouteContext = { params: Promise<Record<string, string>> };

async function authenticate(request: Request): Promise<AuthenticatedKey> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError("UNAUTHENTICATED", 'Send your API key as "Authorization: Bearer <key>". Admins create keys under API keys.');
  // Write keys sit in websites' HTML: anyone may copy one, so it opens the collector and nothing else.
  if (match[1].startsWith(WRITE_KEY_PREFIX)) throw new AppError("FORBIDDEN", "A write key (lg_pub_…) only sends to POST /api/v1/collect. Use an API key for the rest of the API.");
  const key = await authenticateApiKey(match[1]);
  if (key === "revoked") throw new AppError("UNAUTHENTICATED", "This API key was revoked. Ask an admin for a new one.");
  if (!key) throw new AppError("UNAUTHENTICATED", "This API key is not valid.");
  return key;
}

/**
 * Every v1 endpoint goes through here: a bound on the work in flight, API key, the scope the
 * endpoint needs, rate limit per key, then the handler; any failure becomes the documented
 * `{ error: { code, message, details } }` with its status.
 */
export function apiRoute(scope: ApiScope | readonly ApiScope[], handler: (context: ApiContext) => Promise<Response>) {
  const allowed: readonly ApiScope[] = typeof scope === "string" ? [scope] : scope;
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      return await withinLoadBound(() => authorizedCall(request, context));
    } catch (error) {
      return failure(error);
    }
  };

  async function authorizedCall(request: Request, context: RouteContext): Promise<Response> {
    const apiKey = await authenticate(request);
    if (!allowed.some((needed) => apiKey.scopes.includes(needed))) {
      const names = allowed.map((needed) => `"${needed}"`).join(" or ");
      throw new AppError("FORBIDDEN", `This API key doesn't have the ${names} scope this endpoint needs. An admin can create a key that has it under API keys.`);
    }
    const retryAfter = await takeToken(apiKey.id, apiRateLimitPerMinute());
    if (retryAfter > 0) {
      throw new ApiError(429, "rate_limited", `Too many requests for this API key; retry in ${retryAfter} s.`, undefined, { "Retry-After": String(retryAfter) });
    }
    return await handler({ request, apiKey, params: (await context.params) ?? {} });
  }
}

const failure = (error: unknown) => failureResponse(error, "API route", "Something went wrong on our side; nothing was stored. Try again.");

export function validationError(fieldErrors: FieldErrors): AppError {
  return new AppError("VALIDATION", "The request is not valid; see details for each field.", fieldErrors);
}
