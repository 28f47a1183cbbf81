import { currentUser } from "@/lib/server/current-user";
import { importErrorsCsv } from "@/lib/server/csv-import";
import { AppError } from "@/lib/server/errors";

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as const;

/** The bad rows of an import, as a CSV download for the person who ran it (or a manager or admin). */
export async function GET(_request: Request, context: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return plainText(401, "Sign in to download the rows of an import.");
  const { jobId } = await context.params;
  try {
    const csv = await importErrorsCsv(jobId, user);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="leadgate-import-bad-rows-${jobId.replace(/[^A-Za-z0-9_-]/g, "")}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code in STATUS) return plainText(STATUS[error.code as keyof typeof STATUS], error.message);
    throw error;
  }
}

function plainText(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
