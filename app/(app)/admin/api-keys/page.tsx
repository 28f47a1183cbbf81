import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { listApiKeys } from "@/lib/server/admin/api-keys";
import { requirePermission } from "@/lib/server/auth/require-user";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePermission("apiKeys.manage");
  const keys = await listApiKeys();
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">API keys</h1>
        <p className="mt-1 text-sm text-slate-600">
          Keys let other systems — forms, your CRM, product analytics — send leads and events to Leadgate. Give each system its own key, so
          you can revoke one without breaking the others.
        </p>
      </div>
      <CreateApiKeyForm />
      <ApiKeysTable keys={keys} />
      <section aria-labelledby="api-usage-heading" className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-700 shadow-sm">
        <h2 id="api-usage-heading" className="text-base font-semibold text-slate-900">
          Calling the API
        </h2>
        <p className="mt-2">
          Send the key with every request in the <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization</code> header, as{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>. All endpoints live under{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs">/api/v1</code> and take and return JSON; the{" "}
          <Link href="/api-docs" className="font-medium text-brand-700 underline hover:text-brand-600">
            API reference
          </Link>{" "}
          describes each of them.
        </p>
      </section>
    </div>
  );
}
