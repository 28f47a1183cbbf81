import "server-only";
import { ApiError, errorResponse } from "./api-error";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = () => Response;

/**
 * Handlers for the methods a route doesn't support, for the route to export: Next answers those
 * with an empty 405, while every API answer is documented to be JSON. OPTIONS is included
 * because Next's own would list these handlers as allowed.
 */
export function unsupportedMethods<Allowed extends Method>(...allowed: Allowed[]): Record<Exclude<Method, Allowed> | "OPTIONS", Handler> {
  const supported = METHODS.filter((method) => allowed.includes(method as Allowed));
  // Next answers HEAD from GET; OPTIONS is answered by the handler below.
  const allow = [...supported.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])), "OPTIONS"].join(", ");
  const notAllowed: Handler = () => errorResponse(new ApiError(405, "method_not_allowed", `This endpoint accepts only ${supported.join(" and ")}.`, undefined, { Allow: allow }));
  const handlers: Record<string, Handler> = { OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }) };
  for (const method of METHODS) if (!supported.includes(method)) handlers[method] = notAllowed;
  return handlers as Record<Exclude<Method, Allowed> | "OPTIONS", Handler>;
}
