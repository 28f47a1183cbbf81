import "server-only";
import { z } from "zod";
import { API_SCOPES } from "@/lib/core/api-scopes";
import { MAX_HISTORY_RECORDS, historyRecordSchema } from "@/lib/core/history/history-record";
import { DEFAULT_MATURITY_DAYS, TARGETS } from "@/lib/core/scoring-lab/outcomes";
import { scoringRulesSchema } from "@/lib/core/scoring/rules-schema";
import { MAX_HISTORY_BODY_BYTES, historyBatchSchema } from "./history-schemas";
import type { JsonSchema } from "./openapi-parts";
import { bodyErrors, errorResponse, json, jsonSchema, ref, scoped } from "./openapi-parts";
import { backtestRequestSchema, modelRequestSchema, ruleSetRequestSchema, suggestionRequestSchema } from "./scoring-schemas";
import { backtestSchema, historyResultSchema, jobSchema, leadPredictionSchema, modelSchema, suggestionSchema } from "./scoring-responses";

/*
 * The OpenAPI description of the history import, the scoring lab and background jobs, merged
 * into the document by openapi.ts.
 */

const body = (schema: JsonSchema) => ({ required: true, content: { "application/json": { schema } } });

/** A request schema whose free-form field the route checks with another schema, documented by reference to it. */
function withField(schema: JsonSchema, field: string, property: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  return { ...schema, properties: { ...properties, [field]: { ...properties[field], ...property } } };
}

const rules = { ...ref("ScoringRules"), description: "A whole rule set: fit, engagement and disqualifying rules with the threshold, as the scoring settings page saves it." };
const idParameter = (what: string) => ({ name: "id", in: "path", required: true, description: `The ${what}'s id.`, schema: { type: "string" } });
const rulesErrors = {
  ...bodyErrors(),
  "400": errorResponse("Bad JSON, or validation failed: `details` maps each field path to its problem; for the rules, the setting it concerns (e.g. `engagement.0.eventType`)."),
};
const labMeaning = `Leads count by their outcome for the target (${TARGETS.join(" or ")}; by default the scoring lab's setting): reached it, or lost, disqualified or still open after the maturity window (by default the lab's setting, ${DEFAULT_MATURITY_DAYS} days to start with). Younger open leads are pending and left out.`;

export const scoringLabPaths = {
  "/history": {
    post: scoped("ingest", {
      summary: `Import past leads with their events and stage history, up to ${MAX_HISTORY_RECORDS} records`,
      description:
        "Each record is a lead with its creation date, its dated events and the date it entered each stage it reached (MQL, SAL, SQL, WON, in order; LOST after any). A record is stored whole or not at all: each answers in `results`, created or updated, or with the fields to fix. The past fires nothing: no routing, no automatic moves, no SLA clock. Leads match by e-mail, events and stage entries by content, so sending the same records again stores nothing new. Leads with an outcome, imported or live, are what backtests, suggestions and models learn from.",
      requestBody: body(withField(jsonSchema(historyBatchSchema), "records", { items: ref("HistoryRecord") })),
      responses: {
        "200": json("Every record answered by its index.", {
          type: "object",
          properties: { results: { type: "array", items: ref("HistoryResult") }, summary: { type: "object", properties: { created: { type: "integer" }, updated: { type: "integer" }, failed: { type: "integer" } } } },
        }),
        ...bodyErrors(MAX_HISTORY_BODY_BYTES),
      },
    }),
  },
  "/scoring/backtest": {
    post: scoped("scoring", {
      summary: "Backtest a rule set on the history",
      description: `Scores every lead with an outcome as it stood just before that outcome (nothing after it counts) and reports how well the total ranked the outcomes: AUC, lift by decile, rates per score band, and what the MQL threshold let through. Send draft \`rules\`, or a saved \`version\`, or neither for the active rules. ${labMeaning}`,
      requestBody: body(withField(jsonSchema(backtestRequestSchema), "rules", rules)),
      responses: {
        "200": json("The report.", { type: "object", properties: { backtest: ref("Backtest") } }),
        "404": errorResponse("The rule set `version` doesn't exist."),
        ...rulesErrors,
      },
    }),
  },
  "/scoring/suggestions": {
    post: scoped("scoring", {
      summary: "Suggest rule points learned from the history",
      description: `Learns points from the older four fifths of the history and judges them, next to the active rules, on the newest fifth they were not learned from. The suggested rule set can be posted to \`/scoring/rule-sets\` unchanged. ${labMeaning}`,
      requestBody: body(jsonSchema(suggestionRequestSchema)),
      responses: {
        "200": json("The suggestion with its evidence.", ref("Suggestion")),
        ...bodyErrors(),
        "400": errorResponse("Bad JSON, validation failed (`details` names the field), or there isn't enough history with outcomes to learn from yet."),
      },
    }),
  },
  "/scoring/rule-sets": {
    post: scoped("scoring", {
      summary: "Save a rule set as a new version, optionally activating it",
      description: "Saved versions appear in the scoring settings' history. With `activate: true` the version becomes the active one and every lead is re-scored as a background job (see `/jobs/{id}`).",
      requestBody: body(withField(jsonSchema(ruleSetRequestSchema), "rules", rules)),
      responses: {
        "201": json("Saved; `job` is the re-score when activated, else null.", {
          type: "object",
          properties: { ruleSet: { type: "object", properties: { version: { type: "integer" }, active: { type: "boolean" } } }, job: { anyOf: [ref("Job"), { type: "null" }] } },
        }),
        "409": errorResponse("Leads are still being re-scored with the last activated rules; activate again when that job is done."),
        ...rulesErrors,
      },
    }),
  },
  "/scoring/models": {
    post: scoped("scoring", {
      summary: "Train a predictive model on the history",
      description: `Trains a calibrated model of the chance to reach the target as a background job: the model exists at once with status \`training\`; poll \`job\` (or the model) until it is \`ready\` or \`failed\`. It is judged on the latest outcomes, which it does not learn from. ${labMeaning}`,
      requestBody: body(jsonSchema(modelRequestSchema)),
      responses: {
        "202": json("Training started.", { type: "object", properties: { model: ref("Model"), job: ref("Job") } }),
        "409": errorResponse("A model is being trained already."),
        ...bodyErrors(),
      },
    }),
    get: scoped("scoring", {
      summary: "List the models, newest first",
      responses: { "200": json("The models.", { type: "object", properties: { models: { type: "array", items: ref("Model") } } }) },
    }),
  },
  "/scoring/models/{id}": {
    get: scoped("scoring", {
      summary: "One model with its evaluation",
      parameters: [idParameter("model")],
      responses: { "200": json("The model.", { type: "object", properties: { model: ref("Model") } }), "404": errorResponse("No such model.") },
    }),
  },
  "/scoring/models/{id}/activate": {
    post: scoped("scoring", {
      summary: "Score leads with this model",
      description: "The model replaces the active one, and every lead is re-scored with it as a background job: each lead's `score.probability` and `score.factors` then come from this model. No body.",
      parameters: [idParameter("model")],
      responses: {
        "200": json("Activated; `job` is the re-score.", { type: "object", properties: { model: ref("Model"), job: ref("Job") } }),
        "404": errorResponse("No such model."),
        "409": errorResponse("The model isn't ready (still training, or failed), or leads are being re-scored right now."),
      },
    }),
  },
  "/jobs/{id}": {
    get: scoped(API_SCOPES, {
      summary: "A background job's status and progress",
      description: "Re-scores, model training and CSV imports run as jobs. Poll until `status` is `succeeded` or `failed`.",
      parameters: [idParameter("job")],
      responses: { "200": json("The job.", { type: "object", properties: { job: ref("Job") } }), "404": errorResponse("No such job.") },
    }),
  },
};

const responses = z.registry<{ id: string }>();
responses.add(backtestSchema, { id: "Backtest" });
responses.add(suggestionSchema, { id: "Suggestion" });
responses.add(modelSchema, { id: "Model" });
responses.add(jobSchema, { id: "Job" });
responses.add(historyResultSchema, { id: "HistoryResult" });
responses.add(scoringRulesSchema, { id: "ScoringRules" });

/** The components the paths above refer to; answers from the zod schemas in scoring-responses.ts. */
export function scoringLabSchemas(): Record<string, JsonSchema> {
  const generated = z.toJSONSchema(responses, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }).schemas;
  // Each comes out as a standalone document; inside the OpenAPI description it is a component.
  const components = Object.fromEntries(Object.entries(generated).map(([id, { $id: _id, $schema: _schema, ...schema }]) => [id, schema as JsonSchema]));
  return { ...components, HistoryRecord: jsonSchema(historyRecordSchema) };
}

/** The lead's `score` fields that come from the active model. */
export const leadPredictionProperties = z.toJSONSchema(leadPredictionSchema).properties as Record<string, JsonSchema>;
