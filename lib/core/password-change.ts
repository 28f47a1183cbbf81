/** Where someone signed in with a temporary password must choose their own before anything else. */
export const CHANGE_PASSWORD_PATH = "/change-password";

/** The message actions and the proxy give someone who still owes the password change. */
export const CHANGE_PASSWORD_FIRST = "Choose a new password before you continue: your admin reset it.";

/**
 * Whether a path answers someone who still owes a password change: the change-password page
 * (and its action), and whatever needs no session anyway (sign-out lives under /api/auth).
 */
export function allowedBeforePasswordChange(pathname: string): boolean {
  return pathname === CHANGE_PASSWORD_PATH;
}
