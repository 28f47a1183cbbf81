import "server-only";
import type { z } from "zod";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Permission } from "@/lib/core/permissions";
import { can } from "@/lib/core/permissions";
import { CHANGE_PASSWORD_FIRST } from "@/lib/core/password-change";
import { signInAgainPath } from "@/lib/core/signed-out";
import { sessionUser } from "./current-user";
import type { ActionResult } from "../errors";
import type { FieldLabels } from "@/lib/core/field-errors";
import { fieldErrorsOf, labelledSummary } from "@/lib/core/field-errors";
import type { CurrentUser } from "@/lib/views/auth";
import { AppError } from "../errors";
import { guarded } from "./guarded-handlers";

type Options<S extends z.ZodType> = {
  schema: S;
  /** What the caller must be allowed to do (lib/core/permissions.ts); every action names one. */
  permission: Permission;
  /** Runs for someone signed in with a temporary password (only the password change itself). */
  beforePasswordChange?: boolean;
  /** The labels the form shows, by field path, so a refusal names fields as the user saw them. */
  labels?: FieldLabels;
};

/**
 * A page's action whose session ended elsewhere (signed out on another device, ended by an
 * admin, deactivated) while the cookie stayed: the proxy let it through, so the action sends
 * the page to sign-in itself, saying why, and back to the page afterwards. The page is the
 * Referer, which same-origin requests carry whole (Referrer-Policy strict-origin-when-cross-origin).
 * Called outside a request (a script, a test), there is no page: the result says it instead.
 */
async function sendPageToSignIn(): Promise<void> {
  let page: URL;
  try {
    const referer = (await headers()).get("referer");
    if (!referer) return;
    page = new URL(referer);
  } catch {
    return;
  }
  redirect(signInAgainPath(page.pathname + page.search, page.origin));
}

/**
 * Wraps a server action so none can forget the basics: the caller is signed in and
 * active, has changed a temporary password, has the permission, and the input passes the
 * schema before the handler runs.
 * Expected failures (AppError) reach the user; anything else is logged and reported generically.
 */
export function authorizedAction<S extends z.ZodType, T>(
  options: Options<S>,
  handler: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return guarded(async (input: z.input<S>): Promise<ActionResult<T>> => {
    const session = await sessionUser();
    if (!session) {
      await sendPageToSignIn();
      return { ok: false, error: { code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again to continue." } };
    }
    if (session.mustChangePassword && !options.beforePasswordChange) {
      return { ok: false, error: { code: "FORBIDDEN", message: CHANGE_PASSWORD_FIRST } };
    }
    const user: CurrentUser = { id: session.id, email: session.email, name: session.name, role: session.role };
    if (!can(user.role, options.permission)) {
      return { ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this action." } };
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, error: { code: "VALIDATION", message: `Check the form: ${labelledSummary(fieldErrors, options.labels)}`, fieldErrors } };
    }
    try {
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, details: error.details } };
      }
      console.error("Unexpected error in server action", error);
      return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed; try again." } };
    }
  });
}
