import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { readJson } from "@/lib/server/api/read-json";
import { suggestionRequestSchema } from "@/lib/server/api/scoring-schemas";
import { activeRuleSet } from "@/lib/server/scoring/lead-scoring";
import { suggestRuleSet } from "@/lib/server/scoring/lab";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export const POST = apiRoute("scoring", async ({ request }) => {
  const parsed = suggestionRequestSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  return Response.json(await suggestRuleSet({ active: (await activeRuleSet()).rules, ...parsed.data }));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST");
