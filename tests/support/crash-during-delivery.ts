// Marks a lead MQL as the app does, starts sending its webhook, and dies the hard way (SIGKILL: no
// cleanup, no finally) while the delivery is on the wire, like a server killed or losing power.
// Usage: tsx --conditions=react-server tests/support/crash-during-delivery.ts <leadId> <marketerId>
import { setTimeout as sleep } from "node:timers/promises";
import { moveLead } from "../../lib/server/funnel/move-lead";
import { db } from "../../lib/server/store/db";
import { deliverDueWebhooks } from "../../lib/server/webhooks/webhook-dispatcher";

async function main() {
  const [leadId, marketerId] = process.argv.slice(2);
  const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
  await moveLead({ id: marketerId, role: "MARKETER" }, { leadId, version: lead.version, move: "markMql" });
  process.stdout.write("moved\n");
  void deliverDueWebhooks();
  for (;;) {
    if ((await db.webhookDelivery.count({ where: { leadId, lockedUntil: { not: null } } })) > 0) {
      // Taken and being sent: give the request time to reach the receiver, then die mid-attempt.
      await sleep(300);
      process.kill(process.pid, "SIGKILL");
    }
    await sleep(5);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
