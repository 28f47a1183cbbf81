import { z } from "zod";

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const customValue = z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]);

export const MAX_CUSTOM_FIELDS = 50;
// Each upsert merges into what is stored, so without a cap on the whole a lead could grow without bound.
export const MAX_CUSTOM_FIELDS_BYTES = 16 * 1024;

/** Why a lead's custom fields, as they would be stored, are too many or too big; null if they fit. */
export function customFieldsProblem(fields: Record<string, unknown>): string | null {
  const count = Object.keys(fields).length;
  if (count > MAX_CUSTOM_FIELDS) return `At most ${MAX_CUSTOM_FIELDS} custom fields per lead; this would make ${count}.`;
  const bytes = new TextEncoder().encode(JSON.stringify(fields)).length;
  if (bytes > MAX_CUSTOM_FIELDS_BYTES) return `Custom fields may take at most 16 KB per lead as JSON; this would make ${Math.ceil(bytes / 1024)} KB.`;
  return null;
}

/** A lead's contact and company attributes, as the API and CSV import accept them. */
export const leadInputSchema = z.strictObject({
  email: z.email("Must be a valid e-mail address.").max(254).transform((email) => email.toLowerCase()),
  firstName: text(100),
  lastName: text(100),
  title: text(200),
  seniority: text(100),
  phone: text(50),
  company: text(200),
  companySize: z.number().int().min(0).max(10_000_000).nullable().optional(),
  annualRevenue: z.number().int().min(0).max(1e13).nullable().optional(),
  industry: text(100),
  country: text(100),
  website: text(300),
  source: text(100),
  customFields: z
    .record(z.string().regex(/^[A-Za-z0-9_]{1,50}$/, "Custom field names use letters, digits and underscores."), customValue)
    .superRefine((fields, context) => {
      const problem = customFieldsProblem(fields);
      if (problem) context.addIssue({ code: "custom", message: problem });
    })
    .optional(),
});
export type LeadInput = z.infer<typeof leadInputSchema>;

/** A first and last name for a lead known only by e-mail: "jane.doe@x" becomes Jane Doe. */
export function namesFromEmail(email: string): { firstName: string; lastName: string } {
  const [first = "", ...rest] = email.split("@")[0].split(/[._-]+/).filter(Boolean);
  const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return { firstName: capitalise(first), lastName: rest.map(capitalise).join(" ") };
}
