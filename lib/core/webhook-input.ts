import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./webhooks";

/** A webhook endpoint as an admin registers it, in the app or with the API. */
export const webhookInputSchema = z.strictObject({
  url: z.string({ error: "Enter the endpoint's URL." }).trim().min(1, "Enter the endpoint's URL.").max(2000, "The URL can be at most 2,000 characters."),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `An event is one of ${WEBHOOK_EVENT_TYPES.join(", ")}.` }), { error: "Choose the events to send." })
    .min(1, "Choose at least one event to send.")
    .transform((events) => [...new Set(events)]),
});
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const WEBHOOK_DELIVERIES_PAGE_DEFAULT = 20;
export const WEBHOOK_DELIVERIES_PAGE_MAX = 100;

export const webhookDeliveriesQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(WEBHOOK_DELIVERIES_PAGE_MAX, `At most ${WEBHOOK_DELIVERIES_PAGE_MAX}.`).default(WEBHOOK_DELIVERIES_PAGE_DEFAULT),
});
