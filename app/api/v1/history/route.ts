import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { MAX_HISTORY_BODY_BYTES, historyBatchSchema } from "@/lib/server/api/history-schemas";
import { readJson } from "@/lib/server/api/read-json";
import { importHistory } from "@/lib/server/ingest/import-history";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const POST = apiRoute("ingest", async ({ request }) => {
  const batch = historyBatchSchema.safeParse(await readJson(request, MAX_HISTORY_BODY_BYTES));
  if (!batch.success) throw validationError(fieldErrorsOf(batch.error));
  const results = await importHistory(batch.data.records);
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return Response.json({ results, summary: { created: count("created"), updated: count("updated"), failed: count("error") } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST");
