import { z } from "zod";
import { SAME_ORIGIN, normalizeOrigin } from "./tracking";

/** The sites a write key sends from, one origin a line, as an admin types them; "self" is the app's own pages. */
export const writeKeyInputSchema = z.strictObject({
  name: z.string().trim().min(2, "Name the key after its site, in at least 2 characters.").max(60, "The name can be at most 60 characters."),
  origins: z
    .string()
    .max(4000, "List at most 4,000 characters of sites.")
    .transform((text, context) => {
      const origins: string[] = [];
      for (const [index, line] of text.split(/\r?\n/).entries()) {
        const trimmed = line.trim();
        if (!trimmed) continue;
        const origin = trimmed === SAME_ORIGIN ? SAME_ORIGIN : normalizeOrigin(trimmed);
        // Only scheme, host and port: a path would suggest the key is limited to it, and it is not.
        if (!origin || trimmed.replace(/\/$/, "") !== origin) {
          context.addIssue({ code: "custom", message: `Line ${index + 1} ("${trimmed.slice(0, 60)}") is not a site's origin, like https://www.example.com (no path).` });
          return z.NEVER;
        }
        origins.push(origin);
      }
      if (origins.length === 0) {
        context.addIssue({ code: "custom", message: "List the sites the snippet runs on, one a line, like https://www.example.com." });
        return z.NEVER;
      }
      return [...new Set(origins)];
    }),
});
