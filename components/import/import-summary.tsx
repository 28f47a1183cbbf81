import type { ImportKind } from "@/lib/core/csv-import";
import type { ImportSummary } from "@/lib/views/ingest";

const count = (value: number) => value.toLocaleString("en");

type Tile = { key: "created" | "updated" | "duplicates" | "failed"; label: string; meaning: string; tone: keyof typeof TONES };

/** The summary's tiles per kind, what each means, and what the "leads" line counts; each row of the file lands in exactly one tile. */
const TILES: Record<ImportKind, Tile[]> = {
  leads: [
    { key: "created", label: "New leads", meaning: "E-mails Leadgate didn't know: a lead was created.", tone: "good" },
    { key: "updated", label: "Existing leads updated", meaning: "E-mails Leadgate knew: the file's filled cells were written to the lead.", tone: "good" },
    { key: "duplicates", label: "Repeated e-mails, merged", meaning: "Later rows for an e-mail the file already had, merged into that lead.", tone: "neutral" },
    { key: "failed", label: "Bad rows, not imported", meaning: "Rows with a problem, listed below; nothing of them was imported.", tone: "bad" },
  ],
  events: [
    { key: "created", label: "Events added", meaning: "New events, each scored on its lead (a lead is created for an unknown e-mail).", tone: "good" },
    { key: "duplicates", label: "Already imported, skipped", meaning: "Events Leadgate already had, from this file or an earlier import.", tone: "neutral" },
    { key: "failed", label: "Bad rows, not imported", meaning: "Rows with a problem, listed below; nothing of them was imported.", tone: "bad" },
  ],
  history: [
    { key: "created", label: "Past leads added", meaning: "E-mails Leadgate didn't know: the lead and its stages were added.", tone: "good" },
    { key: "updated", label: "Known leads updated", meaning: "E-mails Leadgate knew: the stages it lacked were added to the lead.", tone: "good" },
    { key: "failed", label: "Bad rows, not imported", meaning: "Rows with a problem, listed below; nothing of them was imported.", tone: "bad" },
  ],
};

const TONES = { good: "text-emerald-700", neutral: "text-slate-900", bad: "text-red-700" } as const;

/** What happened to every row of the file, in tiles that add up to the rows read. */
export function ImportSummaryTiles({ kind, summary }: { kind: ImportKind; summary: ImportSummary }) {
  const tiles = TILES[kind];
  return (
    <div>
      <p className="text-sm text-slate-700" data-testid="import-reconciliation">
        <span className="font-semibold tabular-nums">{count(summary.total)}</span> {summary.total === 1 ? "row" : "rows"} read{" = "}
        {tiles.map((tile, index) => (
          <span key={tile.key}>
            {index > 0 && " + "}
            <span className="tabular-nums">{count(summary[tile.key])}</span> {tile.label.toLowerCase()}
          </span>
        ))}
      </p>
      <dl className={`mt-3 grid gap-3 sm:grid-cols-2 ${tiles.length === 4 ? "lg:grid-cols-4" : "lg:grid-cols-3"}`} data-testid="import-summary">
        {tiles.map((tile) => {
          const value = summary[tile.key];
          return (
            <div key={tile.key} className="flex flex-col rounded-lg border border-slate-200 px-4 py-3">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">
                {tile.label}
                <span className="mt-1 block text-xs font-normal normal-case tracking-normal text-slate-600">{tile.meaning}</span>
              </dt>
              <dd className={`order-first text-2xl font-semibold tabular-nums ${value > 0 ? TONES[tile.tone] : "text-slate-900"}`}>{count(value)}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
