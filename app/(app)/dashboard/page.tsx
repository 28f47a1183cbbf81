import type { Metadata } from "next";
import { CalibrationSection } from "@/components/dashboard/calibration-section";
import { CohortsSection } from "@/components/dashboard/cohorts-section";
import { DashboardFiltersBar } from "@/components/dashboard/dashboard-filters";
import { overdueLeadsHref, parseDashboardQuery } from "@/components/dashboard/dashboard-query";
import { formatRange } from "@/components/dashboard/format";
import { FunnelSection } from "@/components/dashboard/funnel-section";
import { RepsSection } from "@/components/dashboard/reps-section";
import { SlaSection } from "@/components/dashboard/sla-section";
import { SpeedToLeadSection } from "@/components/dashboard/speed-to-lead-section";
import { SourcesSection } from "@/components/dashboard/sources-section";
import { SummaryTiles } from "@/components/dashboard/summary-tiles";
import { TrendSection } from "@/components/dashboard/trend-section";
import { VelocitySection } from "@/components/dashboard/velocity-section";
import { WonBySourceSection } from "@/components/dashboard/won-by-source-section";
import { WonValueSection } from "@/components/dashboard/won-value-section";
import { leadFilterOptions } from "@/lib/server/leads/lead-table";
import { dashboardMetrics } from "@/lib/server/metrics/metrics";
import { leadOwnerOptions } from "@/lib/server/settings/reference-data";
import { requirePermission } from "@/lib/server/auth/require-user";
import { listUsers } from "@/lib/server/admin/users";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("dashboard.view");
  const now = new Date();
  const { filters, preset, errors } = parseDashboardQuery(await searchParams, now);
  const [metrics, options, owners, users] = await Promise.all([dashboardMetrics(filters, now), leadFilterOptions(), leadOwnerOptions(), listUsers()]);
  // Reps who have left still have moves in the figures, so names come from every user.
  const people = Object.fromEntries(users.map((user) => [user.id, user.name]));

  return (
    <div className="mx-auto max-w-[1600px] space-y-4 px-4 py-5 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-sm text-slate-600" data-testid="dashboard-range">
          {formatRange(filters)} (UTC)
        </p>
      </div>
      <p className="text-sm text-slate-600">Where the funnel works and where it leaks. &ldquo;By now&rdquo; counts progress up to today, even after the range.</p>
      <DashboardFiltersBar filters={filters} preset={preset} errors={errors} options={options} owners={owners} />
      <SummaryTiles metrics={metrics} overdueHref={overdueLeadsHref(filters)} />
      <div className="grid gap-4 lg:grid-cols-2">
        <FunnelSection steps={metrics.funnel} filters={filters} />
        <TrendSection trend={metrics.trend} filters={filters} />
        <VelocitySection velocity={metrics.velocity} filters={filters} />
        <SlaSection sla={metrics.sla} filters={filters} people={people} />
        <SpeedToLeadSection speed={metrics.speedToLead} filters={filters} people={people} />
        <SourcesSection sources={metrics.sources} campaigns={metrics.campaigns} filters={filters} />
        <RepsSection reps={metrics.reps} filters={filters} people={people} />
        <CohortsSection cohorts={metrics.cohorts} filters={filters} />
        <CalibrationSection bands={metrics.calibration} filters={filters} />
        <WonBySourceSection sources={metrics.sources} filters={filters} />
        <WonValueSection wonValue={metrics.wonValue} people={people} />
      </div>
    </div>
  );
}
