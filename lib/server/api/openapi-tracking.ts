import "server-only";
import { COLLECT_TYPES, MAX_COLLECT_BYTES, collectSchema } from "@/lib/core/tracking";
import type { OperationExample } from "./openapi-examples";
import { errorResponse, json, jsonSchema } from "./openapi-parts";

/* The tracking collector in the OpenAPI description: public, with a write key in the body instead of an API key. */

const body = jsonSchema(collectSchema);

export const trackingPaths = {
  "/collect": {
    post: {
      summary: "Send a page view, form submission or identify from a website (the tracking snippet)",
      description: `What /t.js sends: ${COLLECT_TYPES.map((type) => `\`${type}\``).join(", ")}, with the site's public write key (\`lg_pub_…\`) in the body; no API key. Accepted as JSON or as \`text/plain\` (navigator.sendBeacon, no CORS preflight). Browsers are answered only from the origins an admin listed for the key. An anonymous visitor's page views are kept under its \`anonymousId\` until it identifies (an identify, or a form with \`traits.email\`); then they become the lead's events and are scored with it. The answer says nothing about the visitor or its lead.`,
      security: [],
      requestBody: { required: true, content: { "application/json": { schema: body }, "text/plain": { schema: body } } },
      responses: {
        "202": json("Accepted.", { type: "object", properties: { accepted: { const: true } } }),
        "400": errorResponse("Bad JSON, or validation failed: `details` names each field (an identify needs `traits.email`)."),
        "401": errorResponse("An unknown or revoked write key."),
        "403": errorResponse("A browser on an origin the write key doesn't list."),
        "413": errorResponse(`The body is larger than ${MAX_COLLECT_BYTES / 1024} KB.`),
        "415": errorResponse("The body is neither application/json nor text/plain."),
        "429": { ...errorResponse("Too many messages for this write key or from this address."), headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } },
      },
    },
  },
};

export const TRACKING_EXAMPLES: Record<string, OperationExample> = {
  "POST /collect": {
    body: {
      writeKey: "lg_pub_3kq9Vd0xPzR7mWc2aLt8",
      anonymousId: "9b2f6c1e4d7a4f0b8e3c5a6d7f8e9a0b",
      type: "form_submit",
      url: "https://www.example.com/contact?utm_source=newsletter&utm_campaign=winter-launch",
      referrer: "https://www.example.com/pricing",
      properties: { form: "contact-sales" },
      traits: { email: "ada@engines.example", firstName: "Ada", company: "Engines Ltd" },
      occurredAt: "2026-12-08T09:30:00Z",
    },
    response: { status: "202", body: { accepted: true } },
  },
};
