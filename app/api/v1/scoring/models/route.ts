import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { apiJob } from "@/lib/server/api/job-resource";
import { readJson } from "@/lib/server/api/read-json";
import { modelRequestSchema } from "@/lib/server/api/scoring-schemas";
import { getJob } from "@/lib/server/jobs/background-jobs";
import { listModels, startModelTraining } from "@/lib/server/scoring/models";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const POST = apiRoute("scoring", async ({ request }) => {
  const parsed = modelRequestSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  const { model, jobId } = await startModelTraining({ target: parsed.data.target, userId: null });
  return Response.json({ model, job: apiJob(await getJob(jobId)) }, { status: 202 });
});

export const GET = apiRoute("scoring", async () => Response.json({ models: await listModels() }));

export const { PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST", "GET");
