import { z } from "zod";
import type { ChecklistItem } from "./qualification";
import { DEFAULT_CHECKLIST } from "./qualification";

/*
 * What managers set for the handoff between marketing and sales: how new MQLs are routed to
 * reps, how long a rep has to accept or reject one (the SLA), and what qualifying a lead takes.
 * Stored as JSON by key; anything missing or unreadable falls back to the defaults below.
 */

export const SETTING_KEYS = { routing: "routing", sla: "sla", checklist: "qualificationChecklist", scoringLab: "scoringLab" } as const;

const COUNTRY = /^[A-Z]{2}$/;

export const territorySchema = z.strictObject({
  name: z.string().trim().min(1, "Give the territory a name.").max(60, "A territory name can be at most 60 characters."),
  countries: z
    .array(z.string().trim().toUpperCase().regex(COUNTRY, "Countries are two-letter ISO codes, like DE or US."))
    .min(1, "A territory needs at least one country.")
    .max(250),
  repIds: z.array(z.string().min(1)).min(1, "A territory needs at least one sales rep.").max(100),
});
export type Territory = z.infer<typeof territorySchema>;

export const routingRulesSchema = z
  .strictObject({
    // Territories are matched by the lead's country, in order; leads outside every territory go to all reps.
    territories: z.array(territorySchema).max(50, "At most 50 territories."),
    // A rep with this many open SALs gets no new MQLs until one moves on. Null: no cap.
    maxOpenSals: z.number().int("The cap is a whole number.").min(1, "The cap must be at least 1.").max(10_000).nullable(),
  })
  .superRefine((rules, context) => {
    const seen = new Map<string, string>();
    rules.territories.forEach((territory, index) => {
      for (const country of territory.countries) {
        const owner = seen.get(country);
        if (owner) context.addIssue({ code: "custom", path: ["territories", index, "countries"], message: `${country} is already in the territory "${owner}".` });
        else seen.set(country, territory.name);
      }
    });
  });
export type RoutingRules = z.infer<typeof routingRulesSchema>;

export const DEFAULT_ROUTING_RULES: RoutingRules = { territories: [], maxOpenSals: null };

export const slaSettingsSchema = z.strictObject({
  // Hours a rep has to accept or reject an MQL, counted from when it entered MQL.
  mqlResponseHours: z.number().int("Use whole hours.").min(1, "The SLA must be at least 1 hour.").max(24 * 30, "The SLA can be at most 30 days."),
});
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

export const DEFAULT_SLA_SETTINGS: SlaSettings = { mqlResponseHours: 24 };

export const checklistItemSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "An item key is lower-case letters, digits and _."),
  label: z.string().trim().min(1, "Every item needs a label.").max(60, "A label can be at most 60 characters."),
  hint: z.string().trim().max(200, "A hint can be at most 200 characters."),
  required: z.boolean(),
});

export const checklistSchema = z
  .array(checklistItemSchema)
  .min(1, "The checklist needs at least one item.")
  .max(20, "The checklist can have at most 20 items.")
  .superRefine((items, context) => {
    const keys = new Set<string>();
    items.forEach((item, index) => {
      if (keys.has(item.key)) context.addIssue({ code: "custom", path: [index, "key"], message: `Two items share the key "${item.key}".` });
      keys.add(item.key);
    });
  });

/** A stable key for a checklist item from its label ("Decision process" → "decision_process"). */
export function checklistKey(label: string): string {
  const slug = label
    .toLowerCase()
    .normalize("NFKD")
    // Decomposing splits "ü" into "u" and a combining mark; dropping the mark keeps the letter whole.
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : `item_${slug}`.slice(0, 40);
}

/** `base`, or `base_2`, `base_3`…: the first that is not taken, shortened to stay a valid key. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const key = `${base.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(key)) return key;
  }
}

type ChecklistDraftItem = Omit<ChecklistItem, "key"> & { key?: string };

/**
 * Existing items keep their key, because past qualifications recorded their answers by it;
 * items added since get one from their label, unique within the list.
 */
function withChecklistKeys(items: readonly ChecklistDraftItem[]): ChecklistItem[] {
  const taken = new Set(items.flatMap((item) => (item.key ? [item.key] : [])));
  return items.map((item) => {
    if (item.key) return { ...item, key: item.key };
    const key = uniqueKey(checklistKey(item.label), taken);
    taken.add(key);
    return { ...item, key };
  });
}

/** The checklist as the settings page sends it: items added there have no key yet. */
export const checklistInputSchema = z
  .array(checklistItemSchema.extend({ key: checklistItemSchema.shape.key.optional() }))
  .transform(withChecklistKeys)
  .pipe(checklistSchema);

/** Reads a stored setting, falling back to the default when it is missing or no longer valid. */
export function readSetting<T>(schema: z.ZodType<T>, stored: string | null | undefined, fallback: T): T {
  if (!stored) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function readChecklist(stored: string | null | undefined): readonly ChecklistItem[] {
  return readSetting(checklistSchema, stored, DEFAULT_CHECKLIST as ChecklistItem[]);
}
