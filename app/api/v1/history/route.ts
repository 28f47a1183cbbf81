import { z } from "zod";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import { MAX_HISTORY_RECORDS } from "@/lib/core/history/history-record";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { readJson } from "@/lib/server/api/read-json";
import { importHistory } from "@/lib/server/history/import-history";

const MAX_HISTORY_BODY_BYTES = 10 * 1024 * 1024;

const historyBatchSchema = z.strictObject({
  records: z
    .array(z.unknown(), { error: "Send the records as a list." })
    .min(1, "Send at least one record.")
    .max(MAX_HISTORY_RECORDS, `Send at most ${MAX_HISTORY_RECORDS} records per request.`),
});

export const POST = apiRoute("ingest", async ({ request }) => {
  const batch = historyBatchSchema.safeParse(await readJson(request, MAX_HISTORY_BODY_BYTES));
  if (!batch.success) throw validationError(fieldErrorsOf(batch.error));
  const results = importHistory(batch.data.records);
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return Response.json({ results, summary: { created: count("created"), updated: count("updated"), failed: count("error") } });
});
