import { z } from "zod";
import { BULK_MATCHING_LIMIT } from "@/lib/core/bulk";
import { fieldErrorsOf } from "@/lib/core/field-errors";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { authorizedRoute } from "@/lib/server/auth/authorized-route";
import { AppError } from "@/lib/server/errors";
import { leadExportStream } from "@/lib/server/leads/lead-export";
import { filterContext } from "@/lib/server/leads/lead-table";

const exportSchema = z.strictObject({
  query: z.string().max(4_000, "query: the filter is too long."),
  ids: z
    .string()
    .max(BULK_MATCHING_LIMIT * 40, "ids: too many leads selected.")
    .optional()
    .transform((value) => (value ? value.split(",").filter(Boolean) : null)),
});

/** Downloads the table's leads as CSV: the selected rows, or everything matching the filter. */
export const POST = authorizedRoute("leads.export", async ({ request, user }) => {
  const form = await request.formData().catch(() => null);
  const parsed = exportSchema.safeParse(form ? Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")) : {});
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((issue) => issue.message).join(" "), fieldErrorsOf(parsed.error));
  const { state } = parseLeadTableQuery(new URLSearchParams(parsed.data.query));
  const stream = await leadExportStream(state, await filterContext(user.id), parsed.data.ids);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leadgate-leads-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
