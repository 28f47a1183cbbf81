import { createApiKey } from "@/lib/server/admin/api-keys";
import { createUser } from "./factories";

export const BASE = "http://localhost/api/v1";

export async function createKey(name = `key-${Math.random().toString(36).slice(2)}`) {
  const admin = await createUser("ADMIN");
  return createApiKey({ name, createdById: admin.id });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;

/** Calls a real route handler the way Next does, and returns status, headers and JSON body. */
export async function call(
  handler: Handler,
  options: { path: string; method?: string; key?: string | null; body?: unknown; rawBody?: string; contentType?: string; params?: Record<string, string> },
) {
  const headers = new Headers();
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", options.contentType ?? "application/json");
  const request = new Request(`${BASE}${options.path}`, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}
