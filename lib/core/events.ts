import { z } from "zod";
import { DAY_MS } from "./time";

export const STANDARD_EVENT_TYPES = [
  "page_view",
  "email_open",
  "email_click",
  "content_download",
  "form_submit",
  "contact_request",
  "webinar_attended",
  "event_attended",
  "meeting_booked",
  "unsubscribe",
  "email_bounce",
] as const;

export const EVENT_SOURCES = ["api", "manual", "import", "seed", "tracking"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const MAX_BATCH_EVENTS = 1_000;
const MAX_PROPERTIES = 50;

/**
 * The earliest date accepted for anything that happened (events, a past lead's dates): earlier
 * ones are typos or placeholders (year 0000) that would sort first in every history.
 */
export const EARLIEST_DATE_MS = Date.UTC(1970, 0, 1);
export const EARLIEST_DATE_MESSAGE = "Must be on or after 1970-01-01.";

/** An ISO 8601 date-time with its zone, no earlier than EARLIEST_DATE_MS. */
export function pastDateTime(error: string) {
  return z.iso.datetime({ offset: true, error }).refine((text) => Date.parse(text) >= EARLIEST_DATE_MS, EARLIEST_DATE_MESSAGE);
}

const propertyValue = z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]);

/** One event as it arrives (API, manual entry or CSV): who, what, when, details. */
export const eventInputSchema = z
  .strictObject({
    email: z.email("Must be a valid e-mail address.").max(254).optional(),
    leadId: z.string().min(1).max(100).optional(),
    type: z
      .string()
      .regex(/^[a-z0-9_]{1,50}$/, "Use 1–50 lower-case letters, digits or underscores, e.g. content_download."),
    occurredAt: pastDateTime("Must be an ISO 8601 date-time, e.g. 2026-11-24T09:30:00Z.").optional(),
    properties: z
      .record(z.string().min(1).max(100), propertyValue)
      .refine((properties) => Object.keys(properties).length <= MAX_PROPERTIES, `At most ${MAX_PROPERTIES} properties.`)
      .optional(),
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .refine((event) => Boolean(event.email) !== Boolean(event.leadId), {
    message: "Give exactly one of email or leadId.",
    path: ["email"],
  });
export type EventInput = z.infer<typeof eventInputSchema>;

/** Events that happened in the future by more than this are refused as clock errors. */
export const MAX_CLOCK_SKEW_MS = DAY_MS;

export function eventTime(event: Pick<EventInput, "occurredAt">, now: Date): Date {
  return event.occurredAt ? new Date(event.occurredAt) : now;
}
