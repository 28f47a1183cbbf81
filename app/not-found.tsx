import Link from "next/link";
import { LeadgateLogo } from "@/components/layout/leadgate-logo";
import { roleHome } from "@/lib/core/role-home";
import { currentUser } from "@/lib/server/auth/current-user";

/**
 * A 404 outside the app's shell: a notFound() from a page outside it, signed in or not (addresses
 * no page answers get the shell's own, app/(app)/not-found.tsx, through app/(app)/[...missing]).
 * There is no navigation here, so the way on is the person's start page, or signing in.
 */
export default async function NotFound() {
  const user = await currentUser();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-lg text-center">
        <div className="mb-8 flex justify-center">
          <LeadgateLogo />
        </div>
        <p className="text-sm font-semibold text-brand-700">Not found</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">There is no page at this address</h1>
        <p className="mt-2 text-sm text-slate-600">The link may be old or mistyped.</p>
        <Link
          href={user ? roleHome(user.role) : "/signin"}
          className="mt-6 inline-flex items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {user ? "Go to your start page" : "Sign in"}
        </Link>
      </div>
    </main>
  );
}
