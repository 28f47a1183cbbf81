import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { WebhookStatus } from "@/components/webhooks/webhook-status";
import { WEBHOOK_DELIVERIES_PAGE_DEFAULT } from "@/lib/core/webhook-input";
import { requirePermission } from "@/lib/server/auth/require-user";
import { AppError } from "@/lib/server/errors";
import { getWebhook, listDeliveries } from "@/lib/server/webhooks/webhooks";

export const metadata: Metadata = { title: "Webhook deliveries" };

async function found<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function WebhookDeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("webhooks.manage");
  const { id } = await params;
  const webhook = await found(getWebhook(id));
  const firstPage = await found(listDeliveries(id, { after: null, limit: WEBHOOK_DELIVERIES_PAGE_DEFAULT }));
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <Link href="/admin/webhooks" className="text-sm text-brand-700 underline hover:text-brand-600">
        All webhooks
      </Link>
      <div className="space-y-2">
        <h1 className="break-all text-xl font-semibold tracking-tight">{webhook.url}</h1>
        <WebhookStatus webhook={webhook} />
        <p className="text-sm text-slate-600">Sends {webhook.events.join(", ")}.</p>
      </div>
      <DeliveryLog webhookId={webhook.id} firstPage={firstPage} />
    </div>
  );
}
