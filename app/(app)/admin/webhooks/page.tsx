import type { Metadata } from "next";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { VerifyingDeliveries } from "@/components/webhooks/verifying-deliveries";
import { requirePermission } from "@/lib/server/auth/require-user";
import { listWebhooks } from "@/lib/server/webhooks/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePermission("webhooks.manage");
  const webhooks = await listWebhooks();
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-600">
          Leadgate tells other systems — your CRM, a chat channel, an automation tool — when a lead becomes an MQL, moves stage, passes the response SLA or
          crosses the MQL score threshold. Each delivery is signed; a failed one is tried again for a day.
        </p>
      </div>
      <CreateWebhookForm />
      <WebhookList webhooks={webhooks} />
      <VerifyingDeliveries />
    </div>
  );
}
