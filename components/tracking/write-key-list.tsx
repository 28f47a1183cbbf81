"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useListAction } from "@/components/ui/use-list-action";
import { When } from "@/components/ui/when";
import { revokeWriteKeyAction } from "@/lib/server/tracking/write-key-actions";
import type { WriteKeyView } from "@/lib/views/tracking";

const siteLabel = (site: string) => (site === "self" ? "this app's own pages" : site);

/** Every write key, with its sites, creator and status; active ones can be revoked after a confirmation. */
export function WriteKeyList({ keys }: { keys: WriteKeyView[] }) {
  const { headingRef, message, pendingId, run } = useListAction();
  const [confirming, setConfirming] = useState<WriteKeyView | null>(null);

  const revoke = (key: WriteKeyView) => run(key.id, () => revokeWriteKeyAction({ id: key.id }), `Revoked “${key.name}”: its site's snippet sends nothing from now on.`);

  return (
    <section aria-labelledby="write-keys-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 ref={headingRef} id="write-keys-heading" tabIndex={-1} className="px-6 pt-5 text-base font-semibold focus:outline-none">
        Write keys ({keys.length})
      </h2>
      <FormMessage message={message} banner />
      {keys.length === 0 ? (
        <p className="px-6 pb-6 pt-3 text-sm text-slate-600">No write keys yet. Make one above for each website.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-200">
          {keys.map((key) => (
            <li key={key.id} data-testid="write-key-row" className={`flex flex-col gap-2 px-6 py-4 sm:flex-row sm:items-start sm:justify-between ${key.revokedAt ? "text-slate-500" : ""}`}>
              <div className="min-w-0 space-y-1 text-sm">
                <p className="font-medium text-slate-900">
                  {key.name}{" "}
                  <span className={`ml-1 rounded-full px-2 py-0.5 text-xs font-medium ${key.revokedAt ? "bg-slate-100 text-slate-600" : "bg-emerald-100 text-emerald-800"}`}>
                    {key.revokedAt ? "Revoked" : "Active"}
                  </span>
                </p>
                <p className="break-all font-mono text-xs">{key.key}</p>
                <p>Sends from {key.origins.map(siteLabel).join(", ")}</p>
                <p className="text-xs">
                  Made <When iso={key.createdAt} /> {key.createdByName ? `by ${key.createdByName}` : "by the demo set-up"}
                  {key.revokedAt && (
                    <>
                      , revoked <When iso={key.revokedAt} />
                    </>
                  )}
                </p>
              </div>
              {!key.revokedAt && (
                <Button variant="ghost" disabled={pendingId === key.id} onClick={() => setConfirming(key)}>
                  Revoke<span className="sr-only"> {key.name}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Revoke “${confirming.name}”?`}
          confirmLabel="Revoke"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const key = confirming;
            setConfirming(null);
            void revoke(key);
          }}
        >
          The snippet on {confirming.origins.map(siteLabel).join(", ")} sends nothing from now on. This can&apos;t be undone: the site needs a new key.
        </ConfirmDialog>
      )}
    </section>
  );
}
