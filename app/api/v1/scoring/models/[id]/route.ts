import { apiRoute } from "@/lib/server/api/api-route";
import { getModel } from "@/lib/server/scoring/models";

export const GET = apiRoute("scoring", async ({ params }) => Response.json({ model: await getModel(params.id) }));
