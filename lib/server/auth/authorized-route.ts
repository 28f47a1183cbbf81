import "server-only";
import type { Permission } from "@/lib/core/permissions";
import { can } from "@/lib/core/permissions";
import type { CurrentUser } from "@/lib/views/auth";
import { failureResponse } from "../api/api-error";
import { currentUser } from "./current-user";
import { AppError } from "../errors";
import { guarded } from "./guarded-handlers";

export type SignedInRouteContext<Params> = { request: Request; user: CurrentUser; params: Params };
type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a route handler that serves the app's own pages (downloads, the live check) so none can
 * forget the basics: someone is signed in with a session that still holds (as currentUser()
 * decides: active, not ended, no temporary password left to change) and has the permission.
 * Every failure answers as the API does, `{ error: { code, message, details? } }` with its
 * status: the handler and the services it calls throw AppErrors; anything else is logged and
 * reported generically. Error answers are never cached: they depend on who asked.
 */
export function authorizedRoute<Params extends Record<string, string> = Record<string, never>>(
  permission: Permission,
  handler: (context: SignedInRouteContext<Params>) => Promise<Response>,
): (request: Request, context?: RouteContext<Params>) => Promise<Response> {
  return guarded(async (request: Request, context?: RouteContext<Params>): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
      if (!can(user.role, permission)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
      // Next passes no params to a route without dynamic segments.
      const params = ((await context?.params) ?? {}) as Params;
      return await handler({ request, user, params });
    } catch (error) {
      return uncached(failure(error));
    }
  });
}

const failure = (error: unknown) => failureResponse(error, "route handler", "Something went wrong on our side. Nothing was changed; try again.");

function uncached(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  return response;
}
