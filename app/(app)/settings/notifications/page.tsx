import type { Metadata } from "next";
import { EmailChoicesForm } from "@/components/email/email-choices-form";
import { requirePermission } from "@/lib/server/auth/require-user";
import { emailSettingsFor } from "@/lib/server/email/email-choices";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requirePermission("account.emailNotices");
  const settings = await emailSettingsFor(user);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Notification settings</h1>
        <p className="mt-1 text-sm text-slate-600">Every notification shows under the bell. Tick the ones you also want by e-mail, to {user.email}.</p>
      </div>
      {!settings.mailEnabled && settings.available.length > 0 && (
        <p role="note" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          E-mail isn&apos;t set up on this Leadgate yet, so nothing is sent: your choices are kept and apply once an admin sets LEADGATE_SMTP_URL.
        </p>
      )}
      {settings.available.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600 shadow-sm">
          Your role gets no notifications yet: they are about leads people own and the SLA they answer to.
        </p>
      ) : (
        <EmailChoicesForm available={settings.available} chosen={settings.chosen} />
      )}
    </div>
  );
}
