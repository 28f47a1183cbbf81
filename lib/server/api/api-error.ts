import "server-only";
import type { ErrorCode } from "../errors";
import { AppError } from "../errors";

/** The error codes the API documents (README's API section, the OpenAPI description). */
export type ApiErrorCode =
  | "bad_json"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "overloaded"
  | "internal";

/**
 * The status and documented code the API answers each AppError with: the one place the server's
 * error codes become the API's. Handlers and the services they call throw AppErrors.
 */
export const API_ANSWER_BY_CODE: Readonly<Record<ErrorCode, { status: number; code: ApiErrorCode }>> = {
  UNAUTHENTICATED: { status: 401, code: "unauthorized" },
  FORBIDDEN: { status: 403, code: "forbidden" },
  NOT_FOUND: { status: 404, code: "not_found" },
  VALIDATION: { status: 400, code: "validation_failed" },
  CONFLICT: { status: 409, code: "conflict" },
  INTERNAL: { status: 500, code: "internal" },
};

/**
 * A failure only HTTP has, and so no AppError code: a body that isn't JSON or is too large, a
 * method the endpoint doesn't take, a rate limit, load. The API answers it with its status, code
 * and headers as given.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What the API says about a failure, as `error` of its answer or of one item of a batch. */
export type ApiErrorBody = { code: ApiErrorCode; message: string; details?: unknown };

// An AppError's field errors are the API's `details`, which maps each field path to its problem.
function asApiError(error: ApiError | AppError): ApiError {
  if (error instanceof ApiError) return error;
  const { status, code } = API_ANSWER_BY_CODE[error.code];
  return new ApiError(status, code, error.message, error.fieldErrors);
}

export function apiErrorBody(error: ApiError | AppError): ApiErrorBody {
  const { code, message, details } = asApiError(error);
  return details === undefined ? { code, message } : { code, message, details };
}

/** The answer `{ "error": { "code", "message", "details"? } }` with the error's status (and headers). */
export function errorResponse(error: ApiError | AppError): Response {
  const answer = asApiError(error);
  return Response.json({ error: apiErrorBody(answer) }, { status: answer.status, headers: answer.headers });
}

/**
 * The answer to whatever a route handler threw: expected failures (AppError, ApiError) as they
 * are; anything else is logged with where it happened and answered with the generic `message`.
 */
export function failureResponse(error: unknown, where: string, message: string): Response {
  if (error instanceof ApiError || error instanceof AppError) return errorResponse(error);
  console.error(`Unexpected error in ${where}`, error);
  return errorResponse(new AppError("INTERNAL", message));
}
