import { describe, expect, test } from "vitest";
import { customFieldsProblem, leadInputSchema } from "./lead-input";

const fields = (count: number, value: string | number = 1) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`field${index}`, value]));

describe("customFieldsProblem", () => {
  test("50 fields fit, 51 don't", () => {
    expect(customFieldsProblem(fields(50))).toBeNull();
    expect(customFieldsProblem(fields(51))).toBe("At most 50 custom fields per lead; this would make 51.");
  });

  test("16 KB of JSON fits, more doesn't, counting bytes rather than characters", () => {
    expect(customFieldsProblem({ a: "x".repeat(16 * 1024 - 8) })).toBeNull();
    expect(customFieldsProblem({ a: "x".repeat(16 * 1024 - 7) })).toBe("Custom fields may take at most 16 KB per lead as JSON; this would make 17 KB.");
    expect(customFieldsProblem({ a: "é".repeat(8 * 1024) })).toMatch(/at most 16 KB/);
  });

  test("the input schema applies the same caps to one request's fields", () => {
    const refused = leadInputSchema.safeParse({ email: "a@b.example", customFields: fields(20, "x".repeat(1_000)) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["customFields"], message: expect.stringContaining("16 KB") });
  });
});
