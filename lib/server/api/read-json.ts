import "server-only";
import { ApiError } from "./api-error";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON body of at most 1 MB (or `maxBytes`), refusing other content types and broken JSON
 * clearly. `textPlain`: JSON sent as text/plain is taken too (navigator.sendBeacon sends that,
 * and browsers send it cross-origin without a preflight).
 */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES, options: { textPlain?: boolean } = {}): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  const accepted = /^application\/(.+\+)?json\s*(;|$)/i.test(contentType) || (options.textPlain === true && /^text\/plain\s*(;|$)/i.test(contentType));
  if (!accepted) {
    throw new ApiError(415, "unsupported_media_type", `Send JSON with "Content-Type: application/json" (got "${contentType || "none"}").`);
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  return parse(declared !== null ? await request.text() : await readLimited(request, maxBytes));
}

// A body sent without a length (chunked) is counted as it arrives, and cut off past the limit.
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, "bad_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(maxBytes: number) {
  const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
  const batches = maxBytes >= MAX_BODY_BYTES ? " Send at most 1,000 events or history records per request." : "";
  return new ApiError(413, "payload_too_large", `The body is larger than ${limit}.${batches}`);
}
