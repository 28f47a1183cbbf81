export const STAGES = ["LEAD", "MQL", "SAL", "SQL", "WON", "LOST", "DISQUALIFIED"] as const;
export type Stage = (typeof STAGES)[number];

/** The columns the board always shows; the outcomes sit behind a toggle. */
export const ACTIVE_STAGES = ["LEAD", "MQL", "SAL", "SQL"] as const satisfies readonly Stage[];
export const OUTCOME_STAGES = ["WON", "LOST", "DISQUALIFIED"] as const satisfies readonly Stage[];

export const STAGE_LABELS: Record<Stage, string> = {
  LEAD: "Lead",
  MQL: "Marketing qualified",
  SAL: "Sales accepted",
  SQL: "Sales qualified",
  WON: "Won",
  LOST: "Lost",
  DISQUALIFIED: "Disqualified",
};

export function isStage(value: unknown): value is Stage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}
