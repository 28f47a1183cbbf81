"use server";

import { z } from "zod";
import { authorizedAction } from "../auth/authorized-action";
import { markNotificationsRead } from "./notifications";

const markReadSchema = z.strictObject({
  ids: z.array(z.string().min(1).max(100)).min(1, "Say which notifications to mark read.").max(100, "At most 100 at once.").nullable(),
});

/** Marks the signed-in user's notifications read: those of `ids`, or every one when `ids` is null. */
export const markNotificationsReadAction = authorizedAction({ schema: markReadSchema, permission: "leads.view", labels: { ids: "Notifications" } }, (input, user) =>
  markNotificationsRead(user.id, input.ids),
);
