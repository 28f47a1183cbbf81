// What the people working a lead record on it: a note, or a call, e-mail or meeting they had.

export const ACTIVITY_KINDS = ["note", "call", "email", "meeting"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  note: "Note",
  call: "Call",
  email: "E-mail",
  meeting: "Meeting",
};

export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === "string" && (ACTIVITY_KINDS as readonly string[]).includes(value);
}

/** A stored kind read back: notes written before kinds existed, or with a kind since retired, read as notes. */
export function activityKindOf(stored: string): ActivityKind {
  return isActivityKind(stored) ? stored : "note";
}
