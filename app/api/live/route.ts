import { authorizedRoute } from "@/lib/server/auth/authorized-route";
import { liveChangeToken } from "@/lib/server/leads/live-changes";

// Open boards and tables poll this every few seconds (components/live/use-live-refresh.ts).
// Polling with an ETag rather than server-sent events: it works behind any proxy, a poll
// that finds nothing new is one indexed read and an empty 304, and it holds no connection
// per open tab on a small server.
export const dynamic = "force-dynamic";

/** Whether If-None-Match names this ETag: a list, weak forms (a proxy may weaken it) and "*" count. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

export const GET = authorizedRoute("leads.view", async ({ request }) => {
  const token = await liveChangeToken();
  const etag = `"${token}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache" };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return Response.json({ token }, { headers });
});
