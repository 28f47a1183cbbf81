import "server-only";
import type { ChecklistItem } from "@/lib/core/qualification";
import type { RoutingRules, SlaSettings } from "@/lib/core/workflow-settings";
import {
  DEFAULT_ROUTING_RULES,
  DEFAULT_SLA_SETTINGS,
  SETTING_KEYS,
  readChecklist,
  readSetting,
  routingRulesSchema,
  slaSettingsSchema,
} from "@/lib/core/workflow-settings";
import type { FieldErrors } from "../errors";
import { AppError } from "../errors";
import { activeSalesRepIds } from "./reference-data";
import { settingsStore } from "./settings-store";
import { reads, transaction } from "../store/database";
import type { Queryable, Tx } from "../store/transaction";

export async function routingRules(q: Queryable = reads()): Promise<RoutingRules> {
  return readSetting(routingRulesSchema, await settingsStore.value(q, SETTING_KEYS.routing), DEFAULT_ROUTING_RULES);
}

export async function slaSettings(q: Queryable = reads()): Promise<SlaSettings> {
  return readSetting(slaSettingsSchema, await settingsStore.value(q, SETTING_KEYS.sla), DEFAULT_SLA_SETTINGS);
}

export async function qualificationChecklist(q: Queryable = reads()): Promise<readonly ChecklistItem[]> {
  return readChecklist(await settingsStore.value(q, SETTING_KEYS.checklist));
}

/** Stores a setting that the caller has already validated, recording who changed it. */
function saveSetting(tx: Tx, key: string, value: unknown, userId: string): Promise<void> {
  return settingsStore.save(tx, key, JSON.stringify(value), userId);
}

/** Stores one validated setting in its own transaction. */
export async function saveSettingNow(key: string, value: unknown, userId: string): Promise<void> {
  await transaction((tx) => saveSetting(tx, key, value, userId));
}

export async function saveSlaSettings(settings: SlaSettings, userId: string): Promise<SlaSettings> {
  await saveSettingNow(SETTING_KEYS.sla, settings, userId);
  return settings;
}

/** Saves the routing rules once every rep they name is an active sales rep; otherwise says which, per territory. */
export async function saveRoutingRules(rules: RoutingRules, userId: string): Promise<RoutingRules> {
  return transaction(async (tx) => {
    const active = new Set(await activeSalesRepIds(tx));
    const unknownIds = [...new Set(rules.territories.flatMap((territory) => territory.repIds.filter((id) => !active.has(id))))];
    if (unknownIds.length > 0) {
      const names = await settingsStore.userNames(tx, unknownIds);
      const fieldErrors: FieldErrors = {};
      rules.territories.forEach((territory, index) => {
        const inactive = territory.repIds.filter((id) => !active.has(id)).map((id) => names.get(id) ?? "A removed user");
        if (inactive.length > 0) {
          fieldErrors[`territories.${index}.repIds`] = `${inactive.join(", ")} ${inactive.length === 1 ? "is not an active sales rep" : "are not active sales reps"}; remove them from ${territory.name}.`;
        }
      });
      throw new AppError("VALIDATION", `Territories can only name active sales reps. ${Object.values(fieldErrors).join(" ")}`, fieldErrors);
    }
    await saveSetting(tx, SETTING_KEYS.routing, rules, userId);
    return rules;
  });
}

export async function saveQualificationChecklist(items: ChecklistItem[], userId: string): Promise<ChecklistItem[]> {
  await saveSettingNow(SETTING_KEYS.checklist, items, userId);
  return items;
}
