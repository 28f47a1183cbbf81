import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { apiErrorBody } from "@/lib/server/api/api-error";
import { readJson } from "@/lib/server/api/read-json";
import { eventBatchSchema } from "@/lib/server/api/schemas";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import type { IngestResult } from "@/lib/server/ingest/ingest-events";
import { ingestEvents, refusalError } from "@/lib/server/ingest/ingest-events";
import { apiKeyScope } from "@/lib/server/ingest/event-key";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

// A refused item of a batch says why in the API's own error shape, as a single event's answer would.
const answerOf = (result: IngestResult) => (result.status === "error" ? { ...result, error: apiErrorBody(refusalError(result)) } : result);

export const POST = apiRoute("ingest", async ({ request, apiKey }) => {
  const body = await readJson(request);
  const options = { source: "api", idempotencyScope: apiKeyScope(apiKey.id) } as const;
  if (body && typeof body === "object" && !Array.isArray(body) && "events" in body) {
    const batch = eventBatchSchema.safeParse(body);
    if (!batch.success) throw validationError(fieldErrorsOf(batch.error));
    const results = await ingestEvents(batch.data.events, options);
    const count = (status: string) => results.filter((result) => result.status === status).length;
    return Response.json({ results: results.map(answerOf), summary: { created: count("created"), duplicates: count("duplicate"), failed: count("error") } });
  }

  const [result] = await ingestEvents([body], options);
  if (result.status === "error") throw refusalError(result);
  const { index: _index, ...event } = result;
  return Response.json({ event }, { status: result.status === "created" ? 201 : 200 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST");
