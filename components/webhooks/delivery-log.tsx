"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import { When } from "@/components/ui/when";
import { replayDeliveryAction, webhookDeliveriesAction } from "@/lib/server/webhooks/webhook-actions";
import type { WebhookDeliveryPage, WebhookDeliveryRow } from "@/lib/views/webhooks";
import { AttemptLog } from "./attempt-log";

const STATUS_STYLES: Record<WebhookDeliveryRow["status"], string> = {
  delivered: "bg-emerald-100 text-emerald-800",
  pending: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-800",
};
const STATUS_LABELS: Record<WebhookDeliveryRow["status"], string> = { delivered: "Delivered", pending: "Waiting", failed: "Failed" };

/** An endpoint's deliveries, newest first, each with its attempts and a replay; more on request. */
export function DeliveryLog({ webhookId, firstPage }: { webhookId: string; firstPage: WebhookDeliveryPage }) {
  const [deliveries, setDeliveries] = useState(firstPage.deliveries);
  const [cursor, setCursor] = useState(firstPage.nextCursor);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);

  async function showMore() {
    setLoading(true);
    const result = await webhookDeliveriesAction({ id: webhookId, cursor });
    setLoading(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setDeliveries((shown) => [...shown, ...result.data.deliveries]);
    setCursor(result.data.nextCursor);
  }

  async function replay(delivery: WebhookDeliveryRow) {
    setPendingId(delivery.id);
    setMessage(null);
    const result = await replayDeliveryAction({ id: webhookId, deliveryId: delivery.id });
    setPendingId(null);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setDeliveries((shown) => shown.map((row) => (row.id === delivery.id ? result.data : row)));
    setMessage({ tone: "success", text: `Queued ${delivery.eventType} (${delivery.id}) to be sent again within seconds. Reload the page to see the attempt.` });
  }

  return (
    <section aria-labelledby="deliveries-heading" aria-busy={loading} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id="deliveries-heading" className="px-6 pt-5 text-base font-semibold">
        Deliveries
      </h2>
      <FormMessage message={message} banner />
      {deliveries.length === 0 ? (
        <p className="px-6 pb-6 pt-3 text-sm text-slate-600">Nothing sent yet. Deliveries appear here as soon as an event this endpoint asked for happens.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-200">
          {deliveries.map((delivery) => (
            <li key={delivery.id} className="space-y-2 px-6 py-4" data-testid="webhook-delivery">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 space-y-1 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[delivery.status]}`}>{STATUS_LABELS[delivery.status]}</span>
                    <span className="font-mono text-xs text-slate-800">{delivery.eventType}</span>
                    {delivery.leadId && (
                      <Link href={`/leads/${delivery.leadId}`} className="text-brand-700 underline hover:text-brand-600">
                        Lead
                      </Link>
                    )}
                  </p>
                  <p className="text-xs text-slate-600">
                    Event <When iso={delivery.createdAt} seconds /> · {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
                    {delivery.nextAttemptAt && (
                      <>
                        {" "}
                        · next <When iso={delivery.nextAttemptAt} seconds />
                      </>
                    )}
                  </p>
                  <p className="break-all font-mono text-xs text-slate-500">{delivery.id}</p>
                </div>
                <Button variant="secondary" disabled={pendingId === delivery.id} onClick={() => void replay(delivery)}>
                  Replay<span className="sr-only"> {delivery.eventType} {delivery.id}</span>
                </Button>
              </div>
              <details className="rounded-md border border-slate-200 text-sm">
                <summary className="cursor-pointer px-3 py-2 text-slate-700">What was sent</summary>
                <pre tabIndex={0} className="max-h-64 overflow-auto whitespace-pre-wrap break-all border-t border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-700">
                  {JSON.stringify(delivery.body, null, 2)}
                </pre>
              </details>
              <AttemptLog attempts={delivery.attemptLog} />
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <div className="border-t border-slate-200 px-6 py-4">
          <Button variant="secondary" disabled={loading} onClick={() => void showMore()}>
            {loading ? "Loading…" : "Show more"}
          </Button>
        </div>
      )}
    </section>
  );
}
