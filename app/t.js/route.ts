import { SNIPPET_SOURCE } from "@/lib/server/tracking/snippet";

// The same bytes for every site: cached by browsers for an hour, revalidated after.
export function GET() {
  return new Response(SNIPPET_SOURCE, {
    headers: { "Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600", "Cross-Origin-Resource-Policy": "cross-origin" },
  });
}
