import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { listLeadEvents } from "@/lib/server/api/lead-resource";
import { leadEventsQuerySchema } from "@/lib/server/api/schemas";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { AppError } from "@/lib/server/errors";

export const GET = apiRoute("read", async ({ request, params }) => {
  const query = leadEventsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(fieldErrorsOf(query.error));
  const page = await listLeadEvents(params.id, query.data);
  if (!page) throw new AppError("NOT_FOUND", `No lead has the id "${params.id}".`);
  return Response.json(page);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
