import "server-only";
import { setImmediate as yieldToServer } from "node:timers/promises";
import { backtestRules } from "@/lib/core/scoring-lab/backtest";
import type { LabLead, LabeledHistory, Target } from "@/lib/core/scoring-lab/outcomes";
import { labelHistory, splitByOutcomeTime } from "@/lib/core/scoring-lab/outcomes";
import { HOLDOUT_SHARE } from "@/lib/core/scoring-lab/model";
import type { LabSettings } from "@/lib/core/scoring-lab/settings";
import { DEFAULT_LAB_SETTINGS, labSettingsSchema } from "@/lib/core/scoring-lab/settings";
import type { Evidence } from "@/lib/core/scoring-lab/suggest";
import { suggestRules } from "@/lib/core/scoring-lab/suggest";
import type { ScoringEvent, ScoringRules } from "@/lib/core/scoring/types";
import { isStage } from "@/lib/core/stages";
import { SETTING_KEYS, readSetting } from "@/lib/core/workflow-settings";
import type { BacktestAnswer } from "@/lib/views/scoring";
import { AppError } from "../errors";
import { leadAttributes, scoringEvent } from "./lead-scoring";
import { labStore } from "./lab-store";
import { settingsStore } from "../settings/settings-store";
import { reads } from "../store/database";
import { saveSettingNow } from "../settings/workflow-settings";

export async function labSettings(): Promise<LabSettings> {
  return readSetting(labSettingsSchema, await settingsStore.value(reads(), SETTING_KEYS.scoringLab), DEFAULT_LAB_SETTINGS);
}

export async function saveLabSettings(settings: LabSettings, userId: string): Promise<LabSettings> {
  await saveSettingNow(SETTING_KEYS.scoringLab, settings, userId);
  return settings;
}

export type LabQuery = { target: Target; maturityDays: number; now: number };

/**
 * Every lead with an outcome for the target, with its stage entries and events, read in three
 * passes over the tables. Events are read only for the leads that have an outcome.
 */
export async function labeledHistory(query: LabQuery): Promise<LabeledHistory> {
  const q = reads();
  const transitions = new Map<string, Array<{ toStage: LabLead["transitions"][number]["toStage"]; at: number }>>();
  for (const row of await labStore.transitions(q)) {
    if (!isStage(row.toStage)) continue;
    const list = transitions.get(row.leadId);
    if (list) list.push({ toStage: row.toStage, at: row.at });
    else transitions.set(row.leadId, [{ toStage: row.toStage, at: row.at }]);
  }
  const leads: LabLead[] = (await labStore.leads(q)).map((row) => ({
    id: row.id,
    attributes: leadAttributes(row),
    createdAt: row.createdAt,
    transitions: transitions.get(row.id) ?? [],
    events: [],
  }));
  const history = labelHistory(leads, query.target, query.now, query.maturityDays);
  const byLead = new Map<string, ScoringEvent[]>(history.labeled.map((lead) => [lead.id, lead.events as ScoringEvent[]]));
  await labStore.eachEvent(q, (row) => byLead.get(row.leadId)?.push(scoringEvent(row)));
  return history;
}

/** How `rules` would have ranked the leads of the history, each scored just before its outcome. */
export async function backtest(input: { rules: ScoringRules; target?: Target; maturityDays?: number; now?: Date }): Promise<BacktestAnswer> {
  const settings = await labSettings();
  const query = { target: input.target ?? settings.target, maturityDays: input.maturityDays ?? settings.maturityDays, now: (input.now ?? new Date()).getTime() };
  const history = await labeledHistory(query);
  return { ...backtestRules({ rules: input.rules, leads: history.labeled, target: query.target, pending: history.pending }), maturityDays: query.maturityDays, asOf: new Date(query.now).toISOString() };
}

export type SuggestionAnswer = {
  /** Ready to post to POST /api/v1/scoring/rule-sets as it is. */
  ruleSet: { note: string; rules: ScoringRules };
  /** The suggestion backtested on the newest fifth of the history, which it was not learned from. */
  backtest: BacktestAnswer;
  /** The active rules on the same leads, for comparison. */
  activeBacktest: BacktestAnswer;
  evidence: Record<string, Evidence>;
  learnedFrom: { leads: number; positives: number };
};

/**
 * Points learned from the older four fifths of the history, judged on the newest fifth: the
 * figures a marketer sees for a suggestion are never measured on the leads it came from.
 */
export async function suggestRuleSet(input: { active: ScoringRules; target?: Target; maturityDays?: number; now?: Date }): Promise<SuggestionAnswer> {
  const settings = await labSettings();
  const query = { target: input.target ?? settings.target, maturityDays: input.maturityDays ?? settings.maturityDays, now: (input.now ?? new Date()).getTime() };
  const history = await labeledHistory(query);
  const { training, holdout } = splitByOutcomeTime(history.labeled, HOLDOUT_SHARE);
  const trainingPositives = training.filter((lead) => lead.outcome.positive).length;
  if (trainingPositives === 0 || trainingPositives === training.length || !holdout.some((lead) => lead.outcome.positive)) {
    throw new AppError(
      "VALIDATION",
      `There isn't enough history to learn from yet: ${history.labeled.length} leads have an outcome, ${history.labeled.filter((lead) => lead.outcome.positive).length} of them reached ${query.target}. Import past leads with their outcomes (both those that reached ${query.target} and those that didn't).`,
    );
  }
  await yieldToServer();
  const suggestion = suggestRules({ leads: training, active: input.active });
  const asOf = new Date(query.now).toISOString();
  const judged = (rules: ScoringRules): BacktestAnswer => ({
    ...backtestRules({ rules, leads: holdout, target: query.target, pending: history.pending }),
    maturityDays: query.maturityDays,
    asOf,
  });
  return {
    ruleSet: {
      note: `Suggested from ${training.length} past leads (${trainingPositives} reached ${query.target}), ${asOf.slice(0, 10)}`.slice(0, 200),
      rules: suggestion.rules,
    },
    backtest: judged(suggestion.rules),
    activeBacktest: judged(input.active),
    evidence: suggestion.evidence,
    learnedFrom: { leads: training.length, positives: trainingPositives },
  };
}
