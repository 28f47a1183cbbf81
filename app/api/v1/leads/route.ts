import { leadInputSchema } from "@/lib/core/lead-input";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { findApiLead } from "@/lib/server/api/lead-resource";
import { listLeads } from "@/lib/server/api/list-leads";
import { readJson } from "@/lib/server/api/read-json";
import { leadListQuerySchema } from "@/lib/server/api/schemas";
import { upsertLead } from "@/lib/server/ingest/upsert-lead";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const POST = apiRoute("ingest", async ({ request }) => {
  const parsed = leadInputSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  const { leadId, created } = await upsertLead(parsed.data);
  return Response.json({ lead: await findApiLead(leadId), created }, { status: created ? 201 : 200 });
});

export const GET = apiRoute("read", async ({ request }) => {
  const query = leadListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(fieldErrorsOf(query.error));
  return Response.json(await listLeads(query.data));
});

export const { PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST", "GET");
