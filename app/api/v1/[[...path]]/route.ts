import { errorResponse } from "@/lib/server/api/api-error";
import { AppError } from "@/lib/server/errors";

// Any /api/v1 path no route matches: Next routes static and dynamic segments before a catch-all,
// so this only answers paths that would otherwise get the HTML 404 page.
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(new AppError("NOT_FOUND", `There is no API endpoint at ${pathname}; see /api/v1/openapi.json for the ones there are.`));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
