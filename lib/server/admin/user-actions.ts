"use server";

import { z } from "zod";
import { ROLES } from "@/lib/core/roles";
import { authorizedAction } from "../auth/authorized-action";
import { changePassword, createUser, endUserSessions, resetPassword, updateUser } from "./users";

const passwordSchema = z.string().min(10, "The password needs at least 10 characters.").max(200, "The password can be at most 200 characters.");

const createUserSchema = z.strictObject({
  name: z.string().trim().min(2, "Enter the person's name.").max(100, "The name can be at most 100 characters."),
  email: z.email("Enter a valid e-mail address.").max(200).transform((email) => email.toLowerCase()),
  role: z.enum(ROLES, { error: "Choose a role." }),
  password: passwordSchema,
});

const createUserLabels = { name: "Name", email: "E-mail", role: "Role", password: "Initial password" };

export const createUserAction = authorizedAction({ schema: createUserSchema, permission: "users.manage", labels: createUserLabels }, (input) => createUser(input));

const updateUserSchema = z
  .strictObject({
    userId: z.string().min(1),
    role: z.enum(ROLES, { error: "Choose a role." }).optional(),
    active: z.boolean().optional(),
  })
  .refine((input) => input.role !== undefined || input.active !== undefined, { message: "Nothing to change.", path: ["role"] });

export const updateUserAction = authorizedAction({ schema: updateUserSchema, permission: "users.manage" }, (input, admin) => updateUser(admin.id, input));

const userTargetSchema = z.strictObject({ userId: z.string().min(1, "Choose a user.") });

export const endSessionsAction = authorizedAction({ schema: userTargetSchema, permission: "users.manage" }, (input, admin) =>
  endUserSessions(admin.id, input.userId),
);

export const resetPasswordAction = authorizedAction({ schema: userTargetSchema, permission: "users.manage" }, (input, admin) =>
  resetPassword(admin.id, input.userId),
);

const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "Enter your current (temporary) password.").max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { message: "The two new passwords don't match.", path: ["confirmPassword"] });

// The one action someone with a temporary password may call.
export const changePasswordAction = authorizedAction({ schema: changePasswordSchema, permission: "account.changePassword", beforePasswordChange: true }, (input, user) =>
  changePassword(user.id, input),
);
