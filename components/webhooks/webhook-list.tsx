"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useListAction } from "@/components/ui/use-list-action";
import { When } from "@/components/ui/when";
import { deleteWebhookAction, enableWebhookAction } from "@/lib/server/webhooks/webhook-actions";
import type { WebhookRow } from "@/lib/views/webhooks";
import { WebhookStatus } from "./webhook-status";

/** The registered endpoints, each with its events, status, deliveries link, and enable or delete. */
export function WebhookList({ webhooks }: { webhooks: WebhookRow[] }) {
  const { headingRef, message, pendingId, run } = useListAction();
  const [confirming, setConfirming] = useState<WebhookRow | null>(null);

  const act = (webhook: WebhookRow, action: "delete" | "enable") =>
    action === "delete"
      ? run(webhook.id, () => deleteWebhookAction({ id: webhook.id }), `Deleted the webhook to ${webhook.url}.`)
      : run(webhook.id, () => enableWebhookAction({ id: webhook.id }), `Enabled the webhook to ${webhook.url}: what waited for it goes out now.`);

  return (
    <section aria-labelledby="webhooks-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 ref={headingRef} id="webhooks-heading" tabIndex={-1} className="px-6 pt-5 text-base font-semibold focus:outline-none">
        Endpoints ({webhooks.length})
      </h2>
      <FormMessage message={message} banner />
      {webhooks.length === 0 ? (
        <p className="px-6 pb-6 pt-3 text-sm text-slate-600">No endpoints yet. Add one above to tell your CRM or chat tool when leads move.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-200">
          {webhooks.map((webhook) => (
            <li key={webhook.id} className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid="webhook-row">
              <div className="min-w-0 space-y-1">
                <p className="break-all font-mono text-sm font-medium text-slate-900">{webhook.url}</p>
                <ul className="flex flex-wrap gap-1" aria-label="Events">
                  {webhook.events.map((type) => (
                    <li key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                      {type}
                    </li>
                  ))}
                </ul>
                <WebhookStatus webhook={webhook} />
                <p className="text-xs text-slate-500">
                  Added <When iso={webhook.createdAt} /> {webhook.createdByName ? `by ${webhook.createdByName}` : "with the API"}
                </p>
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                <Link
                  href={`/admin/webhooks/${webhook.id}`}
                  className="inline-flex items-center rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
                >
                  Deliveries<span className="sr-only"> to {webhook.url}</span>
                </Link>
                {webhook.disabledAt && (
                  <Button variant="secondary" disabled={pendingId === webhook.id} onClick={() => void act(webhook, "enable")}>
                    Enable<span className="sr-only"> {webhook.url}</span>
                  </Button>
                )}
                <Button variant="ghost" disabled={pendingId === webhook.id} onClick={() => setConfirming(webhook)}>
                  Delete<span className="sr-only"> {webhook.url}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this webhook?"
          confirmLabel="Delete"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const webhook = confirming;
            setConfirming(null);
            void act(webhook, "delete");
          }}
        >
          {confirming.url} hears of nothing more, and its deliveries waiting or logged are deleted with it. This can&apos;t be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
