import "server-only";
import { nextAttemptAt } from "@/lib/core/retries";
import { emailStore } from "./email-store";
import { mailEnabled, sendMail } from "./mailer";

/*
 * Sends the e-mails the outbox holds, as the webhook dispatcher sends deliveries: every instance
 * looks each few seconds, one takes an e-mail under a hold, a failure is retried with growing
 * waits for a day (lib/core/retries.ts), and then the e-mail is marked failed with the reason.
 */

const LOOK_EVERY_MS = 5_000;
const CLAIMED_AT_ONCE = 20;
// Longer than an SMTP conversation may take (mailer.ts) and the write after it.
const HOLD_MS = 120_000;

/** Sends the e-mails due at `now` (a claim's worth, one at a time) and records each outcome; how many it tried. */
export async function deliverDueEmails(now: Date = new Date()): Promise<number> {
  const claimed = await emailStore.claimDue(now, new Date(now.getTime() + HOLD_MS), CLAIMED_AT_ONCE);
  for (const email of claimed) {
    const attempts = email.attempts + 1;
    let error: string | null = null;
    try {
      await sendMail({ to: `${email.user.name.replace(/["<>]/g, "")} <${email.user.email}>`, subject: email.subject, text: email.text });
    } catch (caught) {
      error = (caught as Error).message.slice(0, 500);
    }
    const next = error ? nextAttemptAt(email.createdAt, attempts, now) : null;
    const status = error === null ? "sent" : next ? "pending" : "failed";
    await emailStore.settle(email.id, { status, attempts, nextAttemptAt: next, sentAt: error === null ? now : null, lastError: error });
  }
  return claimed.length;
}

const globalForMail = globalThis as unknown as { leadgateMailDispatcher?: NodeJS.Timeout };

/** Looks for due e-mails every few seconds in this process, when e-mail is set up (server-start.ts). */
export function startEmailDispatcher(): void {
  if (!mailEnabled() || globalForMail.leadgateMailDispatcher) return;
  let looking = false;
  globalForMail.leadgateMailDispatcher = setInterval(() => {
    if (looking) return;
    looking = true;
    deliverDueEmails()
      .catch((error) => console.error("Sending e-mails failed", error))
      .finally(() => (looking = false));
  }, LOOK_EVERY_MS);
  globalForMail.leadgateMailDispatcher.unref();
}
