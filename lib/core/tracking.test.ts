import { describe, expect, test } from "vitest";
import { collectSchema, leadFieldsFromTraits, normalizeOrigin, originAllowed, visitProperties } from "./tracking";

describe("a visit's properties", () => {
  test("keep the page without its fragment, the referrer, the UTM parameters and the campaign", () => {
    expect(
      visitProperties({ url: "https://www.example.com/pricing?utm_source=news&utm_campaign=q4-launch&x=1#plans", referrer: "https://google.com/", properties: { title: "Pricing" } }),
    ).toEqual({
      title: "Pricing",
      url: "https://www.example.com/pricing?utm_source=news&utm_campaign=q4-launch&x=1",
      utm_source: "news",
      utm_campaign: "q4-launch",
      campaign: "q4-launch",
      referrer: "https://google.com/",
    });
  });

  test("a URL that doesn't parse is kept as sent", () => {
    expect(visitProperties({ url: "/relative/page" })).toEqual({ url: "/relative/page" });
  });
});

describe("traits as lead fields", () => {
  test("names in any case or spelling fill the lead's fields; others are left out", () => {
    expect(
      leadFieldsFromTraits({ Email: "ada@example.com", "First name": "Ada", last_name: "Lovelace", "company-name": "Engines", companySize: "250", message: "Call me", password: "x" }),
    ).toEqual({ email: "ada@example.com", firstName: "Ada", lastName: "Lovelace", company: "Engines", companySize: 250 });
  });

  test("empty values and sizes that are not whole numbers are skipped", () => {
    expect(leadFieldsFromTraits({ firstName: "", company_size: "lots", title: null })).toEqual({});
  });
});

describe("origins", () => {
  test("an origin is scheme, host and port", () => {
    expect(normalizeOrigin(" https://www.example.com/path ")).toBe("https://www.example.com");
    expect(normalizeOrigin("http://localhost:8080")).toBe("http://localhost:8080");
    expect(normalizeOrigin("ftp://example.com")).toBeNull();
    expect(normalizeOrigin("example.com")).toBeNull();
  });

  test("a key answers its listed origins, the app's own for self, and requests that send none", () => {
    const app = "https://leads.example.com";
    expect(originAllowed(["https://www.example.com"], "https://www.example.com", app)).toBe(true);
    expect(originAllowed(["https://www.example.com"], "https://evil.example", app)).toBe(false);
    expect(originAllowed(["self"], app, app)).toBe(true);
    expect(originAllowed(["self"], "https://www.example.com", app)).toBe(false);
    expect(originAllowed([], null, app)).toBe(true);
  });
});

describe("a collect message", () => {
  test("names each field it refuses", () => {
    const parsed = collectSchema.safeParse({ writeKey: "", anonymousId: "short", type: "click" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual(["writeKey", "anonymousId", "type"]);
  });
});

describe("a write key's sites as typed", () => {
  test("one origin a line, blank lines skipped, repeats dropped; self stands for the app", async () => {
    const { writeKeyInputSchema } = await import("./write-key-input");
    const parsed = writeKeyInputSchema.parse({ name: "Website", origins: "https://www.example.com\n\nhttps://www.example.com/\nhttp://localhost:8080\nself" });
    expect(parsed.origins).toEqual(["https://www.example.com", "http://localhost:8080", "self"]);
  });

  test("a path, a bare host or nothing at all is refused, naming the line", async () => {
    const { writeKeyInputSchema } = await import("./write-key-input");
    const refusal = (origins: string) => writeKeyInputSchema.safeParse({ name: "Website", origins }).error?.issues[0].message;
    expect(refusal("https://www.example.com\nhttps://www.example.com/blog")).toContain('Line 2 ("https://www.example.com/blog")');
    expect(refusal("www.example.com")).toContain("Line 1");
    expect(refusal("  \n ")).toContain("List the sites");
  });
});
