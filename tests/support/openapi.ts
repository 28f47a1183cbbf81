/**
 * Holds a real API answer against the OpenAPI description the API serves, so the description
 * can't drift from what the endpoints return: every key an answer holds must be documented,
 * every documented required key present, and each value of the documented type.
 */

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

/** The documented schema of one answer, e.g. `answerSchema(document, "POST /scoring/models", 202)`. */
export function answerSchema(document: OpenApiDocument, operation: string, status: number): Schema {
  const [method, path] = operation.split(" ");
  const schema = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${operation} documents no JSON answer for ${status}`);
  return schema;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "integer":
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** Where `value` differs from `schema`, one line per problem; empty when it matches. */
export function shapeProblems(value: unknown, schema: Schema, document: OpenApiDocument, at = "$"): string[] {
  const resolve = (part: Schema): Schema => (part.$ref ? resolve(document.components.schemas[part.$ref.split("/").at(-1) ?? ""] ?? {}) : part);
  const resolved = resolve(schema);
  if (resolved.allOf) {
    const parts = resolved.allOf.map(resolve);
    const merged = { ...resolved, allOf: undefined, properties: Object.assign({}, ...parts.map((part) => part.properties)), required: parts.flatMap((part) => part.required ?? []) };
    return shapeProblems(value, merged, document, at);
  }
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants) {
    const tried = variants.map((variant) => shapeProblems(value, variant, document, at));
    return tried.some((problems) => problems.length === 0) ? [] : [`${at}: matches none of the documented forms (${tried.map((problems) => problems[0]).join("; ")})`];
  }
  if ("const" in resolved && value !== resolved.const) return [`${at}: ${JSON.stringify(value)} is not ${JSON.stringify(resolved.const)}`];
  if (resolved.enum && !resolved.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${resolved.enum.join(", ")}`];
  if (resolved.type) {
    const types = typeof resolved.type === "string" ? [resolved.type] : resolved.type;
    if (!types.some((type) => hasType(value, type))) return [`${at}: ${JSON.stringify(value)} is not ${types.join(" or ")}`];
  }
  if (Array.isArray(value) && resolved.items) return value.flatMap((item, index) => shapeProblems(item, resolved.items!, document, `${at}[${index}]`));
  if (!isObject(value)) return [];
  const problems = (resolved.required ?? []).filter((key) => !(key in value)).map((key) => `${at}.${key}: documented as required, but missing`);
  for (const [key, item] of Object.entries(value)) {
    const property = resolved.properties?.[key] ?? (isObject(resolved.additionalProperties) ? resolved.additionalProperties : undefined);
    if (property) problems.push(...shapeProblems(item, property, document, `${at}.${key}`));
    else if (resolved.properties) problems.push(`${at}.${key}: not documented`);
  }
  return problems;
}
