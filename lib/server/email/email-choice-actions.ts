"use server";

import { z } from "zod";
import { EMAIL_CHOICES } from "@/lib/core/email-notices";
import { authorizedAction } from "../auth/authorized-action";
import { saveEmailChoices } from "./email-choices";

const schema = z.strictObject({ choices: z.array(z.enum(EMAIL_CHOICES, { error: "Choose among the notices listed." })).max(EMAIL_CHOICES.length) });

export const saveEmailChoicesAction = authorizedAction({ schema, permission: "account.emailNotices", labels: { choices: "E-mail me when" } }, (input, user) =>
  saveEmailChoices(user, input.choices),
);
