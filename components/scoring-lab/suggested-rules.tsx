import type { Target } from "@/lib/core/scoring-lab/outcomes";
import type { Evidence } from "@/lib/core/scoring-lab/suggest";
import type { ScoringRules } from "@/lib/core/scoring/types";
import type { LabColumn } from "./lab-table";
import { LabTable } from "./lab-table";
import { formatCount, formatPoints, formatRate, plural, targetWords } from "./lab-format";

type Row = { id: string; label: string; points: number; detail: string | null; evidence: Evidence | undefined };

const signed = (points: number) => (points > 0 ? `+${formatPoints(points)}` : formatPoints(points));

/** The suggested points with what each was learned from: how many leads had it, and how many of them reached the target. */
export function SuggestedRules({ rules, evidence, target }: { rules: ScoringRules; evidence: Readonly<Record<string, Evidence>>; target: Target }) {
  const words = targetWords(target);
  const columns: LabColumn<Row>[] = [
    { header: "Rule", cell: (row) => (row.detail ? `${row.label} (${row.detail})` : row.label) },
    { header: "Points", cell: (row) => signed(row.points), numeric: true },
    { header: "Leads with it", cell: (row) => (row.evidence ? formatCount(row.evidence.leads) : "—"), numeric: true },
    { header: words.label, cell: (row) => (row.evidence ? formatCount(row.evidence.positives) : "—"), numeric: true },
    { header: "Rate", cell: (row) => formatRate(row.evidence?.rate ?? null), numeric: true },
  ];
  const fit: Row[] = rules.fit.map((rule) => ({ id: rule.id, label: rule.label, points: rule.points, detail: null, evidence: evidence[rule.id] }));
  const engagement: Row[] = rules.engagement.map((rule) => ({
    id: rule.id,
    label: rule.label,
    points: rule.points,
    detail: [rule.cap ? `at most ${formatPoints(rule.cap.points)} in ${rule.cap.windowDays} days` : null, rule.halfLifeDays ? `halves every ${rule.halfLifeDays} days` : null]
      .filter(Boolean)
      .join(", ") || null,
    evidence: evidence[rule.id],
  }));
  return (
    <div className="space-y-4" data-testid="suggested-rules">
      <h4 className="text-sm font-semibold text-slate-900">The suggested rules, with the past leads behind each</h4>
      <details className="rounded-lg border border-slate-200 px-4 py-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          Show the {plural(rules.fit.length, "fit rule", "fit rules")} and {plural(rules.engagement.length, "engagement rule", "engagement rules")}
        </summary>
        <div className="mt-3 space-y-4">
          <RuleTable title="Fit rules" empty="No field made a clear difference." caption="Suggested fit rules with the leads behind them" columns={columns} rows={fit} />
          <RuleTable title="Engagement rules" empty="No event made a clear difference." caption="Suggested engagement rules with the leads behind them" columns={columns} rows={engagement} />
        </div>
      </details>
      <p className="text-sm text-slate-700">
        MQL at <strong>{formatPoints(rules.threshold.total)} points</strong>: as large a share of the past leads passes as under the active rules.{" "}
        {rules.disqualify.length > 0 && `The ${plural(rules.disqualify.length, "disqualifying rule is", "disqualifying rules are")} kept as they are: they state policy, not likelihood.`}
      </p>
    </div>
  );
}

function RuleTable({ title, empty, caption, columns, rows }: { title: string; empty: string; caption: string; columns: LabColumn<Row>[]; rows: Row[] }) {
  return (
    <div>
      <h5 className="text-sm font-semibold text-slate-900">
        {title} ({rows.length})
      </h5>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{empty}</p> : <LabTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} />}
    </div>
  );
}
