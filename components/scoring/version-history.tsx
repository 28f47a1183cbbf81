"use client";

import { useState } from "react";
import { Timestamp } from "@/components/leads/timestamp";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SavedRules } from "@/lib/server/scoring/scoring-rule-actions";
import { restoreRuleSetAction } from "@/lib/server/scoring/scoring-rule-actions";
import type { RuleSetVersion } from "@/lib/views/scoring";

type Props = { versions: readonly RuleSetVersion[]; nextVersion: number; rescoring: boolean; now: string; onRestored: (saved: SavedRules) => void };

/** Every saved version; restoring one saves its rules again as the next version. */
export function VersionHistory({ versions, nextVersion, rescoring, now, onRestored }: Props) {
  const [confirming, setConfirming] = useState<RuleSetVersion | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore(version: number) {
    setPending(true);
    setError(null);
    const result = await restoreRuleSetAction({ version });
    setPending(false);
    if (result.ok) onRestored(result.data);
    else setError(result.error.message);
  }

  return (
    <section aria-labelledby="history-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 id="history-heading" className="text-base font-semibold text-slate-900">
          Version history
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">Versions are never changed once saved. Restoring one saves its rules again as a new version.</p>
      </header>
      {error && (
        <p role="alert" className="mx-5 mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <ol className="divide-y divide-slate-100">
        {versions.map((version) => (
          <li key={version.version} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3" data-testid="rule-set-version">
            <span className="w-10 font-mono text-sm font-semibold text-slate-900">v{version.version}</span>
            <div className="min-w-0 flex-1">
              <p className="text-sm text-slate-800">
                {version.note ?? <span className="text-slate-500">No note</span>}
                {version.active && <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span>}
              </p>
              <p className="text-xs text-slate-500">
                {version.createdByName ?? "Installed with Leadgate"} · <Timestamp iso={version.createdAt} now={now} />
              </p>
            </div>
            {!version.active && (
              <Button variant="secondary" disabled={pending || rescoring} onClick={() => setConfirming(version)} aria-label={`Restore v${version.version}`}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>
      {confirming && (
        <ConfirmDialog
          title={`Restore v${confirming.version}?`}
          confirmLabel={`Restore as v${nextVersion}`}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const { version } = confirming;
            setConfirming(null);
            void restore(version);
          }}
        >
          Its rules become v{nextVersion}, the active version, and every lead is re-scored with them. Edits you haven&apos;t saved on this page are discarded.
        </ConfirmDialog>
      )}
    </section>
  );
}
