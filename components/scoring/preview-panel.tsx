import Link from "next/link";
import type { RulesPreview } from "@/lib/views/scoring";

const number = new Intl.NumberFormat("en-US");
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const plural = (count: number, one: string, many: string) => `${number.format(count)} ${count === 1 ? one : many}`;

type Props = { preview: RulesPreview | null; loading: boolean; stale: boolean; headingId: string };

/** What saving would do: the counts the re-score would produce, and a few leads it would promote. */
export function PreviewPanel({ preview, loading, stale, headingId }: Props) {
  return (
    <section aria-labelledby={headingId} aria-busy={loading} className="rounded-lg border border-slate-200 bg-slate-50/60 p-4" data-testid="rules-preview">
      <h3 id={headingId} tabIndex={-1} className="text-sm font-semibold text-slate-900 focus:outline-none">
        Preview
      </h3>
      {loading && (
        <p role="status" className="mt-2 flex items-center gap-2 text-sm text-slate-600">
          <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
          Scoring every lead with these rules…
        </p>
      )}
      {!loading && preview && (
        <div className={stale ? "opacity-60" : undefined}>
          {stale && <p className="mt-1 text-xs font-medium text-amber-800">You changed the rules since this preview; preview again to update it.</p>}
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label="Would become MQL" value={number.format(preview.becomeMql)} detail="leads now in LEAD" tone="brand" testId="preview-become-mql" />
            <Figure label="Disqualified automatically" value={number.format(preview.disqualified)} detail="leads in LEAD or MQL" />
            <Figure label="Scores up / down" value={`${number.format(preview.scoresUp)} / ${number.format(preview.scoresDown)}`} detail={`of ${plural(preview.leads, "lead", "leads")}`} />
            <Figure label="Average score" value={`${decimal.format(preview.averageBefore)} → ${decimal.format(preview.averageAfter)}`} detail={`v${preview.activeVersion} → these rules`} />
          </dl>
          <p className="mt-2 text-xs text-slate-500">Both sides are scored as of now, so the difference comes from your changes alone.</p>
          {preview.examples.length > 0 && <Examples preview={preview} />}
        </div>
      )}
    </section>
  );
}

function Figure({ label, value, detail, tone, testId }: { label: string; value: string; detail: string; tone?: "brand"; testId?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`mt-0.5 text-xl font-semibold tabular-nums ${tone === "brand" ? "text-brand-700" : "text-slate-900"}`} data-testid={testId}>
        {value}
      </dd>
      <dd className="text-xs text-slate-500">{detail}</dd>
    </div>
  );
}

function Examples({ preview }: { preview: RulesPreview }) {
  return (
    <div className="mt-4">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {preview.becomeMql > preview.examples.length ? `The ${preview.examples.length} highest-scoring of them` : "They are"}
      </h4>
      <ul className="mt-1.5 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label="Leads that would become MQL">
        {preview.examples.map((example) => (
          <li key={example.id} className="grid gap-x-4 gap-y-0.5 px-3 py-2 text-sm sm:grid-cols-[minmax(0,2fr)_6rem_minmax(0,3fr)] sm:items-baseline" data-testid="preview-example">
            <span className="min-w-0 truncate" title={[example.name, example.company].filter(Boolean).join(" · ")}>
              <Link href={`/leads/${example.id}`} className="font-medium text-brand-700 hover:underline">
                {example.name}
              </Link>
              {example.company && <span className="text-slate-500"> · {example.company}</span>}
            </span>
            <span className="tabular-nums text-slate-700">
              {example.totalBefore !== example.totalAfter && (
                <>
                  <span className="sr-only">score from </span>
                  {example.totalBefore} <span aria-hidden="true">→</span>
                  <span className="sr-only"> to</span>{" "}
                </>
              )}
              <strong className="font-semibold text-slate-900">{example.totalAfter}</strong> <span className="text-xs text-slate-500">points</span>
            </span>
            <span className="text-xs text-slate-500">{example.topContributions.map((item) => `${item.label} +${decimal.format(item.points)}`).join(" · ")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
