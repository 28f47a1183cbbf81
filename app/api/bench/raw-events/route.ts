import { benchRoutesEnabled } from "@/lib/env";
import { insertEventsUnscored } from "@/lib/server/ingest/unscored-insert-store";

// Benchmark ceiling: parse a batch and insert it with no scoring (404 unless enabled).
export async function POST(request: Request) {
  if (!benchRoutesEnabled()) return new Response(null, { status: 404 });
  const body = (await request.json()) as { events?: Array<{ email?: string; type?: string; occurredAt?: string; properties?: unknown }> };
  return Response.json({ stored: await insertEventsUnscored(body.events ?? []) });
}
