import type { Metadata } from "next";
import { SalesQueueView } from "@/components/queue/sales-queue-view";
import { ToastProvider } from "@/components/ui/toast";
import { activeDisqualificationReasons, activeReasons, leadOwnerOptions } from "@/lib/server/reference-data";
import { requireRole } from "@/lib/server/require-user";
import { QUEUE_ROLES, loadSalesQueue, parseQueueQuery } from "@/lib/server/sales-queue";
import { qualificationChecklist } from "@/lib/server/workflow-settings";

export const metadata: Metadata = { title: "Sales queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(QUEUE_ROLES);
  const params = await searchParams;
  const [owners, reasons, rejectReasons, checklist] = await Promise.all([leadOwnerOptions(), activeDisqualificationReasons(), activeReasons("reject"), qualificationChecklist()]);
  const reps = owners.filter((owner) => owner.role === "SALES");
  const queue = await loadSalesQueue(parseQueueQuery(params, user, reps.map((rep) => rep.id)), user);

  return (
    <ToastProvider>
      <SalesQueueView queue={queue} viewer={{ id: user.id, role: user.role }} reps={reps} reasons={reasons} rejectReasons={rejectReasons} checklist={checklist} />
    </ToastProvider>
  );
}
