import { expect, test } from "@playwright/test";

test("the favicon, app icons and web manifest answer without signing in, and pages link them", async ({ request, page }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = await manifest.json();
  expect(body).toMatchObject({ name: "Leadgate", short_name: "Leadgate", start_url: "/", display: "standalone", theme_color: "#4f46e5" });
  for (const icon of body.icons as Array<{ src: string; type: string }>) {
    const answer = await request.get(icon.src);
    expect(answer.status(), icon.src).toBe(200);
    expect(answer.headers()["content-type"], icon.src).toContain(icon.type);
  }
  expect((body.icons as Array<{ sizes: string }>).map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const path of ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png"]) {
    const answer = await request.get(path, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(200);
  }

  await page.goto("/signin");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#4f46e5");
});
