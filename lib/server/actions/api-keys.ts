"use server";

import { z } from "zod";
import { authorizedAction } from "../action";
import { createApiKey, revokeApiKey } from "../api-keys";

const ADMIN_ONLY = ["ADMIN"] as const;

const createApiKeySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, "Name the key after what will use it, in at least 2 characters.")
    .max(60, "The name can be at most 60 characters."),
});

export const createApiKeyAction = authorizedAction({ schema: createApiKeySchema, roles: ADMIN_ONLY }, (input, admin) =>
  createApiKey({ name: input.name, createdById: admin.id }),
);

const revokeApiKeySchema = z.strictObject({ id: z.string().min(1) });

export const revokeApiKeyAction = authorizedAction({ schema: revokeApiKeySchema, roles: ADMIN_ONLY }, (input) => revokeApiKey(input.id));
