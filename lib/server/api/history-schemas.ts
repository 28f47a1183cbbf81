import "server-only";
import { z } from "zod";
import { MAX_HISTORY_RECORDS } from "@/lib/core/history/history-record";

/** Up to 1,000 records, each with its events, need more room than the 1 MB other endpoints accept. */
export const MAX_HISTORY_BODY_BYTES = 10 * 1024 * 1024;

// Records stay unknown here: each is checked on its own (checkHistoryRecord), so one bad record
// is reported by its index instead of refusing the whole batch.
export const historyBatchSchema = z.strictObject({
  records: z
    .array(z.unknown(), { error: "Send the records as a list." })
    .min(1, "Send at least one record.")
    .max(MAX_HISTORY_RECORDS, `Send at most ${MAX_HISTORY_RECORDS} records per request.`),
});
