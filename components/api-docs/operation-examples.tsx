import { CopyButton } from "@/components/ui/copy-button";

type Parameter = { name: string; in: string; example?: unknown };
type Json = { example?: unknown };
export type ExampledOperation = {
  /** Empty for the public collector, which takes a write key in its body instead of an API key. */
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Json> };
  responses: Record<string, { content?: Record<string, Json> }>;
};

const json = (value: unknown) => JSON.stringify(value, null, 2);
// Inside single quotes a shell takes everything literally except the quote itself.
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The example call as a curl command, with the server and key left to two shell variables (no key for a public endpoint). */
export function curlCommand(method: string, path: string, operation: ExampledOperation): string {
  const parameters = operation.parameters ?? [];
  const filled = path.replace(/\{(\w+)\}/g, (whole, name: string) => String(parameters.find((parameter) => parameter.name === name)?.example ?? whole));
  const query = new URLSearchParams();
  for (const parameter of parameters) if (parameter.in === "query" && parameter.example !== undefined) query.set(parameter.name, String(parameter.example));
  const url = `$LEADGATE_URL/api/v1${filled}${query.size > 0 ? `?${query}` : ""}`;
  const body = operation.requestBody?.content["application/json"]?.example;
  return [
    `curl -X ${method.toUpperCase()} "${url}"`,
    ...(operation.security?.length === 0 ? [] : [`  -H "Authorization: Bearer $LEADGATE_API_KEY"`]),
    ...(body === undefined ? [] : [`  -H "Content-Type: application/json"`, `  -d ${shellQuoted(json(body))}`]),
  ].join(" \\\n");
}

function Example({ title, text, copyLabel }: { title: string; text: string; copyLabel: string }) {
  return (
    <figure className="mt-3 min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-semibold">{title}</figcaption>
        <CopyButton text={text} label={copyLabel} />
      </div>
      {/* Focusable so keyboard users can scroll a long example. */}
      <pre tabIndex={0} className="mt-1 max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-500">
        {text}
      </pre>
    </figure>
  );
}

/** An endpoint's example call and answer, from the examples in the OpenAPI description, each with a copy button. */
export function OperationExamples({ method, path, operation }: { method: string; path: string; operation: ExampledOperation }) {
  const name = `${method.toUpperCase()} /api/v1${path}`;
  const answer = Object.entries(operation.responses).find(([status, response]) => status.startsWith("2") && response.content?.["application/json"]?.example !== undefined);
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold">Examples</h3>
      <p className="mt-1 text-xs text-slate-600">
        Set <code className="font-mono">LEADGATE_URL</code> (e.g. http://localhost:3000) and <code className="font-mono">LEADGATE_API_KEY</code> first.
      </p>
      <Example title="Request" text={curlCommand(method, path, operation)} copyLabel={`Copy example request for ${name}`} />
      {answer && <Example title={`Response ${answer[0]}`} text={json(answer[1].content!["application/json"].example)} copyLabel={`Copy example response for ${name}`} />}
    </div>
  );
}
