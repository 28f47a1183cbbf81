"use server";

import { z } from "zod";
import { authorizedAction } from "../auth/authorized-action";
import { AppError } from "../errors";
import { ingestEvents } from "../ingest/ingest-events";

const logEventSchema = z.strictObject({
  leadId: z.string().min(1),
  type: z.string().trim().regex(/^[a-z0-9_]{1,50}$/, "Use 1–50 lower-case letters, digits or underscores, e.g. event_attended."),
  occurredAt: z.iso.datetime({ offset: true, error: "Give the date and time it happened." }),
  name: z.string().trim().max(200, "At most 200 characters.").optional(),
  note: z.string().trim().max(1_000, "At most 1,000 characters.").optional(),
});

export type LoggedEvent = { stage: string; total: number; movedTo: string | null };

/**
 * An event someone saw happen (a badge scan at a conference, a business card), logged by hand:
 * stored and scored like one from the API, marked as manual.
 */
// As the "Log an event" form labels its fields.
const labels = { type: "What happened", occurredAt: "When", name: "Event or content", note: "Note" };

export const logEventAction = authorizedAction({ schema: logEventSchema, permission: "leads.logEvent", labels }, async (input): Promise<LoggedEvent> => {
  const properties = Object.fromEntries(Object.entries({ name: input.name, note: input.note }).filter(([, value]) => value));
  const [result] = await ingestEvents([{ leadId: input.leadId, type: input.type, occurredAt: input.occurredAt, properties }], { source: "manual" });
  if (result.status === "error") {
    const missing = result.error.code === "NOT_FOUND";
    throw new AppError(missing ? "NOT_FOUND" : "VALIDATION", missing ? "This lead no longer exists." : result.error.message, result.error.details);
  }
  return { stage: result.stage, total: result.score.total, movedTo: result.movedTo };
});
