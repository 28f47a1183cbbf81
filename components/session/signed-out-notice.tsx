/** On the sign-in page, for someone whose session ended while a page was open. */
export function SignedOutNotice() {
  return (
    <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      You were signed out. Sign in again to continue.
    </p>
  );
}
