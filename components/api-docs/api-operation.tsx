import type { ApiScope } from "@/lib/core/api-scopes";
import { API_SCOPES, API_SCOPE_LABELS } from "@/lib/core/api-scopes";
import { OperationExamples } from "./operation-examples";

type Schema = {
  anyOf?: Schema[];
  maxLength?: number;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  enum?: unknown[];
  format?: string;
  $ref?: string;
  oneOf?: Schema[];
  items?: Schema;
};
type Operation = {
  summary: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema: Schema; example?: unknown }>;
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { example?: unknown }> }>;
  /** Alternatives: a key with any one of these scopes may call the endpoint. */
  security?: Array<Record<string, string[]>>;
};

const METHOD_COLOURS: Record<string, string> = { get: "bg-emerald-100 text-emerald-800", post: "bg-brand-100 text-brand-700" };

function typeOf(schema: Schema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? "object";
  if (schema.enum) return schema.enum.map(String).join(" | ");
  if (schema.items) return `${typeOf(schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

function Fields({ schema }: { schema: Schema }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="text-sm text-slate-600">{typeOf(schema)}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">Field</th>
          <th scope="col" className="py-1 font-medium">Type</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {properties.map(([name, property]) => (
          <tr key={name}>
            <td className="py-1 pr-4 font-mono">
              {name}
              {schema.required?.includes(name) && <span className="ml-1 text-red-700" title="required">*</span>}
            </td>
            <td className="py-1 text-slate-700">
              {typeOf(property)}
              {property.description && <span className="block text-xs text-slate-500">{property.description}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Text with `code` spans, as the OpenAPI descriptions write them. */
export function WithCode({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Scopes({ security }: { security: NonNullable<Operation["security"]> }) {
  const scopes = security.flatMap((requirement) => Object.values(requirement).flat());
  if (security.length === 0) {
    return <p className="mt-2 text-sm text-slate-600">Public: no API key. It takes a site&apos;s write key (lg_pub_…) in the body, which opens nothing else.</p>;
  }
  return (
    <p className="mt-2 text-sm text-slate-600">
      <WithCode
        text={
          scopes.length === API_SCOPES.length
            ? "Any API key with at least one scope may call it."
            : `Needs a key with the ${scopes.map((scope) => `\`${scope}\` scope (${API_SCOPE_LABELS[scope as ApiScope]})`).join(" or ")}.`
        }
      />
    </p>
  );
}

/** One endpoint of the API page: what it does, the scope it needs, its parameters, body and answers. */
export function ApiOperation({ path, method, operation, schemas }: { path: string; method: string; operation: Operation; schemas: Record<string, unknown> }) {
  const resolve = (schema: Schema): Schema => (schema.$ref ? ((schemas[schema.$ref.split("/").at(-1) ?? ""] as Schema | undefined) ?? schema) : schema);
  const body = operation.requestBody?.content["application/json"]?.schema;
  const bodyVariants = (body?.oneOf ?? (body ? [body] : [])).map(resolve);
  return (
    <section aria-labelledby={`${method}-${path}`} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`${method}-${path}`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_COLOURS[method] ?? "bg-slate-100"}`}>{method.toUpperCase()}</span>
        <span className="break-all font-mono">/api/v1{path}</span>
      </h2>
      <p className="mt-2 text-sm font-medium text-slate-800">{operation.summary}</p>
      {operation.security && <Scopes security={operation.security} />}
      {operation.description && (
        <p className="mt-1 text-sm text-slate-600">
          <WithCode text={operation.description} />
        </p>
      )}
      {operation.parameters && operation.parameters.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">Parameters</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {operation.parameters.map((parameter) => (
              <li key={parameter.name}>
                <span className="font-mono">{parameter.name}</span> <span className="text-slate-500">({parameter.in}, {typeOf(parameter.schema)})</span>
                {parameter.description && <span className="text-slate-600"> — {parameter.description}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {bodyVariants.map((variant, index) => (
        <div key={index} className="mt-4">
          <h3 className="text-sm font-semibold">{bodyVariants.length > 1 ? `Body, form ${index + 1}` : "Body"}</h3>
          <Fields schema={variant} />
        </div>
      ))}
      <div className="mt-4">
        <h3 className="text-sm font-semibold">Answers</h3>
        <ul className="mt-1 space-y-1 text-sm">
          {Object.entries(operation.responses).map(([status, response]) => (
            <li key={status}>
              <span className="font-mono font-semibold">{status}</span>{" "}
              <span className="text-slate-600">
                <WithCode text={response.description} />
              </span>
            </li>
          ))}
        </ul>
      </div>
      <OperationExamples method={method} path={path} operation={operation} />
    </section>
  );
}
