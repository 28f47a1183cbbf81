import { authorizedRoute } from "@/lib/server/auth/authorized-route";
import { importErrorsCsv } from "@/lib/server/ingest/csv-import";

/** The bad rows of an import, as a CSV download for the person who ran it (or a manager or admin). */
export const GET = authorizedRoute<{ jobId: string }>("import.run", async ({ user, params: { jobId } }) => {
  const csv = await importErrorsCsv(jobId, user);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leadgate-import-bad-rows-${jobId.replace(/[^A-Za-z0-9_-]/g, "")}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
