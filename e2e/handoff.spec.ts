import { expect, test } from "@playwright/test";
import { cardById, column, columnCount, firstMovableCard, openMoveMenu, openSignedIn } from "./support";

test("a marketer marks a lead MQL, a sales rep accepts it and qualifies it after the checklist", async ({ page, browser }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const lead = await firstMovableCard(page, "LEAD");
  const mqlBefore = await columnCount(page, "MQL");
  await openMoveMenu(lead.card, lead.name);
  await page.getByRole("menuitem", { name: /Mark as MQL/ }).click();
  await expect(cardById(page, "MQL", lead.id)).toBeVisible();
  await expect(page.getByTestId("toast-success")).toContainText(`${lead.name} moved to MQL`);
  await expect.poll(() => columnCount(page, "MQL")).toBe(mqlBefore + 1);
  // After a reload the lead is where the server says: found by name, since it may rank below the first page.
  await page.goto(`/board?q=${encodeURIComponent(lead.name)}`);
  await expect(cardById(page, "MQL", lead.id)).toBeVisible();

  // Routing gave the new MQL to one of the two reps; that rep accepts it.
  const ownerName = await cardById(page, "MQL", lead.id).getByTestId("card-owner").innerText();
  expect(["Sam Sales", "Sasha Sales"]).toContain(ownerName);
  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await openSignedIn(rep, ownerName === "Sam Sales" ? "sales@leadgate.test" : "sales2@leadgate.test");
  await rep.getByLabel("Search").fill(lead.name);
  await rep.getByRole("button", { name: "Search" }).click();
  // The search is a navigation: a menu opened on the board before it lands closes when it does.
  await expect(rep).toHaveURL(/q=/);
  const mqlCard = cardById(rep, "MQL", lead.id);
  await expect(mqlCard).toBeVisible();
  await openMoveMenu(mqlCard, lead.name);
  await rep.getByRole("menuitem", { name: /Accept/ }).click();
  const salCard = cardById(rep, "SAL", lead.id);
  await expect(salCard).toContainText(ownerName);

  await openMoveMenu(salCard, lead.name);
  await rep.getByRole("menuitem", { name: /Qualify/ }).click();
  const dialog = rep.getByRole("dialog");
  await expect(dialog).toContainText("Qualification checklist");
  for (const item of ["Budget", "Authority", "Need"]) await dialog.getByLabel(new RegExp(item)).check();
  await dialog.getByRole("button", { name: "Qualify" }).click();
  await expect(dialog).toContainText("Timeline is not confirmed");
  await expect(salCard).toBeVisible();
  await dialog.getByLabel(/Timeline/).check();
  await dialog.getByRole("button", { name: "Qualify" }).click();
  await expect(dialog).toBeHidden();
  await expect(cardById(rep, "SQL", lead.id)).toBeVisible();
  await rep.reload();
  await expect(cardById(rep, "SQL", lead.id)).toBeVisible();
  await repContext.close();
});

test("a marketer is not offered accept; their MQL moves are nurture and disqualify", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const mql = await firstMovableCard(page, "MQL");
  await openMoveMenu(mql.card, mql.name);
  const items = page.getByRole("menuitem");
  await expect(items).toHaveText([/Send to nurture/, /Disqualify/]);
  await page.keyboard.press("Escape");
  await expect(items).toHaveCount(0);
  await expect(column(page, "SAL").getByRole("button", { name: /^Move / })).toHaveCount(0);
});

test("sending an MQL to nurture asks for a reason first", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const mql = await firstMovableCard(page, "MQL");
  await openMoveMenu(mql.card, mql.name);
  await page.getByRole("menuitem", { name: /Send to nurture/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Evaluating next year");
  await dialog.getByRole("button", { name: "Send to nurture" }).click();
  await expect(cardById(page, "LEAD", mql.id)).toBeVisible();
});

test("a forged forbidden move, sent straight to the server action, is refused", async ({ page }) => {
  await openSignedIn(page, "marketer@leadgate.test");
  const target = await firstMovableCard(page, "MQL");
  const lead = await firstMovableCard(page, "LEAD");

  // Capture how the page calls the move action during an allowed move...
  const actionRequest = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await openMoveMenu(lead.card, lead.name);
  await page.getByRole("menuitem", { name: /Mark as MQL/ }).click();
  const allowed = await actionRequest;
  await expect(cardById(page, "MQL", lead.id)).toBeVisible();

  // ...then replay it as a marketer accepting an MQL, which the UI never offers.
  const response = await page.request.post("/board", {
    headers: {
      "next-action": allowed.headers()["next-action"],
      "content-type": allowed.headers()["content-type"],
      accept: "text/x-component",
    },
    data: JSON.stringify([{ leadId: target.id, version: target.version, move: "accept" }]),
  });
  const body = await response.text();
  expect(body).toContain('"code":"FORBIDDEN"');
  expect(body).toContain("Marketers can't accept a MQL lead");
  await page.reload();
  await expect(cardById(page, "MQL", target.id)).toBeVisible();
});

test("when someone else got there first, the move is refused, explained, and the card shows where it really is", async ({ page, browser }) => {
  await openSignedIn(page, "sales@leadgate.test", "/board?owner=me");
  const contested = await firstMovableCard(page, "MQL");
  // Both act within one live-update interval: this board doesn't hear of the other's move.
  await page.route("**/api/live", (route) => route.fulfill({ status: 304 }));

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await openSignedIn(other, "marketer@leadgate.test", `/board?q=${encodeURIComponent(contested.name)}`);
  const theirCard = cardById(other, "MQL", contested.id);
  await openMoveMenu(theirCard, contested.name);
  await other.getByRole("menuitem", { name: /Send to nurture/ }).click();
  await other.getByRole("dialog").getByLabel("Reason").fill("Wrong region for this quarter");
  await other.getByRole("dialog").getByRole("button", { name: "Send to nurture" }).click();
  await expect(other.getByTestId("toast-success")).toBeVisible();
  await otherContext.close();

  await openMoveMenu(contested.card, contested.name);
  await page.getByRole("menuitem", { name: /Accept/ }).click();
  await expect(page.getByTestId("toast-error")).toContainText("Maya Marketer moved this lead to LEAD");
  await expect(cardById(page, "MQL", contested.id)).toHaveCount(0);
});
