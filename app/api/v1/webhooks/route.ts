import { fieldErrorsOf } from "@/lib/core/field-errors";
import { webhookInputSchema } from "@/lib/core/webhook-input";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { readJson } from "@/lib/server/api/read-json";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/webhooks";

export const POST = apiRoute("webhooks", async ({ request }) => {
  const parsed = webhookInputSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  return Response.json({ webhook: await createWebhook({ ...parsed.data, createdById: null }) }, { status: 201 });
});

export const GET = apiRoute("webhooks", async () => Response.json({ webhooks: await listWebhooks() }));

export const { PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST", "GET");
