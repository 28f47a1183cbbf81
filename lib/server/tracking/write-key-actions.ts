"use server";

import { z } from "zod";
import { writeKeyInputSchema } from "@/lib/core/write-key-input";
import { authorizedAction } from "../auth/authorized-action";
import { createWriteKey, revokeWriteKey } from "./write-keys";

export const createWriteKeyAction = authorizedAction(
  { schema: writeKeyInputSchema, permission: "writeKeys.manage", labels: { name: "Key name", origins: "Sites it sends from" } },
  (input, admin) => createWriteKey({ name: input.name, origins: input.origins, createdById: admin.id }),
);

const revokeSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const revokeWriteKeyAction = authorizedAction({ schema: revokeSchema, permission: "writeKeys.manage" }, (input) => revokeWriteKey(input.id));
