import { apiRoute } from "@/lib/server/api/api-route";
import { findApiLeadWithHistory } from "@/lib/server/api/lead-resource";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { AppError } from "@/lib/server/errors";

export const GET = apiRoute("read", async ({ params }) => {
  const lead = await findApiLeadWithHistory(params.id);
  if (!lead) throw new AppError("NOT_FOUND", `No lead has the id "${params.id}".`);
  return Response.json({ lead });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
