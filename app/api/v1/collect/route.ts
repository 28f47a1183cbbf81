import { fieldErrorsOf } from "@/lib/core/field-errors";
import { MAX_COLLECT_BYTES, collectSchema } from "@/lib/core/tracking";
import { validationError } from "@/lib/server/api/api-route";
import { failureResponse } from "@/lib/server/api/api-error";
import { withinLoadBound } from "@/lib/server/api/load-shedding";
import { readJson } from "@/lib/server/api/read-json";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";
import { AppError } from "@/lib/server/errors";
import { collect, collectingKey, someKeyAllows } from "@/lib/server/tracking/collect";
import { corsHeaders, requestOrigin, throttleCollect } from "@/lib/server/tracking/collect-http";

/**
 * One message from the tracking snippet, with a public write key instead of an API key
 * (lib/server/tracking/collect.ts). The production server answers it in its direct lane (lib/server/http/direct-lane.ts).
 */
export async function POST(request: Request): Promise<Response> {
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
export async function OPTIONS(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  if (origin && (await someKeyAllows(origin, requestOrigin(request)))) {
    return new Response(null, { status: 204, headers: { ...corsHeaders(origin), "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600" } });
  }
  return failureResponse(new AppError("FORBIDDEN", `No write key sends from ${origin ?? "a page without an origin"}. An admin lists the sites each key sends from.`), "the collector", "");
}

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
