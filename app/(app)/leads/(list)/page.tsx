import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LeadTableView } from "@/components/lead-table/lead-table-view";
import { ToastProvider } from "@/components/ui/toast";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { builtInViews, defaultViewFor } from "@/lib/core/saved-views";
import { activeRuleSet } from "@/lib/server/scoring/lead-scoring";
import { leadFilterOptions, loadLeadTable } from "@/lib/server/leads/lead-table";
import { activeDisqualificationReasons, leadOwnerOptions } from "@/lib/server/settings/reference-data";
import { requirePermission } from "@/lib/server/auth/require-user";
import { listSavedViews } from "@/lib/server/leads/saved-views";

export const metadata: Metadata = { title: "Leads" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("leads.view");
  const params = await searchParams;
  const threshold = (await activeRuleSet()).rules.threshold.total;
  // Opening the table without a query opens the role's default view, as a shareable link.
  if (Object.keys(params).length === 0) redirect(`/leads?${defaultViewFor(user.role, threshold).query}`);

  const { state, ignored } = parseLeadTableQuery(params);
  const now = new Date();
  const [page, savedViews, owners, filterOptions, reasons] = await Promise.all([
    loadLeadTable(state, user.id, now),
    listSavedViews(user.id),
    leadOwnerOptions(),
    leadFilterOptions(),
    activeDisqualificationReasons(),
  ]);

  return (
    <ToastProvider>
      <LeadTableView
        state={{ ...state, page: page.page }}
        page={page}
        ignored={ignored}
        viewer={{ id: user.id, role: user.role }}
        builtInViews={builtInViews(threshold)}
        savedViews={savedViews}
        owners={owners}
        filterOptions={filterOptions}
        reasons={reasons}
        now={now.toISOString()}
      />
    </ToastProvider>
  );
}
