import { redirect } from "next/navigation";
import { roleHome } from "@/lib/core/role-home";
import { requireUser } from "@/lib/server/auth/require-user";

// Where "/" leads depends on who is signed in.
export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await requireUser();
  redirect(roleHome(user.role));
}
