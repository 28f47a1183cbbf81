import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LeadgateLogo } from "@/components/layout/leadgate-logo";
import { SignedOutNotice } from "@/components/session/signed-out-notice";
import { roleHome } from "@/lib/core/role-home";
import { sameOriginPath } from "@/lib/core/safe-redirect";
import { SIGNED_OUT_REASON } from "@/lib/core/signed-out";
import { currentUser } from "@/lib/server/auth/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

async function safeCallback(value: string | string[] | undefined): Promise<string | null> {
  const target = Array.isArray(value) ? value[0] : value;
  const origin = `http://${(await headers()).get("host") ?? "localhost"}`;
  return sameOriginPath(target, origin);
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const asked = await safeCallback(params.callbackUrl);
  const user = await currentUser();
  if (user) redirect(asked ?? roleHome(user.role));
  // Nobody is known yet: "/" sends whoever signs in to their role's home.
  const callbackUrl = asked ?? "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <LeadgateLogo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">Use the e-mail and password your admin gave you.</p>
          {params.reason === SIGNED_OUT_REASON && <SignedOutNotice />}
          <SignInForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
