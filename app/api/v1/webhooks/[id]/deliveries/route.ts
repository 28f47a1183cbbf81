import { fieldErrorsOf } from "@/lib/core/field-errors";
import { webhookDeliveriesQuerySchema } from "@/lib/core/webhook-input";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { decodeCursor } from "@/lib/server/api/cursor";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { listDeliveries } from "@/lib/server/webhooks/webhooks";

export const GET = apiRoute("webhooks", async ({ request, params }) => {
  const query = webhookDeliveriesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(fieldErrorsOf(query.error));
  return Response.json(await listDeliveries(params.id, { after: query.data.cursor ? decodeCursor(query.data.cursor) : null, limit: query.data.limit }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
