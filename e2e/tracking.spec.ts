import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, DEMO_WRITE_KEY, expectNoSeriousA11yViolations, openSignedIn } from "./support";

const headers = { authorization: `Bearer ${DEMO_API_KEY}` };

async function leadByEmail(page: Page, email: string) {
  const body = await (await page.request.get(`/api/v1/leads?email=${encodeURIComponent(email)}`, { headers })).json();
  return body.leads[0] ?? null;
}

test("a visitor browses the demo site anonymously, fills in the form, and becomes a lead with those page views", async ({ page }) => {
  await page.goto("/demo-site");
  await expect(page.getByRole("heading", { name: "Dashboards your whole company reads" })).toBeVisible();
  const anonymousId = page.getByTestId("anonymous-id");
  await expect(anonymousId).toHaveText(/^[a-f0-9]{32}$/);
  const id = await anonymousId.textContent();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Pricing" }).click();
  await expect(page.getByRole("heading", { name: "Pricing", level: 1 })).toBeVisible();
  await expect(page.getByTestId("anonymous-id")).toHaveText(id!);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Product" }).click();

  const email = `visitor.${Date.now()}@prospect.example`;
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Company").fill("Prospect Inc");
  await page.getByLabel("First name").fill("Vera");
  await page.getByLabel("What would you like to see?").fill("Not for Leadgate");
  await page.getByRole("button", { name: "Send" }).press("Enter");
  await expect(page.getByRole("status")).toContainText(`Our team will write to ${email}`);

  await expect.poll(() => leadByEmail(page, email), { timeout: 10_000 }).not.toBeNull();
  const lead = await leadByEmail(page, email);
  expect(lead).toMatchObject({ firstName: "Vera", company: "Prospect Inc", source: "website" });
  const events = (await (await page.request.get(`/api/v1/leads/${lead.id}/events`, { headers })).json()).events as Array<{ type: string; source: string; properties: Record<string, string> }>;
  expect(events.every((event) => event.source === "tracking")).toBe(true);
  const views = events.filter((event) => event.type === "page_view").map((event) => new URL(event.properties.url).pathname);
  expect(views.sort()).toEqual(["/demo-site", "/demo-site", "/demo-site/pricing"]);
  expect(events.find((event) => event.properties.url?.includes("/pricing"))?.properties).toMatchObject({ utm_campaign: "winter-launch", campaign: "winter-launch" });
  expect(events.filter((event) => event.type === "form_submit")).toHaveLength(1);
  expect(JSON.stringify(events)).not.toContain("Not for Leadgate");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/demo-site/pricing");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(page);
});

test("the production server answers the collector in its direct lane, with the headers every answer carries", async ({ request, baseURL }) => {
  const message = { writeKey: DEMO_WRITE_KEY, anonymousId: `lane-${Date.now()}`, type: "page_view", url: `${baseURL}/demo-site` };
  const answer = await request.post("/api/v1/collect", { headers: { "content-type": "text/plain", origin: baseURL! }, data: JSON.stringify(message) });
  expect(answer.status()).toBe(202);
  expect(answer.headers()["access-control-allow-origin"]).toBe(baseURL);
  expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Next.js adds its router's request headers to Vary on every answer it gives (the GET below
  // goes through it); server.mjs's lane answers with the route's own Vary alone.
  expect(answer.headers()["vary"]).toBe("Origin");
  expect((await request.get("/api/v1/collect")).headers()["vary"]).toContain("rsc");
});

test("an admin makes a write key for a site and gets its snippet; a marketer sees the snippet but makes no keys", async ({ page }) => {
  await openSignedIn(page, "admin@leadgate.test", "/board");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tracking" }).click();
  await expect(page.getByRole("heading", { name: "Website tracking", level: 1 })).toBeVisible();
  await expect(page.getByText("Make a write key for your site below")).toBeVisible();

  await page.getByLabel("Key name").fill("Marketing website");
  await page.getByLabel("Sites it sends from").fill("https://www.example.com\nwww.example.com/blog");
  await page.getByRole("button", { name: "Make write key" }).click();
  await expect(page.getByText('Line 2 ("www.example.com/blog") is not a site\'s origin').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Sites it sends from").fill("https://www.example.com\nhttps://example.com/");
  await page.getByRole("button", { name: "Make write key" }).click();
  await expect(page.getByText("Made the write key “Marketing website”")).toBeVisible();
  const snippet = page.getByRole("region", { name: "The snippet" }).locator("pre").first();
  await expect(snippet).toContainText('/t.js" data-write-key="lg_pub_');
  await expect(page.getByRole("button", { name: "Copy the snippet for Marketing website" })).toBeVisible();
  const row = page.getByTestId("write-key-row").filter({ hasText: "Marketing website" });
  await expect(row).toContainText("Sends from https://www.example.com, https://example.com");
  await expectNoSeriousA11yViolations(page);

  await openSignedIn(page, "marketer@leadgate.test", "/settings/tracking");
  await expect(page.getByRole("region", { name: "The snippet" })).toContainText("Marketing website");
  await expect(page.getByRole("button", { name: "Make write key" })).toHaveCount(0);

  await openSignedIn(page, "admin@leadgate.test", "/settings/tracking");
  await row.getByRole("button", { name: "Revoke Marketing website" }).click();
  await page.getByRole("dialog", { name: "Revoke “Marketing website”?" }).getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(page.getByText("Make a write key for your site below")).toBeVisible();
});
