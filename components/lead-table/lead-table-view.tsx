"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { BulkOutcome } from "@/lib/core/bulk";
import type { LeadColumnId, LeadSort, LeadTableFilters, LeadTableState, PageSize } from "@/lib/core/lead-table";
import { leadTableQuery, withFilters } from "@/lib/core/lead-table";
import type { Role } from "@/lib/core/roles";
import type { BuiltInView } from "@/lib/core/saved-views";
import { bulkAssignAction, bulkMoveAction, matchingLeadIdsAction } from "@/lib/server/funnel/bulk-lead-actions";
import type { ActionResult } from "@/lib/server/errors";
import type { FilterOptions, LeadTablePage, SavedViewSummary } from "@/lib/views/leads";
import type { ReasonOption, UserOption } from "@/lib/views/settings";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ScoreLegend } from "@/components/score/score-legend";
import type { BulkRequest } from "./bulk-action-bar";
import { BulkActionBar } from "./bulk-action-bar";
import { BulkResults } from "./bulk-results";
import { FiltersPanel } from "./filters-panel";
import { ImportFilterNotice } from "./import-filter-notice";
import { LeadTableGrid } from "./lead-table-grid";
import { TablePagination } from "./table-pagination";
import { TableToolbar } from "./table-toolbar";
import { useBulkRunner } from "./use-bulk-runner";
import { useTableNavigation } from "./use-table-navigation";
import { ViewsBar } from "./views-bar";

type Props = {
  state: LeadTableState;
  page: LeadTablePage;
  ignored: string[];
  viewer: { id: string; role: Role };
  builtInViews: BuiltInView[];
  savedViews: SavedViewSummary[];
  owners: UserOption[];
  filterOptions: FilterOptions;
  reasons: ReasonOption[];
  now: string;
};

const numberFormat = new Intl.NumberFormat("en-US");

const BULK_LABELS: Record<BulkRequest["kind"], string> = { markMql: "Mark as MQL", assign: "Assign owner", disqualify: "Disqualify" };

/** The lead table page: views, filters, the rows, selection and bulk actions. Its state is the URL. */
export function LeadTableView({ state, page, ignored, viewer, builtInViews, savedViews, owners, filterOptions, reasons, now }: Props) {
  const router = useRouter();
  const { navigate, pending } = useTableNavigation();
  const bulk = useBulkRunner();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const exportForm = useRef<HTMLFormElement>(null);
  const filtersQuery = leadTableQuery(state, { includePage: false, includeView: false });

  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const go = (next: LeadTableState, keepSelection: boolean) => {
    if (!keepSelection) clearSelection();
    navigate(next);
  };
  const applyFilters = (filters: Partial<LeadTableFilters>) => {
    go(withFilters(state, filters), false);
    setFiltersOpen(false);
  };
  const changeSelection = (ids: string[], value: boolean) => {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (value) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };

  const runBulk = async (request: BulkRequest) => {
    const label = BULK_LABELS[request.kind];
    let ids = [...selected];
    if (allMatching) {
      const matching = await matchingLeadIdsAction({ query: filtersQuery });
      if (!matching.ok) return bulk.fail(label, matching.error.message);
      if (matching.data.total > matching.data.limit) {
        return bulk.fail(label, `The filter matches ${numberFormat.format(matching.data.total)} leads; one bulk action handles at most ${numberFormat.format(matching.data.limit)}. Narrow the filter and run it again. Nothing was changed.`);
      }
      ids = matching.data.ids;
    }
    const perform = (batch: string[]): Promise<ActionResult<BulkOutcome>> => {
      if (request.kind === "assign") return bulkAssignAction({ leadIds: batch, assigneeId: request.assigneeId });
      if (request.kind === "markMql") return bulkMoveAction({ leadIds: batch, move: "markMql" });
      return bulkMoveAction({ leadIds: batch, move: "disqualify", reasonCode: request.reasonCode, reason: request.note || undefined });
    };
    await bulk.start(label, ids, perform);
    clearSelection();
    router.refresh();
  };

  const count = allMatching ? page.total : selected.size;
  const allOnPageSelected = page.rows.length > 0 && page.rows.every((row) => selected.has(row.id));

  return (
    <div className="flex h-[calc(100vh-3.5rem)] flex-col">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 pt-4 sm:px-6">
        <h1 className="text-xl font-semibold tracking-tight">Leads</h1>
        <p className="text-sm text-slate-600" data-testid="lead-total">
          {numberFormat.format(page.total)} {page.total === 1 ? "lead" : "leads"}
        </p>
        <div className="ml-auto flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <ScoreLegend />
          <LiveRefresh />
        </div>
      </div>
      <ViewsBar builtIn={builtInViews} saved={savedViews} activeView={state.view} currentQuery={filtersQuery} />
      <TableToolbar
        filters={state.filters}
        columns={state.columns}
        filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen((open) => !open)}
        onFilters={applyFilters}
        onColumns={(columns: LeadColumnId[]) => go({ ...state, columns, view: null }, true)}
      />
      {filtersOpen && (
        <div id="lead-filters">
          <FiltersPanel key={filtersQuery} filters={state.filters} owners={owners} options={filterOptions} onApply={applyFilters} onClose={() => setFiltersOpen(false)} />
        </div>
      )}
      {state.filters.importJob && <ImportFilterNotice onClear={() => applyFilters({ importJob: null })} />}
      {ignored.length > 0 && (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-6">
          Some parts of this link were not understood and are ignored: {ignored.join(", ")}.
        </p>
      )}
      {bulk.run && <BulkResults run={bulk.run} onCancel={bulk.cancel} onDismiss={bulk.dismiss} />}
      {count > 0 && (
        <BulkActionBar
          count={count}
          allMatching={allMatching}
          matchingTotal={page.total}
          allOnPageSelected={allOnPageSelected}
          viewerRole={viewer.role}
          reps={owners}
          reasons={reasons}
          busy={bulk.run?.running ?? false}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={clearSelection}
          onRun={runBulk}
          onExport={() => exportForm.current?.requestSubmit()}
        />
      )}
      <form ref={exportForm} method="post" action="/leads/export" hidden>
        <input type="hidden" name="query" value={filtersQuery} />
        {!allMatching && <input type="hidden" name="ids" value={[...selected].join(",")} />}
      </form>
      <LeadTableGrid
        rows={page.rows}
        sort={state.sort}
        columns={state.columns}
        selected={selected}
        onSelectionChange={changeSelection}
        onSort={(sort: LeadSort) => go({ ...state, sort, page: 1, view: null }, true)}
        pending={pending}
        now={now}
        slaHours={page.slaHours}
        emptyMessage={state.filters.search ? `Nothing matches "${state.filters.search}" with these filters.` : "Try fewer filters, or another view."}
      />
      <TablePagination
        page={page.page}
        pageCount={page.pageCount}
        pageSize={state.pageSize}
        total={page.total}
        onPage={(next) => go({ ...state, page: next }, true)}
        onPageSize={(pageSize: PageSize) => go({ ...state, pageSize, page: 1 }, true)}
      />
    </div>
  );
}
