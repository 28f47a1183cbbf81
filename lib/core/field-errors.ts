import type { z } from "zod";

/** A zod error as one message per field path ("events.3.type"), the first message winning. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "input";
    errors[field] ??= issue.message;
  }
  return errors;
}
