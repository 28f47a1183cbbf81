import { apiRoute } from "@/lib/server/api/api-route";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { replayDelivery } from "@/lib/server/webhooks/webhooks";

export const POST = apiRoute("webhooks", async ({ params }) => Response.json({ delivery: await replayDelivery(params.id, params.deliveryId ?? "") }, { status: 202 }));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST");
