import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { LeadgateLogo } from "@/components/layout/leadgate-logo";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { roleHome } from "@/lib/core/role-home";
import { sessionUser } from "@/lib/server/auth/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a new password" };

// Outside the (app) layout: that layout sends whoever owes a password change here.
export default async function ChangePasswordPage() {
  const user = await sessionUser();
  if (!user) redirect("/signin");
  if (!user.mustChangePassword) redirect(roleHome(user.role));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <LeadgateLogo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold">Choose a new password</h1>
          <p className="mt-1 text-sm text-slate-600">
            An admin reset your password. Enter the temporary one you were given, then choose your own: Leadgate opens once it is changed.
          </p>
          <ChangePasswordForm email={user.email} />
        </div>
        <div className="mt-4 flex justify-center">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
