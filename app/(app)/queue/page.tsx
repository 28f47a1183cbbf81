import type { Metadata } from "next";
import { SalesQueueView } from "@/components/queue/sales-queue-view";
import { ToastProvider } from "@/components/ui/toast";
import { can } from "@/lib/core/permissions";
import { activeDisqualificationReasons, activeReasons, leadOwnerOptions } from "@/lib/server/settings/reference-data";
import { requirePermission } from "@/lib/server/auth/require-user";
import { loadSalesQueue, parseQueueQuery } from "@/lib/server/funnel/sales-queue";
import { qualificationChecklist } from "@/lib/server/settings/workflow-settings";

export const metadata: Metadata = { title: "Sales queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("queue.work");
  const params = await searchParams;
  const [owners, reasons, rejectReasons, checklist] = await Promise.all([leadOwnerOptions(), activeDisqualificationReasons(), activeReasons("reject"), qualificationChecklist()]);
  const reps = owners.filter((owner) => can(owner.role, "leads.receive"));
  const queue = await loadSalesQueue(parseQueueQuery(params, user, reps.map((rep) => rep.id)), user);

  return (
    <ToastProvider>
      <SalesQueueView queue={queue} viewer={{ id: user.id, role: user.role }} reps={reps} reasons={reasons} rejectReasons={rejectReasons} checklist={checklist} />
    </ToastProvider>
  );
}
