import Link from "next/link";
import type { Target } from "@/lib/core/scoring-lab/outcomes";
import { plural, targetWords } from "./lab-format";

/** No lead has an outcome yet: what the lab needs, and the two ways to bring it in. */
export function HistoryEmptyState({ target, pending, maturityDays }: { target: Target; pending: number; maturityDays: number }) {
  const words = targetWords(target);
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-5 py-6 text-sm text-slate-700" data-testid="lab-empty-history">
      <p className="font-medium text-slate-900">No past leads with an outcome yet.</p>
      <p className="mt-1">
        The lab learns from leads whose outcome you know: those that {words.reached} and those that didn&apos;t (lost, disqualified, or open for more than {maturityDays} days).
        {pending > 0 && ` ${plural(pending, "lead is", "leads are")} younger than that and still open.`}
      </p>
      <p className="mt-2">
        Bring in your history: upload a CSV on the{" "}
        <Link href="/import" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Import page
        </Link>
        , or send past leads with their events and stage dates to <code className="rounded bg-white px-1 text-xs">POST /api/v1/history</code> (see the{" "}
        <Link href="/api-docs" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          API reference
        </Link>
        ).
      </p>
    </div>
  );
}
