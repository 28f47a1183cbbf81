import "server-only";
import { DEFAULT_SCORING_RULES } from "@/lib/core/scoring/default-rules";
import type { PrismaClient } from "./generated/prisma/client";
import type { Tx } from "./db";
import { db } from "./db";

/** Installs the default scoring rules as version 1 when no rule set exists yet. */
export async function ensureActiveRuleSet(client: PrismaClient | Tx = db): Promise<void> {
  if ((await client.ruleSet.count()) > 0) return;
  await client.ruleSet.create({ data: { version: 1, rules: JSON.stringify(DEFAULT_SCORING_RULES), note: "Default rules for a B2B software seller", active: true } });
}
