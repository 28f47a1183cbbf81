"use server";

import { z } from "zod";
import { ROLES } from "@/lib/core/roles";
import { authorizedAction } from "../action";
import { createUser, endUserSessions, updateUser } from "../users";

const ADMIN_ONLY = ["ADMIN"] as const;

const createUserSchema = z.strictObject({
  name: z.string().trim().min(2, "Enter the person's name.").max(100, "The name can be at most 100 characters."),
  email: z.email("Enter a valid e-mail address.").max(200).transform((email) => email.toLowerCase()),
  role: z.enum(ROLES, { error: "Choose a role." }),
  password: z.string().min(10, "The password needs at least 10 characters.").max(200),
});

export const createUserAction = authorizedAction({ schema: createUserSchema, roles: ADMIN_ONLY }, (input) => createUser(input));

const updateUserSchema = z
  .strictObject({
    userId: z.string().min(1),
    role: z.enum(ROLES, { error: "Choose a role." }).optional(),
    active: z.boolean().optional(),
  })
  .refine((input) => input.role !== undefined || input.active !== undefined, { message: "Nothing to change.", path: ["role"] });

export const updateUserAction = authorizedAction({ schema: updateUserSchema, roles: ADMIN_ONLY }, (input, admin) => updateUser(admin.id, input));

const endSessionsSchema = z.strictObject({ userId: z.string().min(1, "Choose a user.") });

export const endSessionsAction = authorizedAction({ schema: endSessionsSchema, roles: ADMIN_ONLY }, (input, admin) =>
  endUserSessions(admin.id, input.userId),
);
