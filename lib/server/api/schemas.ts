import "server-only";
import { z } from "zod";
import { MAX_BATCH_EVENTS } from "@/lib/core/events";
import { STAGES } from "@/lib/core/stages";

export const eventBatchSchema = z.strictObject({
  events: z.array(z.unknown()).min(1, "Send at least one event.").max(MAX_BATCH_EVENTS, `Send at most ${MAX_BATCH_EVENTS} events per request.`),
});

export const LEAD_PAGE_DEFAULT = 50;
export const LEAD_PAGE_MAX = 200;

export const leadListQuerySchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("An e-mail address, e.g. ada@example.com.")).optional(),
  stage: z.enum(STAGES, { error: `One of ${STAGES.join(", ")}.` }).optional(),
  minScore: z.coerce.number().int("A whole number.").optional(),
  updatedSince: z.iso.datetime({ offset: true, error: "An ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z." }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LEAD_PAGE_MAX, `At most ${LEAD_PAGE_MAX}.`).default(LEAD_PAGE_DEFAULT),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

export const LEAD_EVENTS_PAGE_DEFAULT = 50;
export const LEAD_EVENTS_PAGE_MAX = 200;

export const leadEventsQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LEAD_EVENTS_PAGE_MAX, `At most ${LEAD_EVENTS_PAGE_MAX}.`).default(LEAD_EVENTS_PAGE_DEFAULT),
});
export type LeadEventsQuery = z.infer<typeof leadEventsQuerySchema>;
