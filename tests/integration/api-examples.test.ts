import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { eventInputSchema } from "@/lib/core/events";
import { checkHistoryRecord } from "@/lib/core/history/history-record";
import { leadInputSchema } from "@/lib/core/lead-input";
import { parseScoringRules } from "@/lib/core/scoring/rules-schema";
import { historyBatchSchema } from "@/lib/server/api/history-schemas";
import { dashboardMetricsSchema } from "@/lib/server/api/openapi";
import { eventBatchSchema, leadEventsQuerySchema, leadListQuerySchema } from "@/lib/server/api/schemas";
import { backtestRequestSchema, modelRequestSchema, ruleSetRequestSchema, suggestionRequestSchema } from "@/lib/server/api/scoring-schemas";
import { backtestSchema, historyResultSchema, jobSchema, leadPredictionSchema, modelSchema, suggestionSchema } from "@/lib/server/api/scoring-responses";
import { createdWebhookSchema, deliverySchema, webhookSchema } from "@/lib/server/api/openapi-webhooks";
import { webhookDeliveriesQuerySchema, webhookInputSchema } from "@/lib/core/webhook-input";
import { collectSchema } from "@/lib/core/tracking";
import { dashboardFiltersFromQuery } from "@/lib/server/metrics/metrics";
import { call } from "../support/api";
import type { OpenApiDocument } from "../support/openapi";
import { shapeProblems } from "../support/openapi";

type Parameter = { name: string; in: string; required?: boolean; example?: string };
type Json = { schema: Parameters<typeof shapeProblems>[1]; example?: unknown };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, Json> }; responses: Record<string, { content?: Record<string, Json> }> };
type Body = Record<string, unknown>;

let document: OpenApiDocument & { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  document = (await call(getOpenApi, { path: "/openapi.json" })).body;
});

const operations = () => Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })));

/** Problems zod finds, one line each; empty when the value passes. */
function zodProblems(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const rulesProblems = (rules: unknown) => {
  const parsed = parseScoringRules(rules);
  return parsed.ok ? [] : parsed.errors.map((error) => `rules.${error.path}: ${error.message}`);
};

/** Each endpoint's own request checks, as its route runs them (bodies, query parameters). */
const REQUEST_CHECKS: Record<string, (body: Body | undefined, query: URLSearchParams) => string[]> = {
  "POST /leads": (body) => zodProblems(leadInputSchema, body),
  "GET /leads": (_, query) => zodProblems(leadListQuerySchema, Object.fromEntries(query)),
  "GET /leads/{id}": () => [],
  "GET /leads/{id}/events": (_, query) => zodProblems(leadEventsQuerySchema, Object.fromEntries(query)),
  "POST /events": (body) =>
    body && "events" in body ? [...zodProblems(eventBatchSchema, body), ...(body.events as unknown[]).flatMap((event) => zodProblems(eventInputSchema, event))] : zodProblems(eventInputSchema, body),
  "GET /metrics/funnel": (_, query) => {
    const filters = dashboardFiltersFromQuery(query);
    return filters.success ? [] : filters.error.issues.map((issue) => issue.message);
  },
  "POST /history": (body) => [
    ...zodProblems(historyBatchSchema, body),
    ...((body?.records ?? []) as unknown[]).flatMap((record) => {
      const checked = checkHistoryRecord(record, Date.now());
      return checked.ok ? [] : checked.errors.map((error) => `${error.field}: ${error.message}`);
    }),
  ],
  "POST /scoring/backtest": (body) => [...zodProblems(backtestRequestSchema, body), ...(body?.rules === undefined ? [] : rulesProblems(body.rules))],
  "POST /scoring/suggestions": (body) => zodProblems(suggestionRequestSchema, body),
  "POST /scoring/rule-sets": (body) => [...zodProblems(ruleSetRequestSchema, body), ...rulesProblems(body?.rules)],
  "POST /scoring/models": (body) => zodProblems(modelRequestSchema, body),
  "GET /scoring/models": () => [],
  "GET /scoring/models/{id}": () => [],
  "POST /scoring/models/{id}/activate": () => [],
  "GET /jobs/{id}": () => [],
  "POST /webhooks": (body) => zodProblems(webhookInputSchema, body),
  "POST /collect": (body) => zodProblems(collectSchema, body),
  "GET /webhooks": () => [],
  "GET /webhooks/{id}": () => [],
  "DELETE /webhooks/{id}": () => [],
  "GET /webhooks/{id}/deliveries": (_, query) => zodProblems(webhookDeliveriesQuerySchema, Object.fromEntries(query)),
  "POST /webhooks/{id}/deliveries/{deliveryId}/replay": () => [],
};

const leadScore = (lead: Body) => {
  const { probability, modelVersion, factors } = lead.score as Body;
  return zodProblems(leadPredictionSchema, { probability, modelVersion, factors });
};

/** The zod schemas the answers are built and checked against, where the code has them. */
const RESPONSE_CHECKS: Record<string, (body: Body) => string[]> = {
  "POST /leads": (body) => leadScore(body.lead as Body),
  "GET /leads": (body) => (body.leads as Body[]).flatMap(leadScore),
  "GET /leads/{id}": (body) => leadScore(body.lead as Body),
  // Its answer has no zod schema; the check against the description covers it.
  "GET /leads/{id}/events": () => [],
  // Its answer has no zod schema; the check against the description covers it.
  "POST /events": () => [],
  "GET /metrics/funnel": (body) => zodProblems(dashboardMetricsSchema, body),
  "POST /history": (body) => (body.results as unknown[]).flatMap((result) => zodProblems(historyResultSchema, result)),
  "POST /scoring/backtest": (body) => zodProblems(backtestSchema, body.backtest),
  "POST /scoring/suggestions": (body) => zodProblems(suggestionSchema, body),
  "POST /scoring/rule-sets": (body) => (body.job === null ? [] : zodProblems(jobSchema, body.job)),
  "POST /scoring/models": (body) => [...zodProblems(modelSchema, body.model), ...zodProblems(jobSchema, body.job)],
  "GET /scoring/models": (body) => (body.models as unknown[]).flatMap((model) => zodProblems(modelSchema, model)),
  "GET /scoring/models/{id}": (body) => zodProblems(modelSchema, body.model),
  "POST /scoring/models/{id}/activate": (body) => [...zodProblems(modelSchema, body.model), ...zodProblems(jobSchema, body.job)],
  "GET /jobs/{id}": (body) => zodProblems(jobSchema, body.job),
  "POST /webhooks": (body) => zodProblems(createdWebhookSchema, body.webhook),
  // Its answer has no zod schema; the check against the description covers it.
  "POST /collect": () => [],
  "GET /webhooks": (body) => (body.webhooks as unknown[]).flatMap((webhook) => zodProblems(webhookSchema, webhook)),
  "GET /webhooks/{id}": (body) => zodProblems(webhookSchema, body.webhook),
  // Its answer has no zod schema; the check against the description covers it.
  "DELETE /webhooks/{id}": () => [],
  "GET /webhooks/{id}/deliveries": (body) => (body.deliveries as unknown[]).flatMap((delivery) => zodProblems(deliverySchema, delivery)),
  "POST /webhooks/{id}/deliveries/{deliveryId}/replay": (body) => zodProblems(deliverySchema, body.delivery),
};

describe("the examples in the OpenAPI description", () => {
  test("every operation has a request example where it takes a body or parameters, and a success answer example", () => {
    expect(operations().length).toBeGreaterThanOrEqual(14);
    for (const { name, operation } of operations()) {
      const parameters = operation.parameters ?? [];
      for (const parameter of parameters.filter((candidate) => candidate.required)) expect(parameter.example, `${name}: example for the ${parameter.in} parameter ${parameter.name}`).toBeDefined();
      if (parameters.length > 0) expect(parameters.some((parameter) => parameter.example !== undefined), `${name}: an example parameter`).toBe(true);
      if (operation.requestBody) expect(operation.requestBody.content["application/json"].example, `${name}: request body example`).toBeDefined();
      const answered = Object.entries(operation.responses).filter(([status, response]) => status.startsWith("2") && response.content?.["application/json"]?.example !== undefined);
      expect(answered.length, `${name}: a success answer with an example`).toBeGreaterThan(0);
    }
  });

  test("each request example passes the endpoint's own checks", () => {
    for (const { name, operation } of operations()) {
      const check = REQUEST_CHECKS[name];
      expect(check, `${name} has request checks in this test`).toBeDefined();
      const query = new URLSearchParams();
      for (const parameter of operation.parameters ?? []) if (parameter.in === "query" && parameter.example !== undefined) query.set(parameter.name, parameter.example);
      expect(check(operation.requestBody?.content["application/json"].example as Body | undefined, query), name).toEqual([]);
    }
  });

  test("each answer example matches the documented schema and the zod schema the answer is built with", () => {
    for (const { name, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const json = response.content?.["application/json"];
        if (!json || json.example === undefined) continue;
        expect(shapeProblems(json.example, json.schema, document), `${name} ${status} example against the description`).toEqual([]);
        expect(RESPONSE_CHECKS[name], `${name} has answer checks in this test`).toBeDefined();
        expect(RESPONSE_CHECKS[name](json.example as Body), `${name} ${status} example against zod`).toEqual([]);
      }
    }
  });
});
