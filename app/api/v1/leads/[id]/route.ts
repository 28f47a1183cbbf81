import { ApiError } from "@/lib/server/api/api-error";
import { apiRoute } from "@/lib/server/api/api-route";
import { findApiLeadWithHistory } from "@/lib/server/api/lead-resource";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const GET = apiRoute("read", async ({ params }) => {
  const lead = await findApiLeadWithHistory(params.id);
  if (!lead) throw new ApiError(404, "not_found", `No lead has the id "${params.id}".`);
  return Response.json({ lead });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
