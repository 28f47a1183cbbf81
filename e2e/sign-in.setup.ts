import { test as setup } from "@playwright/test";
import { DEMO_EMAILS, saveSignedInSession } from "./support";

// Each demo user signs in through the real form once a run; the tests then start from these
// saved sessions (openSignedIn), and only the tests about signing in use the form.
for (const email of DEMO_EMAILS) {
  setup(`${email} signs in and the session is saved`, async ({ browser }) => {
    await saveSignedInSession(browser, email);
  });
}
