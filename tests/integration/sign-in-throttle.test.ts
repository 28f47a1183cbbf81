import { beforeAll, describe, expect, test, vi } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { THROTTLE_WINDOW_MS } from "@/lib/core/sign-in-throttle";
import { verifyPassword } from "@/lib/server/auth/password";
import { attemptSignIn } from "@/lib/server/auth/sign-in";
import { createUser } from "../support/factories";

vi.mock("@/lib/server/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/auth/password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const PASSWORD = "correct horse battery";
const start = new Date("2026-12-06T10:00:00Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
let user: { email: string };

beforeAll(async () => {
  user = await createUser("SALES");
});

async function fail(email: string, address: string, times: number, now = start) {
  for (let i = 0; i < times; i++) expect(await attemptSignIn({ email, address }, "wrong-password", now)).toEqual({ status: "refused" });
}

describe("sign-in throttling", () => {
  test("the 11th attempt for one e-mail is refused even with the right password, until the window ends", async () => {
    await fail(user.email, "10.0.0.1", 10);
    expect(await attemptSignIn({ email: user.email, address: "10.0.0.2" }, PASSWORD, minutes(1))).toEqual({ status: "throttled", retryAfterSeconds: 14 * 60 });
    expect(await attemptSignIn({ email: user.email, address: "10.0.0.2" }, PASSWORD, new Date(start.getTime() + THROTTLE_WINDOW_MS))).toMatchObject({ status: "signed-in" });
  });

  test("a success resets the account's count", async () => {
    const other = await createUser("SALES");
    await fail(other.email, "10.0.1.1", 9);
    expect(await attemptSignIn({ email: other.email, address: "10.0.1.1" }, PASSWORD, minutes(1))).toMatchObject({ status: "signed-in" });
    await fail(other.email, "10.0.1.1", 9, minutes(2));
    expect(await attemptSignIn({ email: other.email, address: "10.0.1.1" }, PASSWORD, minutes(3))).toMatchObject({ status: "signed-in" });
  });

  test("failures at the same moment each count: ten at once throttle the e-mail as ten in a row do", async () => {
    const target = await createUser("SALES");
    const attempts = Array.from({ length: 10 }, (_, i) => attemptSignIn({ email: target.email, address: `10.0.3.${i}` }, "wrong-password", start));
    expect(await Promise.all(attempts)).toEqual(Array(10).fill({ status: "refused" }));
    expect(await attemptSignIn({ email: target.email, address: "10.0.3.99" }, PASSWORD, minutes(1))).toEqual({ status: "throttled", retryAfterSeconds: 14 * 60 });
  });

  test("one address is refused after 50 failures, whichever e-mails it tried", async () => {
    for (let i = 0; i < 10; i++) await fail(`guess${i}@nowhere.example`, "10.0.2.1", 5);
    const someone = await createUser("SALES");
    expect(await attemptSignIn({ email: someone.email, address: "10.0.2.1" }, PASSWORD, minutes(5))).toEqual({ status: "throttled", retryAfterSeconds: 10 * 60 });
    expect(await attemptSignIn({ email: someone.email, address: "10.0.2.2" }, PASSWORD, minutes(5))).toMatchObject({ status: "signed-in" });
  });

  test("unknown e-mails are throttled too, and each refusal checks a password like a known one", async () => {
    vi.mocked(verifyPassword).mockClear();
    await fail("nobody@nowhere.example", "10.0.3.1", 10);
    expect(verifyPassword).toHaveBeenCalledTimes(10);
    expect(await attemptSignIn({ email: "nobody@nowhere.example", address: "10.0.3.2" }, "any", minutes(1))).toMatchObject({ status: "throttled" });
  });

  test("an inactive account costs a password check too", async () => {
    const inactive = await createUser("SALES", { active: false });
    vi.mocked(verifyPassword).mockClear();
    expect(await attemptSignIn({ email: inactive.email, address: "10.0.4.1" }, PASSWORD, start)).toEqual({ status: "refused" });
    expect(verifyPassword).toHaveBeenCalledTimes(1);
  });

  test("the sign-in endpoint answers a throttled e-mail with 429 and Retry-After", async () => {
    await fail("locked@nowhere.example", "10.0.5.1", 10, new Date());
    const request = new Request("http://localhost:3100/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.0.5.9" },
      body: new URLSearchParams({ email: "Locked@nowhere.example", password: "whatever", csrfToken: "x", json: "true" }),
    });
    const response = await POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(429);
    const wait = Number(response.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(new URL((await response.json()).url).searchParams.get("error")).toBe(`TooManyAttempts:${wait}`);
  });
});
