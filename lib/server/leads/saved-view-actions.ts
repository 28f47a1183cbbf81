"use server";

import { z } from "zod";
import { savedViewInputSchema } from "@/lib/core/saved-views";
import { authorizedAction } from "../auth/authorized-action";
import { createSavedView, deleteSavedView, updateSavedView } from "./saved-views";

const labels = { name: "Name", shared: "Share with the team", query: "Filters" };

export const createSavedViewAction = authorizedAction({ schema: savedViewInputSchema, permission: "views.save", labels }, (input, user) => createSavedView(user, input));

const updateSchema = savedViewInputSchema.extend({ id: z.string().min(1).max(100) });

export const updateSavedViewAction = authorizedAction({ schema: updateSchema, permission: "views.save", labels }, ({ id, ...input }, user) => updateSavedView(user, id, input));

export const deleteSavedViewAction = authorizedAction({ schema: z.strictObject({ id: z.string().min(1).max(100) }), permission: "views.save" }, async ({ id }, user) => {
  await deleteSavedView(user, id);
  return { id };
});
