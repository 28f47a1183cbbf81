import { fieldErrorsOf } from "@/lib/core/field-errors";
import { apiRoute, validationError } from "@/lib/server/api/api-route";
import { readJson } from "@/lib/server/api/read-json";
import { backtestRequestSchema } from "@/lib/server/api/scoring-schemas";
import { activeRuleSet, ruleSetVersion } from "@/lib/server/scoring/lead-scoring";
import { validateRules } from "@/lib/server/scoring/rule-sets";
import { backtest } from "@/lib/server/scoring/lab";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { AppError } from "@/lib/server/errors";

export const POST = apiRoute("scoring", async ({ request }) => {
  const parsed = backtestRequestSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  const { rules: draft, version, target, maturityDays } = parsed.data;
  const rules = draft !== undefined ? await validateRules(draft) : version !== undefined ? await ruleSetVersion(version) : (await activeRuleSet()).rules;
  if (!rules) throw new AppError("NOT_FOUND", `Version ${version} of the scoring rules doesn't exist.`);
  return Response.json({ backtest: await backtest({ rules, target, maturityDays }) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("POST");
