import path from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postHistory } from "@/app/api/v1/history/route";
import { GET as getJob } from "@/app/api/v1/jobs/[id]/route";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { GET as listLeads, POST as postLead } from "@/app/api/v1/leads/route";
import { GET as getFunnel } from "@/app/api/v1/metrics/funnel/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as postBacktest } from "@/app/api/v1/scoring/backtest/route";
import { POST as activateModel } from "@/app/api/v1/scoring/models/[id]/activate/route";
import { GET as getModel } from "@/app/api/v1/scoring/models/[id]/route";
import { GET as listModels, POST as postModels } from "@/app/api/v1/scoring/models/route";
import { POST as postRuleSets } from "@/app/api/v1/scoring/rule-sets/route";
import { POST as postSuggestions } from "@/app/api/v1/scoring/suggestions/route";
import type { ApiScope } from "@/lib/core/api-scopes";
import { API_SCOPES } from "@/lib/core/api-scopes";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { call, createKey } from "../support/api";
import { createDisqualificationReasons, createUser } from "../support/factories";
import { plantedHistory } from "../support/history";
import type { OpenApiDocument } from "../support/openapi";
import { answerSchema, shapeProblems } from "../support/openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

let key: string;
let document: OpenApiDocument & { paths: Record<string, Record<string, { security: Array<{ apiKey: ApiScope[] }> }>> };

beforeAll(async () => {
  key = (await createKey()).key;
  await createDisqualificationReasons();
  document = (await call(getOpenApi, { path: "/openapi.json" })).body;
});

afterEach(() => resetRateLimits());

/** The answer, held against what the description documents for that operation and status. */
function expectDocumented(operation: string, answer: { status: number; body: unknown }) {
  expect(shapeProblems(answer.body, answerSchema(document, operation, answer.status), document), `${operation} answered ${answer.status}`).toEqual([]);
}

async function finishedJob(id: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const answer = await call(getJob, { path: `/jobs/${id}`, key, params: { id } });
    if (answer.body.job.status === "succeeded" || answer.body.job.status === "failed") return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Job ${id} did not finish`);
}

describe("the scopes in the OpenAPI description", () => {
  test("each endpoint lets through exactly the keys with a scope it documents; the others get its 403", async () => {
    const admin = await createUser("ADMIN");
    const keys = Object.fromEntries(await Promise.all(API_SCOPES.map(async (scope) => [scope, (await createApiKey({ name: `only ${scope}`, createdById: admin.id, scopes: [scope] })).key]))) as Record<ApiScope, string>;
    const operations = Object.entries(document.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, operation]) => ({ route, method: method.toUpperCase(), operation })));
    expect(operations.length).toBeGreaterThanOrEqual(14);
    // The collector alone is public: it takes a write key in its body (tests/integration/collect.test.ts).
    expect(operations.filter(({ operation }) => operation.security.length === 0).map(({ route, method }) => `${method} ${route}`)).toEqual(["POST /collect"]);
    for (const { route, method, operation } of operations.filter((candidate) => candidate.operation.security.length > 0)) {
      const needed = operation.security.flatMap((requirement) => requirement.apiKey);
      expect(needed.length, `${method} ${route} names its scope`).toBeGreaterThan(0);
      const handler = (await import(path.join(API_DIR, route.replace(/\{(\w+)\}/g, "[$1]"), "route.ts")))[method];
      for (const scope of API_SCOPES) {
        // A body no endpoint accepts and an id that doesn't exist: past the scope check, nothing is written.
        const answer = await call(handler, { path: route.replace("{id}", "nope"), method, key: keys[scope], params: { id: "nope" }, body: method === "POST" ? { unknownField: true } : undefined });
        if (needed.includes(scope)) expect(answer.status, `${method} ${route} with a "${scope}" key`).not.toBe(403);
        else {
          expect(answer.status, `${method} ${route} with a "${scope}" key`).toBe(403);
          expect(answer.body.error.message).toContain(`"${needed[0]}"`);
          expectDocumented(`${method} ${route}`, answer);
        }
      }
    }
  });
});

describe("real answers match the documented schemas", () => {
  test("the checker finds an undocumented key, a missing one and a wrong type", async () => {
    const answer = await call(getJob, { path: "/jobs/nope", key, params: { id: "nope" } });
    expectDocumented("GET /jobs/{id}", answer);
    const schema = answerSchema(document, "GET /jobs/{id}", 404);
    expect(shapeProblems({ error: { ...answer.body.error, extra: 1 } }, schema, document)).toEqual(["$.error.extra: not documented"]);
    expect(shapeProblems({ error: { code: "not_found" } }, schema, document)).toEqual(["$.error.message: documented as required, but missing"]);
    expect(shapeProblems({ error: { code: 404, message: "x" } }, schema, document)).toEqual(["$.error.code: 404 is not string"]);
  });

  test("history, backtest, suggestions, rule sets, models, jobs and leads with a probability", async () => {
    const history = plantedHistory(400, { prefix: "documented" });
    const imported = await call(postHistory, { path: "/history", key, body: { records: [...history.records, { lead: { email: "broken@history.example" }, stages: [] }] } });
    expect(imported.body.summary).toMatchObject({ created: 400, failed: 1 });
    expectDocumented("POST /history", imported);

    const backtest = await call(postBacktest, { path: "/scoring/backtest", key, body: { target: "WON" } });
    expect(backtest.body.backtest.deciles.length).toBeGreaterThan(0);
    expectDocumented("POST /scoring/backtest", backtest);

    const suggestion = await call(postSuggestions, { path: "/scoring/suggestions", key, body: {} });
    expect(suggestion.status).toBe(200);
    expectDocumented("POST /scoring/suggestions", suggestion);

    const draft = await call(postRuleSets, { path: "/scoring/rule-sets", key, body: suggestion.body.ruleSet });
    expect(draft.body.job).toBeNull();
    expectDocumented("POST /scoring/rule-sets", draft);
    const activated = await call(postRuleSets, { path: "/scoring/rule-sets", key, body: { ...suggestion.body.ruleSet, activate: true } });
    expectDocumented("POST /scoring/rule-sets", activated);
    const rescore = await finishedJob(activated.body.job.id);
    expect(rescore.body.job.status).toBe("succeeded");
    expectDocumented("GET /jobs/{id}", rescore);

    const training = await call(postModels, { path: "/scoring/models", key, body: { target: "WON" } });
    expect(training.status).toBe(202);
    expectDocumented("POST /scoring/models", training);
    expect((await finishedJob(training.body.job.id)).body.job.status).toBe("succeeded");
    const { id } = training.body.model;
    const model = await call(getModel, { path: `/scoring/models/${id}`, key, params: { id } });
    expect(model.body.model).toMatchObject({ status: "ready", evaluation: expect.any(Object), strongest: expect.any(Object) });
    expectDocumented("GET /scoring/models/{id}", model);
    expectDocumented("GET /scoring/models", await call(listModels, { path: "/scoring/models", key }));

    const activation = await call(activateModel, { path: `/scoring/models/${id}/activate`, key, method: "POST", params: { id } });
    expectDocumented("POST /scoring/models/{id}/activate", activation);
    expect((await finishedJob(activation.body.job.id)).body.job.status).toBe("succeeded");

    const created = await call(postLead, { path: "/leads", key, body: { email: "scored@documented.example", industry: "Software", source: "referral" } });
    expect(created.body.lead.score).toMatchObject({ probability: expect.any(Number), modelVersion: model.body.model.version });
    expectDocumented("POST /leads", created);
    const event = await call(postEvents, { path: "/events", key, body: { leadId: created.body.lead.id, type: "demo_request" } });
    expectDocumented("POST /events", event);
    expectDocumented("POST /events", await call(postEvents, { path: "/events", key, body: { events: [{ leadId: created.body.lead.id, type: "page_view" }, { type: "page_view" }] } }));
    const read = await call(getLead, { path: `/leads/${created.body.lead.id}`, key, params: { id: created.body.lead.id } });
    expect(read.body.lead.score.factors.raising.length).toBeGreaterThan(0);
    expectDocumented("GET /leads/{id}", read);
    expectDocumented("GET /leads", await call(listLeads, { path: "/leads?limit=5", key }));
    expectDocumented("GET /metrics/funnel", await call(getFunnel, { path: "/metrics/funnel", key }));
  }, 60_000);
});
