"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useListAction } from "@/components/ui/use-list-action";
import { When } from "@/components/ui/when";
import type { ApiScope } from "@/lib/core/api-scopes";
import { API_SCOPE_LABELS } from "@/lib/core/api-scopes";
import { revokeApiKeyAction } from "@/lib/server/admin/api-key-actions";
import type { ApiKeyRow } from "@/lib/views/admin";

function KeyScopes({ scopes }: { scopes: ApiScope[] }) {
  if (scopes.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {scopes.map((scope) => (
        <li key={scope} title={API_SCOPE_LABELS[scope]} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {scope}
        </li>
      ))}
    </ul>
  );
}

export function ApiKeysTable({ keys }: { keys: ApiKeyRow[] }) {
  const { headingRef, message, pendingId, run } = useListAction();
  const [confirming, setConfirming] = useState<ApiKeyRow | null>(null);

  const revoke = (key: ApiKeyRow) => run(key.id, () => revokeApiKeyAction({ id: key.id }), `Revoked “${key.name}”: requests with it are refused from now on.`);

  return (
    <section aria-labelledby="api-keys-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 ref={headingRef} id="api-keys-heading" tabIndex={-1} className="px-6 pt-5 text-base font-semibold focus:outline-none">
        Keys ({keys.length})
      </h2>
      <FormMessage message={message} banner />
      {keys.length === 0 ? (
        <p className="px-6 pb-6 pt-3 text-sm text-slate-600">No API keys yet. Create one above for each system that should send leads or events to Leadgate.</p>
      ) : (
        // relative: the screen-reader-only labels are absolutely positioned, and would otherwise widen the page, not this scroller.
        <div className="relative overflow-x-auto">
          <table className="mt-3 w-full text-left text-sm">
            <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-6 py-2 font-medium">Name</th>
                <th scope="col" className="px-3 py-2 font-medium">Key</th>
                <th scope="col" className="px-3 py-2 font-medium">Scopes</th>
                <th scope="col" className="px-3 py-2 font-medium">Created</th>
                <th scope="col" className="px-3 py-2 font-medium">Created by</th>
                <th scope="col" className="px-3 py-2 font-medium">Last used</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-6 py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "text-slate-500" : ""} data-testid="api-key-row">
                  <th scope="row" className="px-6 py-3 font-medium">
                    {key.name}
                  </th>
                  <td className="whitespace-nowrap px-3 py-3 font-mono text-xs">{key.prefix}…</td>
                  <td className="px-3 py-3">
                    <KeyScopes scopes={key.scopes} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-3">
                    <When iso={key.createdAt} />
                  </td>
                  <td className="px-3 py-3">{key.createdByName ?? "Demo set-up"}</td>
                  <td className="whitespace-nowrap px-3 py-3">{key.lastUsedAt ? <When iso={key.lastUsedAt} /> : "Never"}</td>
                  <td className="whitespace-nowrap px-3 py-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${key.revokedAt ? "bg-slate-100 text-slate-600" : "bg-emerald-100 text-emerald-800"}`}>
                      {key.revokedAt ? "Revoked" : "Active"}
                    </span>
                    {key.revokedAt && (
                      <span className="mt-1 block text-xs">
                        <When iso={key.revokedAt} />
                      </span>
                    )}
                  </td>
                  <td className="px-6 py-3 text-right">
                    {!key.revokedAt && (
                      <Button variant="ghost" disabled={pendingId === key.id} onClick={() => setConfirming(key)}>
                        Revoke<span className="sr-only"> {key.name}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
          Every request with the key {confirming.prefix}… is refused from now on. This can&apos;t be undone: systems that use it need a new key.
        </ConfirmDialog>
      )}
    </section>
  );
}
