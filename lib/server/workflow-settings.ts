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
