import { benchRoutesEnabled } from "@/lib/env";

// Benchmark ceiling: the cheapest JSON answer this server can give (404 unless enabled).
export function GET() {
  if (!benchRoutesEnabled()) return new Response(null, { status: 404 });
  return Response.json({ ok: true });
}
