import { describe, expect, test } from "vitest";
import { authOptions } from "@/lib/server/auth/auth";

const baseUrl = "http://localhost:3100";

async function redirect(url: string): Promise<string> {
  const callback = authOptions().callbacks?.redirect;
  if (!callback) throw new Error("next-auth has no redirect callback");
  return await callback({ url, baseUrl });
}

describe("next-auth's redirect callback", () => {
  test.each([
    ["/board?owner=unassigned", `${baseUrl}/board?owner=unassigned`],
    [`${baseUrl}/leads/abc#notes`, `${baseUrl}/leads/abc#notes`],
  ])("keeps %s on this origin", async (url, expected) => {
    expect(await redirect(url)).toBe(expected);
  });

  test.each([
    "/\\evil.example",
    `${baseUrl}/\\evil.example`,
    "//evil.example",
    "/%5Cevil.example",
    `${baseUrl}/%2F/evil.example`,
    "/\t/evil.example",
    "https://evil.example/",
    `${baseUrl}.evil.example/`,
    `${baseUrl}@evil.example/`,
    "javascript:alert(1)",
  ])("sends %j to the home page instead", async (url) => {
    expect(await redirect(url)).toBe(baseUrl);
  });
});
