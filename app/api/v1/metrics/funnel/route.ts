import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { dashboardFiltersFromQuery, dashboardMetrics } from "@/lib/server/metrics/metrics";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const GET = apiRoute("read", async ({ request }) => {
  const filters = dashboardFiltersFromQuery(new URL(request.url).searchParams);
  if (!filters.success) throw validationError(fieldErrorsOf(filters.error));
  return Response.json(await dashboardMetrics(filters.data));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
