import { beforeAll, describe, expect, test } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { API_ANSWER_BY_CODE, ApiError, apiErrorBody, errorResponse } from "@/lib/server/api/api-error";
import type { ErrorCode } from "@/lib/server/errors";
import { AppError, ERROR_CODES } from "@/lib/server/errors";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { call, createKey } from "../support/api";
import { createLead } from "../support/factories";

// The statuses and codes README's API section promises for each kind of failure.
const DOCUMENTED: Record<ErrorCode, [number, string]> = {
  UNAUTHENTICATED: [401, "unauthorized"],
  FORBIDDEN: [403, "forbidden"],
  NOT_FOUND: [404, "not_found"],
  VALIDATION: [400, "validation_failed"],
  CONFLICT: [409, "conflict"],
  INTERNAL: [500, "internal"],
};

const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

describe("an AppError as the API answers it", () => {
  test.each(ERROR_CODES)("%s answers with its documented status and code", async (code) => {
    const [status, documented] = DOCUMENTED[code];
    expect(API_ANSWER_BY_CODE[code]).toEqual({ status, code: documented });
    expect(await answer(errorResponse(new AppError(code, "Because.")))).toEqual({ status, body: { error: { code: documented, message: "Because." } } });
  });

  test("field errors are the answer's details; what else the error carries for the app stays on the server", async () => {
    const invalid = new AppError("VALIDATION", "The lead can't be stored.", { email: "Not an e-mail address." });
    expect(await answer(errorResponse(invalid))).toEqual({
      status: 400,
      body: { error: { code: "validation_failed", message: "The lead can't be stored.", details: { email: "Not an e-mail address." } } },
    });
    expect(apiErrorBody(new AppError("CONFLICT", "Still re-scoring.", undefined, { jobId: "job-1" }))).toEqual({ code: "conflict", message: "Still re-scoring." });
  });

  test("a failure only HTTP has keeps its status, code, details and headers", async () => {
    const limited = new ApiError(429, "rate_limited", "Too many requests.", undefined, { "Retry-After": "3" });
    const response = errorResponse(limited);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await answer(response)).toEqual({ status: 429, body: { error: { code: "rate_limited", message: "Too many requests." } } });
    expect(apiErrorBody(new ApiError(400, "bad_json", "Not JSON.", { at: 3 }))).toEqual({ code: "bad_json", message: "Not JSON.", details: { at: 3 } });
  });
});

describe("an ingest refusal", () => {
  let key: string;
  let leadId: string;
  const future = () => new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString();
  const post = (body: unknown) => call(postEvents, { path: "/events", key, body });

  beforeAll(async () => {
    key = (await createKey()).key;
    leadId = (await createLead()).id;
  });

  test("carries an AppError code and the problem with each field", async () => {
    await ingestEvents([{ leadId, type: "page_view", idempotencyKey: "inside-1" }], { source: "api" });
    const results = await ingestEvents(
      [
        { leadId, type: "page_view", occurredAt: future() },
        { leadId: "no-such-lead", type: "page_view" },
        { leadId, type: "email_open", idempotencyKey: "inside-1" },
      ],
      { source: "api" },
    );
    expect(results.map((result) => (result.status === "error" ? result.error : result.status))).toEqual([
      { code: "VALIDATION", message: "The event is not valid.", details: { occurredAt: "Lies more than a day in the future." } },
      { code: "NOT_FOUND", message: 'No lead has the id "no-such-lead".', details: { leadId: "Unknown lead." } },
      { code: "CONFLICT", message: 'The idempotency key "inside-1" was already used for a different event.' },
    ]);
  });

  test("reaches a single event's answer with the documented status, code and details", async () => {
    await post({ leadId, type: "page_view", idempotencyKey: "single-1" });
    expect(await post({ leadId, type: "page_view", occurredAt: future() })).toMatchObject({
      status: 400,
      body: { error: { code: "validation_failed", message: "The event is not valid.", details: { occurredAt: "Lies more than a day in the future." } } },
    });
    expect(await post({ leadId: "no-such-lead", type: "page_view" })).toMatchObject({
      status: 404,
      body: { error: { code: "not_found", message: 'No lead has the id "no-such-lead".', details: { leadId: "Unknown lead." } } },
    });
    const clash = await post({ leadId, type: "email_open", idempotencyKey: "single-1" });
    expect(clash).toMatchObject({ status: 409 });
    expect(clash.body).toEqual({ error: { code: "conflict", message: 'The idempotency key "single-1" was already used for a different event.' } });
  });

  test("reaches a batch's results in the same shape, item by item", async () => {
    await post({ leadId, type: "page_view", idempotencyKey: "batch-1" });
    const response = await post({
      events: [
        { leadId, type: "page_view", occurredAt: future() },
        { leadId: "no-such-lead", type: "page_view" },
        { leadId, type: "email_open", idempotencyKey: "batch-1" },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      { index: 0, status: "error", error: { code: "validation_failed", message: "The event is not valid.", details: { occurredAt: "Lies more than a day in the future." } } },
      { index: 1, status: "error", error: { code: "not_found", message: 'No lead has the id "no-such-lead".', details: { leadId: "Unknown lead." } } },
      { index: 2, status: "error", error: { code: "conflict", message: 'The idempotency key "batch-1" was already used for a different event.' } },
    ]);
    expect(response.body.summary).toEqual({ created: 0, duplicates: 0, failed: 3 });
  });
});
