import type { Metadata } from "next";
import { QualificationChecklistForm } from "@/components/workflow/qualification-checklist-form";
import { ResponseSlaForm } from "@/components/workflow/response-sla-form";
import { RoutingForm } from "@/components/workflow/routing-form";
import { ManagedReasons } from "@/components/workflow/managed-reasons";
import { ToastProvider } from "@/components/ui/toast";
import { listReasons } from "@/lib/server/settings/reason-lists";
import { requirePermission } from "@/lib/server/auth/require-user";
import { routingReps } from "@/lib/server/funnel/routing";
import { qualificationChecklist, routingRules, slaSettings } from "@/lib/server/settings/workflow-settings";

export const metadata: Metadata = { title: "Workflow settings" };

export default async function WorkflowSettingsPage() {
  await requirePermission("workflow.edit");
  const [sla, rules, reps, checklist, disqualificationReasons, rejectReasons] = await Promise.all([
    slaSettings(),
    routingRules(),
    routingReps(),
    qualificationChecklist(),
    listReasons("disqualification"),
    listReasons("reject"),
  ]);
  return (
    <ToastProvider>
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Workflow settings</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            How the handoff from marketing to sales works: how fast sales must respond to an MQL, who gets it, what qualifying a lead takes, why sales rejects
            an MQL and why leads are disqualified. Each section is saved on its own.
          </p>
        </div>
        <ResponseSlaForm settings={sla} />
        <RoutingForm rules={rules} reps={reps} />
        <QualificationChecklistForm checklist={checklist} />
        <ManagedReasons list="reject" reasons={rejectReasons} />
        <ManagedReasons list="disqualification" reasons={disqualificationReasons} />
      </div>
    </ToastProvider>
  );
}
