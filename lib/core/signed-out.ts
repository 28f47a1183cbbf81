import { sameOriginPath } from "./safe-redirect";

/** The `reason` the sign-in page explains: a session ended while a page was open. */
export const SIGNED_OUT_REASON = "signed-out";

/**
 * Where to send someone whose session ended on `returnTo` (path and query of the page they
 * were on): sign-in, saying why, and back to that page afterwards if it is a safe return address.
 */
export function signInAgainPath(returnTo: string, origin: string): string {
  const params = new URLSearchParams();
  const callbackUrl = sameOriginPath(returnTo, origin);
  if (callbackUrl && callbackUrl !== "/") params.set("callbackUrl", callbackUrl);
  params.set("reason", SIGNED_OUT_REASON);
  return `/signin?${params}`;
}
