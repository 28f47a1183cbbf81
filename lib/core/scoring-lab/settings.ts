import { z } from "zod";
import { DEFAULT_MATURITY_DAYS, TARGETS } from "./outcomes";

/** The scoring lab's settings: what it predicts by default, and when an open lead counts as a no. */
export const labSettingsSchema = z.strictObject({
  target: z.enum(TARGETS, { error: `The target must be one of ${TARGETS.join(", ")}.` }),
  maturityDays: z
    .int({ error: "The maturity window must be a whole number of days." })
    .min(7, "The maturity window must be at least 7 days.")
    .max(730, "The maturity window can be at most 730 days."),
});
export type LabSettings = z.infer<typeof labSettingsSchema>;

export const DEFAULT_LAB_SETTINGS: LabSettings = { target: "WON", maturityDays: DEFAULT_MATURITY_DAYS };
