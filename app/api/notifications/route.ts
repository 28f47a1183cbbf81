import { authorizedRoute } from "@/lib/server/auth/authorized-route";
import { notificationsFor } from "@/lib/server/notifications/notifications";

// The bell polls this (components/notifications/notification-bell.tsx): the signed-in user's own only.
export const dynamic = "force-dynamic";

export const GET = authorizedRoute("leads.view", async ({ user }) => {
  return Response.json(await notificationsFor(user.id), { headers: { "Cache-Control": "no-store" } });
});
