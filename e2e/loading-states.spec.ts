import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openSignedIn } from "./support";

// Following a link shows the next page's loading state at once (the app prefetches it with the
// link), and the page replaces it when its data arrives. A slow network keeps the loading state
// on screen long enough to check it, so this holds however fast the server answers.
const SLOW_NETWORK = { offline: false, latency: 1_500, downloadThroughput: -1, uploadThroughput: -1 };
const FAST_NETWORK = { ...SLOW_NETWORK, latency: 0 };

// The router prefetches a link in two steps, the route's tree and then its content up to the
// loading state; only the second makes the loading state ready. It can start after the page
// looks idle, so the test waits for it rather than for a quiet network.
function linkPrefetched(page: Page, path: string) {
  return page.waitForResponse((response) => {
    const headers = response.request().headers();
    const url = new URL(response.url());
    return url.pathname === path && url.searchParams.size === 1 && headers["next-router-prefetch"] === "1" && !headers["next-router-segment-prefetch"];
  });
}

for (const { from, link, path, skeleton, heading } of [
  { from: "/leads?view=all", link: "Funnel board", path: "/board", skeleton: "Loading the board", heading: "Funnel board" },
  { from: "/leads?view=all", link: "Dashboard", path: "/dashboard", skeleton: "Loading the dashboard", heading: "Dashboard" },
  { from: "/board", link: "Leads", path: "/leads", skeleton: "Loading the leads", heading: "Leads" },
]) {
  test(`${link}: a page-shaped, accessible loading state while the page loads`, async ({ page }) => {
    const prefetched = linkPrefetched(page, path);
    await openSignedIn(page, "manager@leadgate.test", from);
    await prefetched;
    // The quiet network that follows lets the router read the prefetch's whole answer.
    await page.waitForLoadState("networkidle");
    const network = await page.context().newCDPSession(page);
    await network.send("Network.enable");
    await network.send("Network.emulateNetworkConditions", SLOW_NETWORK);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
    const loading = page.getByRole("status", { name: skeleton });
    await expect(loading).toBeVisible();
    await expect(loading).toHaveAttribute("aria-busy", "true");
    await expectNoSeriousA11yViolations(page);

    await network.send("Network.emulateNetworkConditions", FAST_NETWORK);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(loading).toHaveCount(0);
  });
}
