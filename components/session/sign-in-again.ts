import { signInAgainPath } from "@/lib/core/signed-out";

/**
 * Sends the browser, whose session has ended, to sign-in and back to this page afterwards.
 * A full page load rather than a router navigation, so nothing the ended session loaded
 * (router cache, open dialogs) outlives it.
 */
export function signInAgain() {
  const { origin, pathname, search } = window.location;
  window.location.replace(signInAgainPath(pathname + search, origin));
}
