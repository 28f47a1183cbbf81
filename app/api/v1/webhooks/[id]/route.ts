import { apiRoute } from "@/lib/server/api/api-route";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { deleteWebhook, getWebhook } from "@/lib/server/webhooks/webhooks";

export const GET = apiRoute("webhooks", async ({ params }) => Response.json({ webhook: await getWebhook(params.id) }));

export const DELETE = apiRoute("webhooks", async ({ params }) => {
  await deleteWebhook(params.id);
  return Response.json({ deleted: { id: params.id } });
});

export const { POST, PUT, PATCH, OPTIONS } = unsupportedMethods("GET", "DELETE");
