import "server-only";
import { notifySlaDeadlines, queueSlaBreaches } from "../notifications/notifications";
import { queueDigests } from "../email/digest";

/** The minute's look at response SLAs: reps are told of their MQLs near or past it, webhooks of breaches, managers (each morning) by a digest. */
export async function slaChecks(now: Date = new Date()): Promise<void> {
  await notifySlaDeadlines(now);
  await queueSlaBreaches(now);
  await queueDigests(now);
}
