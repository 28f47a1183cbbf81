import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { CreateWriteKeyForm } from "@/components/tracking/create-write-key-form";
import { SnippetInstructions } from "@/components/tracking/snippet-instructions";
import { WriteKeyList } from "@/components/tracking/write-key-list";
import { can } from "@/lib/core/permissions";
import { requirePermission } from "@/lib/server/auth/require-user";
import { listWriteKeys } from "@/lib/server/tracking/write-keys";

export const metadata: Metadata = { title: "Website tracking" };

/** Where the snippet is served from, as the sites that paste it will reach the app. */
async function appOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host")?.split(",")[0].trim() || list.get("host") || "localhost:3000";
  const proto = list.get("x-forwarded-proto")?.split(",")[0].trim() || (host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function TrackingPage() {
  const user = await requirePermission("tracking.view");
  const [keys, origin] = await Promise.all([listWriteKeys(), appOrigin()]);
  const active = keys.filter((key) => !key.revokedAt);
  const manages = can(user.role, "writeKeys.manage");
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Website tracking</h1>
        <p className="mt-1 text-sm text-slate-600">
          Paste the snippet into your website to send page views and form submissions to Leadgate. Visitors stay anonymous until they fill in a form
          or your site identifies them; then their earlier page views become the lead&apos;s, scored with it. Try it on the{" "}
          <Link href="/demo-site" className="font-medium text-brand-700 underline hover:text-brand-600">
            demo site
          </Link>
          .
        </p>
      </div>
      <SnippetInstructions origin={origin} keys={active} manages={manages} />
      {manages && <CreateWriteKeyForm />}
      {manages && <WriteKeyList keys={keys} />}
    </div>
  );
}
