import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("an admin adds a user, changes their role and deactivates them after confirming", async ({ page, browser }) => {
  await signIn(page, "admin@leadgate.test", "/admin/users");
  await page.getByLabel("Name").fill("Robin Rep");
  await page.getByLabel("E-mail").fill("robin@leadgate.test");
  await page.getByLabel("Role", { exact: true }).selectOption("SALES");
  await page.getByLabel("Initial password").fill("robin-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("Robin Rep can now sign in as sales rep");
  const row = page.getByTestId("user-row").filter({ hasText: "robin@leadgate.test" });
  await expect(row).toContainText("Active");

  await page.getByLabel("E-mail").fill("robin@leadgate.test");
  await page.getByLabel("Name").fill("Robin Again");
  await page.getByLabel("Initial password").fill("robin-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("This e-mail is already in use.")).toBeVisible();

  await row.getByLabel("Role of Robin Rep").selectOption("MARKETER");
  await expect(row.getByLabel("Role of Robin Rep")).toHaveValue("MARKETER");

  await row.getByRole("button", { name: "Deactivate" }).click();
  const confirm = page.getByRole("dialog", { name: "Deactivate Robin Rep?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  const robin = await (await browser.newContext()).newPage();
  await robin.goto("/signin");
  await robin.getByLabel("E-mail").fill("robin@leadgate.test");
  await robin.getByLabel("Password").fill("robin-password-1");
  await robin.getByRole("button", { name: "Sign in" }).click();
  await expect(robin.getByText("don't match an active account")).toBeVisible();
});
