import { describe, expect, test } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, labelledSummary } from "./field-errors";

describe("labelledSummary", () => {
  const schema = z.strictObject({
    occurredAt: z.iso.datetime({ error: "Give the date and time it happened." }),
    customFields: z.record(z.string(), z.string().max(3, "At most 3 characters.")),
    leadId: z.string().min(1, "Which lead is missing."),
  });
  const parsed = schema.safeParse({ occurredAt: "", customFields: { plan: "enterprise" }, leadId: "" });
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);

  test("names each field by the label the form shows, never by its path", () => {
    expect(errors).toHaveProperty("customFields.plan");
    const summary = labelledSummary(errors, { occurredAt: "When", customFields: "Custom fields" });
    expect(summary).toBe("When: Give the date and time it happened. Custom fields: At most 3 characters. Which lead is missing.");
    expect(summary).not.toMatch(/occurredAt|customFields|leadId/);
  });

  test("a label that is a question or ends in a colon is not given a second colon", () => {
    expect(labelledSummary({ scopes: "Choose at least one." }, { scopes: "What may it do?" })).toBe("What may it do? Choose at least one.");
  });
});
