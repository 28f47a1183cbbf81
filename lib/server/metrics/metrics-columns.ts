import "server-only";
import type { MetricsLead } from "@/lib/core/metrics/types";
import type { Stage } from "@/lib/core/stages";

/*
 * The dashboard's reads come back column by column (one JSON array per column, on either engine:
 * metrics-store.ts, postgres-metrics-store.ts); these turn the columns into rows.
 */

/** The leads, from their columns in LEAD_COLUMNS order. */
export function leadsOf(columns: unknown[][]): MetricsLead[] {
  const [id, createdAt, source, campaign, industry, country, companySize, ownerId, stage, totalScore, stageEnteredAt, firstEventAt] = columns;
  const leads: MetricsLead[] = new Array(id.length);
  for (let i = 0; i < id.length; i++) {
    leads[i] = {
      id: id[i] as string,
      createdAt: createdAt[i] as number,
      source: source[i] as string | null,
      campaign: campaign[i] as string | null,
      industry: industry[i] as string | null,
      country: country[i] as string | null,
      companySize: companySize[i] as number | null,
      ownerId: ownerId[i] as string | null,
      stage: stage[i] as Stage,
      totalScore: totalScore[i] as number,
      stageEnteredAt: stageEnteredAt[i] as number,
      firstEventAt: firstEventAt[i] as number | null,
    };
  }
  return leads;
}
