import { expect, test } from "@playwright/test";
import { cardById, openSignedIn } from "./support";

// The flow: a marketer edits a rule, previews, saves, watches the re-score finish, and
// a lead crosses into MQL with the reason shown. The lead is whichever one the preview names,
// so the test doesn't depend on what other specs did to the demo data.
test("a marketer lowers the MQL threshold, previews, saves, and a lead crosses into MQL with the reason shown", async ({ page }) => {
  test.setTimeout(60_000);
  await openSignedIn(page, "marketer@leadgate.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scoring" }).click();
  await page.waitForURL("/settings/scoring");
  await expect(page.getByRole("heading", { level: 1, name: /Scoring/ })).toBeVisible();

  const threshold = page.getByLabel("Total score at least");
  const lowered = Number(await threshold.inputValue()) - 10;
  await threshold.fill(String(lowered));
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("rules-preview");
  await expect(preview.getByTestId("preview-become-mql")).toHaveText(/^[1-9][\d,]*$/, { timeout: 20_000 });
  const example = preview.getByTestId("preview-example").first();
  await expect(example).toBeVisible();
  const link = example.getByRole("link");
  const name = await link.innerText();
  const leadId = ((await link.getAttribute("href")) ?? "").replace("/leads/", "");
  expect(leadId).not.toBe("");

  await page.getByLabel("Note for this version").fill(`Threshold ${lowered} for the browser test`);
  const save = page.getByRole("button", { name: /^Save as v\d+$/ });
  const version = Number((await save.innerText()).replace("Save as v", ""));
  await save.click();

  const progress = page.getByRole("progressbar");
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByTestId("rescore-progress")).toContainText(/Re-scored [\d,]+ leads: [1-9][\d,]* became MQL/);
  await expect(page.getByText(`v${version} active`)).toBeVisible();
  const newest = page.getByTestId("rule-set-version").first();
  await expect(newest).toContainText(`v${version}`);
  await expect(newest).toContainText("Active");
  await expect(newest).toContainText(`Threshold ${lowered} for the browser test`);

  await page.goto(`/board?q=${encodeURIComponent(name)}`);
  await expect(cardById(page, "MQL", leadId)).toBeVisible();

  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId("lead-stage")).toContainText("MQL");
  const move = page.getByRole("region", { name: "Stage history" }).getByTestId("stage-history-entry").first();
  await expect(move).toContainText(/Score \d+ \(fit \d+, engagement \d+\) reached the MQL threshold of/);
  await expect(move).toContainText(`${lowered}`);
  await expect(move).toContainText(`scoring rules v${version}`);
});

test("Save stays off until a rule changes, and leaving with unsaved edits asks first: staying keeps them", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test", "/settings/scoring");
  const save = page.getByRole("button", { name: /^Save as v\d+$/ });
  await expect(save).toBeDisabled();

  const threshold = page.getByLabel("Total score at least");
  const saved = await threshold.inputValue();
  await threshold.fill(String(Number(saved) + 7));
  await expect(save).toBeEnabled();
  // Undoing the edit by hand is no change either.
  await threshold.fill(saved);
  await expect(save).toBeDisabled();
  await expect(page.getByText(/^No changes since v\d+$/)).toBeVisible();
  const edited = String(Number(saved) + 7);
  await threshold.fill(edited);
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // A link within the app asks; "Cancel" stays on the page with the edit in place.
  const questions: string[] = [];
  page.once("dialog", (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leads" }).click();
  await expect.poll(() => questions).toEqual(["confirm: Leave this page? Your changes to the scoring rules are not saved and will be lost."]);
  await expect(page).toHaveURL(/\/settings\/scoring$/);
  await expect(threshold).toHaveValue(edited);
  await expect(save).toBeEnabled();

  // Closing or reloading the tab gets the browser's own question; staying keeps the edit too.
  const unload = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const asked = await unload;
  expect(asked.type()).toBe("beforeunload");
  await asked.dismiss();
  await expect(threshold).toHaveValue(edited);

  // Confirming leaves, and nothing was saved.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leads" }).click();
  await page.waitForURL((url) => url.pathname === "/leads");
  await page.goto("/settings/scoring");
  await expect(page.getByLabel("Total score at least")).toHaveValue(saved);
  await expect(page.getByRole("button", { name: /^Save as v\d+$/ })).toBeDisabled();
});

test("score badges on the board and the lead table are coloured by the MQL threshold, with a legend that says so", async ({ page }) => {
  await openSignedIn(page, "manager@leadgate.test", "/settings/scoring");
  const threshold = Number(await page.getByLabel("Total score at least").inputValue());
  const near = Math.floor(threshold * 0.75);

  await page.goto("/board");
  const legend = page.getByTestId("score-legend");
  await expect(legend).toContainText(`At or over the MQL threshold: ${threshold} or more`);
  await expect(legend).toContainText(`Near the MQL threshold: ${near} to ${threshold - 1}`);
  await expect(legend).toContainText(`Well below the MQL threshold: under ${near}`);
  const badge = page.getByTestId("lead-card").first().getByTestId("score-badge");
  const total = Number(await badge.innerText());
  const band = total >= threshold ? "reached" : total >= near ? "near" : "below";
  // A score at or over the threshold may still be "near" when the rules also ask for a fit.
  await expect(badge).toHaveAttribute("data-band", band === "reached" ? /reached|near/ : band);
  await expect(badge).toHaveAttribute("aria-label", new RegExp(`^Score ${total}: .*the MQL threshold of ${threshold}`));

  // The demo's leads that reached the threshold were promoted when they did, so they are past LEAD.
  await page.goto(`/leads?stage=MQL%2CSAL%2CSQL&minScore=${threshold}`);
  await expect(page.getByTestId("score-legend")).toBeVisible();
  const first = page.getByRole("table", { name: "Leads" }).getByTestId("score-badge").first();
  await expect(first).toHaveAttribute("data-band", /reached|near/);
  await page.goto(`/leads?stage=LEAD&maxScore=${near - 1}`);
  await expect(page.getByRole("table", { name: "Leads" }).getByTestId("score-badge").first()).toHaveAttribute("data-band", "below");
});
