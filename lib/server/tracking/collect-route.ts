import "server-only";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import { MAX_COLLECT_BYTES, collectSchema } from "@/lib/core/tracking";
import { validationError } from "../api/api-route";
import { failureResponse } from "../api/api-error";
import { withinLoadBound } from "../api/load-shedding";
import { readJson } from "../api/read-json";
import { AppError } from "../errors";
import { collect, collectingKey, someKeyAllows } from "./collect";
import { corsHeaders, requestOrigin, throttleCollect } from "./collect-http";

/**
 * `POST /api/v1/collect`: one message from the tracking snippet, with a public write key instead
 * of an API key (collect.ts). The route answers with it, and so does the server's direct lane
 * (lib/server/http/direct-lane.ts), which serves it without Next.js's request handling.
 */
export async function collectMessage(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  let allowedOrigin: string | null = null;
  try {
    return await withinLoadBound(async () => {
      const parsed = collectSchema.safeParse(await readJson(request, MAX_COLLECT_BYTES, { textPlain: true }));
      if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
      const key = await collectingKey(parsed.data.writeKey, origin, requestOrigin(request));
      allowedOrigin = origin;
      await throttleCollect(key, request);
      await collect(parsed.data, key);
      return Response.json({ accepted: true }, { status: 202, headers: corsHeaders(allowedOrigin) });
    });
  } catch (error) {
    const answer = failureResponse(error, "the collector", "Something went wrong on our side; the message was not stored. Send it again.");
    for (const [name, value] of Object.entries(corsHeaders(allowedOrigin))) answer.headers.set(name, value);
    return answer;
  }
}

/** The CORS preflight: allowed for an origin some active write key lists, refused otherwise. */
export async function collectPreflight(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  if (origin && (await someKeyAllows(origin, requestOrigin(request)))) {
    return new Response(null, { status: 204, headers: { ...corsHeaders(origin), "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600" } });
  }
  return failureResponse(new AppError("FORBIDDEN", `No write key sends from ${origin ?? "a page without an origin"}. An admin lists the sites each key sends from.`), "the collector", "");
}
