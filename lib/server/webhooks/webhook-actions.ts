"use server";

import { z } from "zod";
import { WEBHOOK_DELIVERIES_PAGE_DEFAULT, webhookInputSchema } from "@/lib/core/webhook-input";
import { decodeCursor } from "../api/cursor";
import { authorizedAction } from "../auth/authorized-action";
import { createWebhook, deleteWebhook, enableWebhook, listDeliveries, replayDelivery } from "./webhooks";

export const createWebhookAction = authorizedAction(
  { schema: webhookInputSchema, permission: "webhooks.manage", labels: { url: "Endpoint URL", events: "Events to send" } },
  (input, admin) => createWebhook({ ...input, createdById: admin.id }),
);

const endpointSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const deleteWebhookAction = authorizedAction({ schema: endpointSchema, permission: "webhooks.manage" }, (input) => deleteWebhook(input.id));

export const enableWebhookAction = authorizedAction({ schema: endpointSchema, permission: "webhooks.manage" }, (input) => enableWebhook(input.id));

const deliveriesSchema = z.strictObject({ id: z.string().min(1).max(100), cursor: z.string().max(200).nullable() });

/** A page of an endpoint's deliveries: the first, or the one after `cursor` for "Show more". */
export const webhookDeliveriesAction = authorizedAction({ schema: deliveriesSchema, permission: "webhooks.manage" }, (input) =>
  listDeliveries(input.id, { after: input.cursor ? decodeCursor(input.cursor) : null, limit: WEBHOOK_DELIVERIES_PAGE_DEFAULT }),
);

const replaySchema = z.strictObject({ id: z.string().min(1).max(100), deliveryId: z.string().min(1).max(100) });

export const replayDeliveryAction = authorizedAction({ schema: replaySchema, permission: "webhooks.manage" }, (input) => replayDelivery(input.id, input.deliveryId));
