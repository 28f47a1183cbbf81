import type { Metadata } from "next";
import { ApiOperation, WithCode } from "@/components/api-docs/api-operation";
import { openApiDocument } from "@/lib/server/api/openapi";
import { requirePermission } from "@/lib/server/auth/require-user";

export const metadata: Metadata = { title: "API" };

export default async function ApiDocsPage() {
  await requirePermission("apiDocs.view");
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, unknown>).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-8 sm:px-6">
      <header>
        <h1 className="text-xl font-semibold tracking-tight">{document.info.title}</h1>
        <p className="mt-2 text-sm text-slate-700">
          <WithCode text={document.info.description} />
        </p>
        <dl className="mt-4 grid gap-2 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-slate-600">Base URL</dt>
          <dd className="font-mono">/api/v1</dd>
          <dt className="font-medium text-slate-600">Authentication</dt>
          <dd>
            <code className="font-mono">Authorization: Bearer &lt;api key&gt;</code> — admins create keys on the API keys page.
          </dd>
          <dt className="font-medium text-slate-600">Machine-readable</dt>
          <dd>
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1)
          </dd>
        </dl>
      </header>
      {operations.map(({ path, method, operation }) => (
        <ApiOperation key={`${method} ${path}`} path={path} method={method} operation={operation as Parameters<typeof ApiOperation>[0]["operation"]} schemas={document.components.schemas} />
      ))}
    </div>
  );
}
