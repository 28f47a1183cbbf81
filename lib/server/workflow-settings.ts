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
import type { Tx } from "./db";
import { db } from "./db";
import type { FieldErrors } from "./errors";
import { AppError } from "./errors";
import { activeSalesRepIds } from "./reference-data";

async function storedValue(client: Tx, key: string): Promise<string | null> {
  const row = await client.setting.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

export async function routingRules(client: Tx = db): Promise<RoutingRules> {
  return readSetting(routingRulesSchema, await storedValue(client, SETTING_KEYS.routing), DEFAULT_ROUTING_RULES);
}

export async function slaSettings(client: Tx = db): Promise<SlaSettings> {
  return readSetting(slaSettingsSchema, await storedValue(client, SETTING_KEYS.sla), DEFAULT_SLA_SETTINGS);
}

export async function qualificationChecklist(client: Tx = db): Promise<readonly ChecklistItem[]> {
  return readChecklist(await storedValue(client, SETTING_KEYS.checklist));
}

/** Stores a setting that the caller has already validated, recording who changed it. */
export async function saveSetting(client: Tx, key: string, value: unknown, userId: string): Promise<void> {
  const json = JSON.stringify(value);
  await client.setting.upsert({ where: { key }, create: { key, value: json, updatedById: userId }, update: { value: json, updatedById: userId } });
}

/** Stores one validated setting in its own transaction. */
export async function saveSettingNow(key: string, value: unknown, userId: string): Promise<void> {
  await db.$transaction((tx) => saveSetting(tx, key, value, userId));
}

export async function saveSlaSettings(settings: SlaSettings, userId: string): Promise<SlaSettings> {
  await db.$transaction((tx) => saveSetting(tx, SETTING_KEYS.sla, settings, userId));
  return settings;
}

/** Saves the routing rules once every rep they name is an active sales rep; otherwise says which, per territory. */
export async function saveRoutingRules(rules: RoutingRules, userId: string): Promise<RoutingRules> {
  return db.$transaction(async (tx) => {
    const active = new Set(await activeSalesRepIds(tx));
    const unknownIds = [...new Set(rules.territories.flatMap((territory) => territory.repIds.filter((id) => !active.has(id))))];
    if (unknownIds.length > 0) {
      const users = await tx.user.findMany({ where: { id: { in: unknownIds } }, select: { id: true, name: true } });
      const names = new Map(users.map((user) => [user.id, user.name]));
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
  await db.$transaction((tx) => saveSetting(tx, SETTING_KEYS.checklist, items, userId));
  return items;
}
