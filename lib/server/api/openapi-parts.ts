import "server-only";
import { z } from "zod";
import type { ApiScope } from "@/lib/core/api-scopes";
import { API_SCOPES, API_SCOPE_LABELS } from "@/lib/core/api-scopes";
import { MAX_BODY_BYTES } from "./read-json";

/** The pieces every part of the OpenAPI description (openapi.ts, openapi-scoring.ts) builds its operations from. */

export type JsonSchema = Record<string, unknown>;

// Request bodies come from the same zod schemas the routes validate with, so they can't drift.
export const jsonSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

export const bodyErrors = (maxBytes = MAX_BODY_BYTES) => ({
  "400": errorResponse("Bad JSON, or validation failed: `details` maps each field path to its problem."),
  "413": errorResponse(`The body is larger than ${megabytes(maxBytes)}.`),
  "415": errorResponse("The body is not sent as application/json."),
});

export const json = (description: string, schema: JsonSchema) => ({ description, content: { "application/json": { schema } } });

type Operation = { responses: Record<string, unknown> } & Record<string, unknown>;

/**
 * An operation that needs an API key with `scope` (or with any of several): the security
 * requirement names the scope (OpenAPI 3.1 lets a bearer scheme list roles), and the answers
 * every endpoint shares — 401, the 403 naming the scope, 429 — are added.
 */
export function scoped(scope: ApiScope | readonly ApiScope[], operation: Operation) {
  const scopes: readonly ApiScope[] = typeof scope === "string" ? [scope] : scope;
  const refusal =
    scopes.length === API_SCOPES.length
      ? "The key has no scopes at all."
      : `The key doesn't have the ${scopes.map((name) => `\`${name}\``).join(" or ")} scope (${scopes.map((name) => API_SCOPE_LABELS[name]).join("; or ")}).`;
  return {
    ...operation,
    security: scopes.map((name) => ({ apiKey: [name] })),
    responses: {
      ...operation.responses,
      "401": errorResponse("No API key, an unknown one, or a revoked one."),
      "403": errorResponse(`${refusal} An admin chooses a key's scopes when creating it.`),
      "429": { ...errorResponse("Too many requests for this key."), headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } },
      "503": {
        ...errorResponse("The server has as much work in flight as it takes (code `overloaded`); nothing was stored. Retry after the time given."),
        headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      },
    },
  };
}
