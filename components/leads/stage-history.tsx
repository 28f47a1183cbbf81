import { formatDealValue } from "@/lib/core/deal";
import { MOVE_TABLE } from "@/lib/core/funnel";
import type { ChecklistItem } from "@/lib/core/qualification";
import type { StageHistoryEntry } from "@/lib/views/leads";
import { SectionCard } from "./section-card";
import { StageBadge } from "./stage-badge";
import { Timestamp } from "./timestamp";

const moveLabel = (move: string) => MOVE_TABLE.find((rule) => rule.move === move)?.label ?? move;

/** An answer whose item was since removed from the checklist: "decision_process" → "Decision process". */
const readableKey = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replaceAll("_", " ");

/** Every answer given, labelled as the checklist calls it today, in its order; removed items last. */
function Checklist({ answers, checklist }: { answers: Record<string, boolean>; checklist: readonly ChecklistItem[] }) {
  const labels = new Map(checklist.map((item, index) => [item.key, { label: item.label, order: index }]));
  const items = Object.keys(answers)
    .map((key) => ({ key, label: labels.get(key)?.label ?? readableKey(key), order: labels.get(key)?.order ?? checklist.length }))
    .sort((a, b) => a.order - b.order);
  return (
    <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label="Qualification checklist">
      {items.map((item) => (
        <li
          key={item.key}
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${answers[item.key] ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-500 line-through"}`}
        >
          {item.label}
          <span className="sr-only">{answers[item.key] ? ": confirmed" : ": not confirmed"}</span>
        </li>
      ))}
    </ul>
  );
}

function HistoryItem({ entry, checklist, now }: { entry: StageHistoryEntry; checklist: readonly ChecklistItem[]; now: string }) {
  return (
    <li className="relative pb-4 pl-5" data-testid="stage-history-entry">
      <span aria-hidden="true" className={`absolute -left-[5px] top-1.5 size-2.5 rounded-full ring-2 ring-white ${entry.automatic ? "bg-slate-400" : "bg-brand-500"}`} />
      <p className="flex flex-wrap items-center gap-1.5 text-sm">
        <StageBadge stage={entry.fromStage} />
        <span aria-hidden="true">→</span>
        <span className="sr-only">to</span>
        <StageBadge stage={entry.toStage} />
        <span className="font-medium text-slate-900">{moveLabel(entry.move)}</span>
      </p>
      <p className="mt-1 text-xs text-slate-600">
        <span className={entry.automatic ? "italic" : "font-medium text-slate-700"}>{entry.actorName}</span> · <Timestamp iso={entry.createdAt} now={now} />
      </p>
      {entry.reasonLabel && <p className="mt-1 text-sm text-slate-800">Reason: {entry.reasonLabel}</p>}
      {entry.reason && <blockquote className="mt-1 border-l-2 border-slate-200 pl-2 text-sm text-slate-700">{entry.reason}</blockquote>}
      {entry.checklist && <Checklist answers={entry.checklist} checklist={checklist} />}
      {entry.deal && (
        <p className="mt-1 text-sm text-slate-800" data-testid="won-deal">
          Deal value {formatDealValue(entry.deal.value)} · closed on <time dateTime={entry.deal.closedOn}>{entry.deal.closedOn}</time>
        </p>
      )}
    </li>
  );
}

/** Every stage change, newest first, ending with when the lead arrived. */
export function StageHistory({ history, checklist, createdAt, now }: { history: StageHistoryEntry[]; checklist: readonly ChecklistItem[]; createdAt: string; now: string }) {
  return (
    <SectionCard id="history" title="Stage history" summary={history.length > 0 ? `${history.length} ${history.length === 1 ? "change" : "changes"}` : null}>
      <ol className="ml-1 border-l border-slate-200">
        {history.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} checklist={checklist} now={now} />
        ))}
        <li className="relative pl-5">
          <span aria-hidden="true" className="absolute -left-[5px] top-1.5 size-2.5 rounded-full bg-slate-300 ring-2 ring-white" />
          <p className="text-sm text-slate-700">Lead created</p>
          <p className="mt-1 text-xs text-slate-600">
            <Timestamp iso={createdAt} now={now} />
          </p>
        </li>
      </ol>
    </SectionCard>
  );
}
