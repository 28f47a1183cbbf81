import "server-only";
import type { EmailChoice } from "@/lib/core/email-notices";
import { EMAIL_CHOICE_LABELS, emailChoicesFor, formatEmailChoices, parseEmailChoices } from "@/lib/core/email-notices";
import type { Role } from "@/lib/core/roles";
import { AppError } from "../errors";
import { emailStore } from "./email-store";
import { mailEnabled } from "./mailer";

/** What the notification settings page shows a user: what they may choose, what they chose, whether e-mail is set up. */
export async function emailSettingsFor(user: { id: string; role: Role }) {
  const stored = await emailStore.choicesOf(user.id);
  return { available: emailChoicesFor(user.role), chosen: parseEmailChoices(stored), mailEnabled: mailEnabled() };
}

/** Stores the user's choices; one their role is never sent is refused, naming it. */
export async function saveEmailChoices(user: { id: string; role: Role }, choices: readonly EmailChoice[]): Promise<EmailChoice[]> {
  const available = emailChoicesFor(user.role);
  const foreign = choices.find((choice) => !available.includes(choice));
  if (foreign) throw new AppError("VALIDATION", `“${EMAIL_CHOICE_LABELS[foreign]}” is not sent to your role.`, { choices: `“${EMAIL_CHOICE_LABELS[foreign]}” is not sent to your role.` });
  const stored = formatEmailChoices(choices);
  await emailStore.setChoices(user.id, stored);
  return parseEmailChoices(stored);
}
