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

/** Field paths ("occurredAt", "customFields.plan") → the labels a form shows for them. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * The field errors in one sentence for the people who filled in the form: each message after
 * the field's label (or the label of the field it belongs to, for "customFields.plan"), and
 * never a field path, which means nothing to them. The API's answers keep the paths.
 */
export function labelledSummary(errors: Readonly<Record<string, string>>, labels: FieldLabels = {}): string {
  return Object.entries(errors)
    .map(([path, message]) => {
      const label = labels[path] ?? labels[path.split(".")[0]];
      if (!label) return message;
      return /[?:]$/.test(label) ? `${label} ${message}` : `${label}: ${message}`;
    })
    .join(" ");
}
