"use server";

import { z } from "zod";
import { API_SCOPES } from "@/lib/core/api-scopes";
import { authorizedAction } from "../auth/authorized-action";
import { createApiKey, revokeApiKey } from "./api-keys";

const createApiKeySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, "Name the key after what will use it, in at least 2 characters.")
    .max(60, "The name can be at most 60 characters."),
  scopes: z
    .array(z.enum(API_SCOPES, { error: `A scope is one of ${API_SCOPES.join(", ")}.` }), { error: "Choose what the key may do." })
    .min(1, "Choose at least one thing the key may do."),
});

export const createApiKeyAction = authorizedAction({ schema: createApiKeySchema, permission: "apiKeys.manage", labels: { name: "Key name", scopes: "What may it do?" } }, (input, admin) =>
  createApiKey({ name: input.name, createdById: admin.id, scopes: input.scopes }),
);

const revokeApiKeySchema = z.strictObject({ id: z.string().min(1) });

export const revokeApiKeyAction = authorizedAction({ schema: revokeApiKeySchema, permission: "apiKeys.manage" }, (input) => revokeApiKey(input.id));
