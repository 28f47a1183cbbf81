import type { Metadata } from "next";
import { BoardToolbar } from "@/components/board/board-toolbar";
import { FunnelBoard } from "@/components/board/funnel-board";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ScoreLegend } from "@/components/score/score-legend";
import { ToastProvider } from "@/components/ui/toast";
import { parseBoardSort, parseOwnerFilter } from "@/lib/core/board";
import { normalizeSearch } from "@/lib/core/lead-search";
import { parsePercent } from "@/lib/core/probability";
import { ACTIVE_STAGES, OUTCOME_STAGES } from "@/lib/core/stages";
import { countByStage, loadBoard } from "@/lib/server/funnel/board";
import { activeDisqualificationReasons, activeReasons, leadOwnerOptions } from "@/lib/server/settings/reference-data";
import { requirePermission } from "@/lib/server/auth/require-user";
import { activeModelSummary } from "@/lib/server/scoring/models";
import { qualificationChecklist } from "@/lib/server/settings/workflow-settings";

export const metadata: Metadata = { title: "Funnel board" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function BoardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("leads.view");
  const params = await searchParams;
  const owner = first(params.owner);
  const search = first(params.q);
  const showOutcomes = first(params.outcomes) === "1";
  const sort = parseBoardSort(first(params.sort));
  const probMin = parsePercent(first(params.probMin));
  const filters = { owner: parseOwnerFilter(owner, user.id), search: normalizeSearch(search), probMin };
  const stages = showOutcomes ? [...ACTIVE_STAGES, ...OUTCOME_STAGES] : ACTIVE_STAGES;

  const [columns, outcomeCounts, owners, reasons, rejectReasons, checklist, activeModel] = await Promise.all([
    loadBoard(stages, filters, sort),
    showOutcomes ? null : countByStage(OUTCOME_STAGES, filters),
    leadOwnerOptions(),
    activeDisqualificationReasons(),
    activeReasons("reject"),
    qualificationChecklist(),
    activeModelSummary(),
  ]);

  return (
    <ToastProvider>
      <div className="flex h-[calc(100vh-3.5rem)] flex-col">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 pt-4 sm:px-6">
          <div className="flex items-baseline gap-3">
            <h1 className="text-xl font-semibold tracking-tight">Funnel board</h1>
            <LiveRefresh />
          </div>
          <ScoreLegend />
          {first(params.denied) === "1" && (
            <p role="alert" className="text-sm text-red-700">
              Your role doesn&apos;t have access to that page.
            </p>
          )}
        </div>
        <BoardToolbar
          key={`${owner}|${search}|${sort}|${probMin}`}
          owner={owner}
          search={search}
          sort={sort}
          probMin={probMin}
          modelActive={activeModel !== null}
          showOutcomes={showOutcomes} outcomeCounts={outcomeCounts} owners={owners} viewerRole={user.role} />
        <div className="min-h-0 flex-1">
          <FunnelBoard
            key={`${owner}|${search}|${sort}|${probMin}|${showOutcomes}`}
            initialColumns={columns}
            viewer={{ id: user.id, role: user.role }}
            reps={owners}
            reasons={reasons}
            rejectReasons={rejectReasons}
            checklist={checklist}
            filters={{ owner: owner || undefined, search: search || undefined, probMin }}
            sort={sort}
            now={new Date().toISOString()}
          />
        </div>
      </div>
    </ToastProvider>
  );
}
