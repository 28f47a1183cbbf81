import { describe, expect, test } from "vitest";
import type { ScoringRules } from "@/lib/core/scoring/types";
import { db } from "@/lib/server/store/db";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { rescoreAllLeads } from "@/lib/server/scoring/rescore-all";
import { saveRuleSet } from "@/lib/server/scoring/rule-sets";

// No decay, so the same events score the same however much time passes between re-scores.
const rules = (viewPoints: number): ScoringRules => ({
  fit: [],
  engagement: [{ id: "views", label: "Page views", eventType: "page_view", points: viewPoints }],
  disqualify: [],
  threshold: { total: 90 },
});

const BACK_DATED = new Date("2026-01-01T00:00:00Z");
const email = "steady.score@prospect.example";
const leadTimes = () => db.lead.findUniqueOrThrow({ where: { email }, select: { updatedAt: true, scoredAt: true, totalScore: true } });

describe("re-scoring every lead", () => {
  test("leaves updatedAt alone when the score didn't change, and moves it when it did", async () => {
    await saveRuleSet({ rules: rules(5), userId: null });
    await ingestEvents([{ email, type: "page_view", occurredAt: "2026-10-01T12:00:00Z" }], { source: "api" });
    await rescoreAllLeads();
    // Back-dated, so a re-score that writes updatedAt certainly shows, however fast the test runs.
    await db.lead.updateMany({ data: { updatedAt: BACK_DATED, scoredAt: BACK_DATED } });

    await rescoreAllLeads();
    await rescoreAllLeads();
    const unchanged = await leadTimes();
    expect(unchanged.updatedAt).toEqual(BACK_DATED);
    expect(unchanged.scoredAt?.getTime()).toBeGreaterThan(BACK_DATED.getTime());

    await saveRuleSet({ rules: rules(7), userId: null });
    await rescoreAllLeads();
    const rescored = await leadTimes();
    expect(rescored.totalScore).toBe(7);
    expect(rescored.updatedAt.getTime()).toBeGreaterThan(BACK_DATED.getTime());
  });
});
