import { apiRoute } from "@/lib/server/api/api-route";
import { getModel } from "@/lib/server/scoring/models";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const GET = apiRoute("scoring", async ({ params }) => Response.json({ model: await getModel(params.id) }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
