import { z } from "zod";
import type { LeadInput } from "./lead-input";

/*
 * The website tracking snippet's side of Leadgate: what the collector accepts, how a visit
 * becomes an event's properties, how a form's or identify's traits become lead fields, and which
 * origins a write key answers. The snippet itself is public/t.js's source in lib/server/tracking.
 */

export const WRITE_KEY_PREFIX = "lg_pub_";
/** The collector refuses bodies larger than this with 413. */
export const MAX_COLLECT_BYTES = 32 * 1024;
/** A write key's origins value for "only this app's own pages" (the demo key). */
export const SAME_ORIGIN = "self";

export const COLLECT_TYPES = ["page_view", "form_submit", "identify"] as const;
export type CollectType = (typeof COLLECT_TYPES)[number];

const short = (max: number) => z.string().max(max);
const traitValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

/** One message from the snippet (or any client holding a write key). */
export const collectSchema = z.strictObject({
  writeKey: z.string({ error: "Send the site's write key (lg_pub_…)." }).min(1, "Send the site's write key (lg_pub_…).").max(100),
  anonymousId: z
    .string({ error: "Send the visitor's anonymous id." })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "The anonymous id is 8–64 letters, digits, dashes or underscores."),
  type: z.enum(COLLECT_TYPES, { error: `The type is one of ${COLLECT_TYPES.join(", ")}.` }),
  url: short(2000).optional(),
  referrer: short(2000).optional(),
  properties: z
    .record(z.string().min(1).max(100), traitValue)
    .refine((properties) => Object.keys(properties).length <= 30, "At most 30 properties.")
    .optional(),
  traits: z
    .record(z.string().min(1).max(100), traitValue)
    .refine((traits) => Object.keys(traits).length <= 30, "At most 30 traits.")
    .optional(),
  occurredAt: z.iso.datetime({ offset: true, error: "Must be an ISO 8601 date-time." }).optional(),
});
export type CollectMessage = z.infer<typeof collectSchema>;

const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

/**
 * A visit's event properties: the page (without its fragment), the referrer, the UTM parameters,
 * and the campaign (utm_campaign), which first-touch attribution reads. The message's own
 * properties come first, so the page's facts win a clash.
 */
export function visitProperties(message: Pick<CollectMessage, "url" | "referrer" | "properties">): Record<string, string | number | boolean | null> {
  const properties: Record<string, string | number | boolean | null> = { ...message.properties };
  if (message.url) {
    properties.url = message.url.split("#")[0];
    try {
      const params = new URL(message.url).searchParams;
      for (const key of UTM_KEYS) {
        const value = params.get(key);
        if (value) properties[key] = value.slice(0, 200);
      }
      if (properties.utm_campaign) properties.campaign = properties.utm_campaign;
    } catch {
      // A relative or malformed URL is kept as sent, without UTM parameters.
    }
  }
  if (message.referrer) properties.referrer = message.referrer;
  return properties;
}

/** The lead fields traits may set, by their names without case, spaces, dashes or underscores. */
const TRAIT_FIELDS: Record<string, keyof LeadInput> = {
  email: "email",
  firstname: "firstName",
  lastname: "lastName",
  title: "title",
  jobtitle: "title",
  phone: "phone",
  company: "company",
  companyname: "company",
  companysize: "companySize",
  industry: "industry",
  country: "country",
  website: "website",
};
const NUMERIC_FIELDS = new Set<keyof LeadInput>(["companySize"]);

/**
 * The lead fields a form's or identify's traits carry, by name in any case ("First name" and
 * first_name both fill firstName); traits that name no lead field are left out, so a form's other
 * fields (a message, a password) never reach the lead.
 */
export function leadFieldsFromTraits(traits: Record<string, unknown>): Partial<Record<keyof LeadInput, string | number>> {
  const fields: Partial<Record<keyof LeadInput, string | number>> = {};
  for (const [name, value] of Object.entries(traits)) {
    const field = TRAIT_FIELDS[name.toLowerCase().replace(/[\s_-]+/g, "")];
    if (!field || value === null || value === undefined || value === "") continue;
    if (NUMERIC_FIELDS.has(field)) {
      const number = Number(value);
      if (Number.isInteger(number) && number >= 0) fields[field] = number;
    } else if (typeof value === "string" || typeof value === "number") {
      fields[field] = String(value).trim();
    }
  }
  return fields;
}

/** An origin as browsers send it (scheme://host[:port]), or null for anything else. */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The origins as stored: one a line. */
export function parseOrigins(stored: string): string[] {
  return stored.split("\n").map((line) => line.trim()).filter(Boolean);
}

/**
 * Whether a write key answers a request from `origin` (the request's Origin header). A request
 * without one (a server, curl) is not a browser's and needs no CORS; the demo key's "self"
 * answers only the app's own pages.
 */
export function originAllowed(origins: readonly string[], origin: string | null, appOrigin: string): boolean {
  if (origin === null) return true;
  return origins.some((allowed) => (allowed === SAME_ORIGIN ? origin === appOrigin : allowed === origin));
}
