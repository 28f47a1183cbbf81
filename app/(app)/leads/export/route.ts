import { z } from "zod";
import { BULK_MATCHING_LIMIT } from "@/lib/core/bulk";
import { parseLeadTableQuery } from "@/lib/core/lead-table";
import { currentUser } from "@/lib/server/current-user";
import { leadExportStream } from "@/lib/server/lead-export";
import { filterContext } from "@/lib/server/lead-table";

const exportSchema = z.strictObject({
  query: z.string().max(4_000, "query: the filter is too long."),
  ids: z
    .string()
    .max(BULK_MATCHING_LIMIT * 40, "ids: too many leads selected.")
    .optional()
    .transform((value) => (value ? value.split(",").filter(Boolean) : null)),
});

/** Downloads the table's leads as CSV: the selected rows, or everything matching the filter. */
export async function POST(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return plainText(401, "Sign in to export leads.");
  const form = await request.formData().catch(() => null);
  const parsed = exportSchema.safeParse(form ? Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")) : {});
  if (!parsed.success) return plainText(400, parsed.error.issues.map((issue) => issue.message).join(" "));
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
}

function plainText(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
