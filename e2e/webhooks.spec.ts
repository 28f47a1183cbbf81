import { expect, test } from "@playwright/test";
import { startReceiver } from "../tests/support/webhook-receiver";
import { DEMO_API_KEY, expectNoSeriousA11yViolations, openSignedIn } from "./support";

test("an admin adds a webhook, copies its secret once, sees a signed delivery arrive, replays it and deletes the endpoint", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await openSignedIn(page, "admin@leadgate.test", "/board");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByText("No endpoints yet.")).toBeVisible();

    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Enter the endpoint's URL.").first()).toBeVisible();
    await expect(page.getByText("Choose at least one event to send.").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("group", { name: "Events to send" }).getByLabel("A lead becomes an MQL").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secretField = page.getByLabel(`Signing secret for ${receiver.url}`);
    await expect(secretField).toBeFocused();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.useSecret(secret);
    const row = page.getByTestId("webhook-row").filter({ hasText: receiver.url });
    await expect(row).toContainText("Active");
    await expect(row.getByRole("listitem")).toHaveText(["lead.mql"]);
    await expectNoSeriousA11yViolations(page);

    // A lead that scores past the MQL threshold through the API becomes an MQL.
    const headers = { authorization: `Bearer ${DEMO_API_KEY}` };
    const email = `webhook.${Date.now()}@hooks.example`;
    const lead = { email, firstName: "Hook", lastName: "Receiver", company: "Hooks Ltd", seniority: "VP", companySize: 250, website: "https://hooks.example" };
    expect((await page.request.post("/api/v1/leads", { headers, data: lead })).status()).toBe(201);
    for (const type of ["meeting_booked", "contact_request", "webinar_attended"]) await page.request.post("/api/v1/events", { headers, data: { email, type } });
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    expect(receiver.received[0]).toMatchObject({ verified: true, body: { type: "lead.mql" } });

    await row.getByRole("link", { name: `Deliveries to ${receiver.url}` }).click();
    const delivery = page.getByTestId("webhook-delivery").first();
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText("lead.mql");
    await expect(delivery).toContainText(receiver.received[0].id);
    await delivery.getByText("What was sent").click();
    await expect(delivery.locator("pre").first()).toContainText('"type": "lead.mql"');
    await delivery.getByText("Last attempt: HTTP 200").click();
    await expectNoSeriousA11yViolations(page);

    await delivery.getByRole("button", { name: /^Replay lead\.mql/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "to be sent again within seconds" })).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
    expect(receiver.received[1]).toMatchObject({ id: receiver.received[0].id, verified: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("webhook-delivery").first()).toContainText("2 attempts");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("link", { name: "All webhooks" }).click();
    await row.getByRole("button", { name: `Delete ${receiver.url}` }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this webhook?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: `Delete ${receiver.url}` }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText(`Deleted the webhook to ${receiver.url}.`)).toBeVisible();
    await expect(page.getByText("No endpoints yet.")).toBeVisible();
  } finally {
    await receiver.close();
  }
});
