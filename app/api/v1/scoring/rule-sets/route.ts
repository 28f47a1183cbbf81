import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { apiJob } from "@/lib/server/api/job-resource";
import { readJson } from "@/lib/server/api/read-json";
import { ruleSetRequestSchema } from "@/lib/server/api/scoring-schemas";
import { getJob } from "@/lib/server/jobs/background-jobs";
import { saveRules } from "@/lib/server/scoring/save-rules";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const POST = apiRoute("scoring", async ({ request }) => {
  const parsed = ruleSetRequestSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  const saved = await saveRules({ rules: parsed.data.rules, note: parsed.data.note, userId: null, activate: parsed.data.activate ?? false });
  return Response.json(
    { ruleSet: { version: saved.version, active: saved.active }, job: saved.jobId ? apiJob(await getJob(saved.jobId)) : null },
    { status: 201 },
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST");
