import { openApiDocument } from "@/lib/server/api/openapi";
import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export function GET() {
  return Response.json(openApiDocument());
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods("GET");
