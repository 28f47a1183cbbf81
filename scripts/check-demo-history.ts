// Checks that the demo's year of history gives the scoring lab something true to find: the default
// rules rank the WON outcome only moderately (they miss part of the planted signal) and a model
// trained on the history does clearly better on leads it never saw.
// Usage: npx tsx --conditions=react-server scripts/check-demo-history.ts [--anchor 2026-11-24]
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { backtestRules } from "../lib/core/scoring-lab/backtest";
import { HOLDOUT_SHARE, trainModel } from "../lib/core/scoring-lab/model";
import { suggestRules } from "../lib/core/scoring-lab/suggest";
import type { LabLead, Target } from "../lib/core/scoring-lab/outcomes";
import { DEFAULT_MATURITY_DAYS, labelHistory, splitByOutcomeTime } from "../lib/core/scoring-lab/outcomes";
import { DEFAULT_SCORING_RULES } from "../lib/core/scoring/default-rules";
import type { Dataset } from "../prisma/seed/generate";
import { generateDemoDataset, generateHistory } from "../prisma/seed/history";
import { DEMO_HISTORY_COUNT, DEMO_LEAD_COUNT, demoAnchor } from "../prisma/seed/seed-demo";

/** The generated rows as the lab reads them from the database. */
export function labLeadsOf(dataset: Dataset): LabLead[] {
  const byLead = new Map<string, LabLead>();
  for (const lead of dataset.leads) {
    byLead.set(lead.id, {
      id: lead.id,
      attributes: { ...lead, customFields: JSON.parse(lead.customFields) },
      createdAt: lead.createdAt.getTime(),
      transitions: [],
      events: [],
    });
  }
  for (const transition of dataset.transitions) (byLead.get(transition.leadId)!.transitions as Array<LabLead["transitions"][number]>).push({ toStage: transition.toStage, at: transition.createdAt.getTime() });
  dataset.events.forEach((event, index) =>
    (byLead.get(event.leadId)!.events as LabLead["events"][number][]).push({ id: String(index), type: event.type, occurredAt: event.occurredAt, properties: JSON.parse(event.properties) }),
  );
  return [...byLead.values()];
}

export type LabFigures = { target: Target; labeled: number; positives: number; pending: number; rulesAuc: number | null; modelAuc: number | null; rulesAucOnHoldout: number | null; suggestionAuc: number | null };

export function labFigures(leads: readonly LabLead[], target: Target, now: number): LabFigures {
  const { labeled, pending } = labelHistory(leads, target, now, DEFAULT_MATURITY_DAYS);
  const backtest = backtestRules({ rules: DEFAULT_SCORING_RULES, leads: labeled, target, pending });
  const trained = trainModel({ leads: labeled, pending, target, rules: DEFAULT_SCORING_RULES });
  if (!trained.ok) throw new Error(trained.error);
  // As the lab does: points learned on the older leads, judged on the newest fifth.
  const { training, holdout } = splitByOutcomeTime(labeled, HOLDOUT_SHARE);
  const suggestion = suggestRules({ leads: training, active: DEFAULT_SCORING_RULES });
  return {
    target,
    labeled: labeled.length,
    positives: backtest.leads.positives,
    pending,
    rulesAuc: backtest.auc,
    modelAuc: trained.evaluation.holdout.auc,
    rulesAucOnHoldout: trained.evaluation.rulesAuc,
    suggestionAuc: backtestRules({ rules: suggestion.rules, leads: holdout, target, pending: 0 }).auc,
  };
}

function main() {
  const { values } = parseArgs({ options: { anchor: { type: "string" } } });
  const anchor = values.anchor ? new Date(`${values.anchor}T00:00:00Z`) : demoAnchor();
  const started = Date.now();
  const demo = generateDemoDataset({ anchor, leadCount: DEMO_LEAD_COUNT, historyCount: DEMO_HISTORY_COUNT });
  const history = generateHistory({ count: DEMO_HISTORY_COUNT, anchor });
  console.log(`Anchor ${anchor.toISOString().slice(0, 10)}: ${demo.leads.length} leads, ${demo.events.length} events, generated in ${Date.now() - started} ms`);
  const everything = labLeadsOf(demo);
  const format = (value: number | null) => (value === null ? "n/a" : value.toFixed(3));
  let ok = true;
  for (const [name, leads] of [["whole demo", everything], ["past leads only", labLeadsOf(history)]] as const) {
    for (const target of ["WON", "SQL"] as const) {
      const figures = labFigures(leads, target, anchor.getTime());
      console.log(
        `${name.padEnd(16)} ${target}: ${figures.labeled} leads with an outcome (${figures.positives} positive, ${figures.pending} pending) · ` +
          `default rules AUC ${format(figures.rulesAuc)} · model held-out AUC ${format(figures.modelAuc)} (rules on the same held-out leads ${format(figures.rulesAucOnHoldout)}) · suggested points held-out AUC ${format(figures.suggestionAuc)}`,
      );
      if (name === "whole demo" && target === "WON") {
        ok = figures.rulesAuc !== null && figures.modelAuc !== null && figures.rulesAuc >= 0.55 && figures.rulesAuc <= 0.75 && figures.modelAuc > figures.rulesAuc + 0.05;
      }
    }
  }
  console.log(`Took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) {
    console.error("The demo history no longer shows what it should: default rules AUC for WON between 0.55 and 0.75, and the model clearly above it.");
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
