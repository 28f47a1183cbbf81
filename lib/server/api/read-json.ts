import "server-only";
import { ApiError } from "./api-error";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body of at most 1 MB, refusing other content types and broken JSON clearly. */
export async function readJson(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new ApiError(415, "unsupported_media_type", `Send JSON with "Content-Type: application/json" (got "${contentType || "none"}").`);
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  return parse(declared !== null ? await request.text() : await readLimited(request));
}

// A body sent without a length (chunked) is counted as it arrives, and cut off past the limit.
async function readLimited(request: Request): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
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

function tooLarge() {
  return new ApiError(413, "payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB. Send at most 1,000 events per request.`);
}
