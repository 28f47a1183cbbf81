"use server";

import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/core/csv-import";
import { authorizedAction } from "../auth/authorized-action";
import { getImportJob, previewCsv, startCsvImport } from "./csv-import";

// The browser sends the file's text; its size is checked by the import itself, with a clear message.
const fileSchema = { text: z.string(), kind: z.enum(IMPORT_KINDS, { error: "Choose whether the file holds leads, events or history." }) };
const mappingSchema = z.array(z.string().max(120).nullable()).max(1_000);

export const previewCsvAction = authorizedAction({ schema: z.strictObject(fileSchema), permission: "import.run" }, async (input) => previewCsv(input));

export const startCsvImportAction = authorizedAction(
  { schema: z.strictObject({ ...fileSchema, mapping: mappingSchema }), permission: "import.run" },
  async (input, user) => ({ jobId: await startCsvImport({ ...input, userId: user.id }) }),
);

export const getImportJobAction = authorizedAction({ schema: z.strictObject({ jobId: z.string().min(1).max(100) }), permission: "import.run" }, (input, user) =>
  getImportJob(input.jobId, user),
);
