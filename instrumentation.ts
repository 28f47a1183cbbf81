import { authSecret } from "@/lib/env";

// Runs once when the server starts: refuse to serve without a production secret,
// rather than failing on the first sign-in.
export function register() {
  authSecret();
}
