import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { SkipLink } from "@/components/layout/skip-link";
import { ScoreThresholdProvider } from "@/components/score/score-threshold";
import { activeRuleSet } from "@/lib/server/scoring/lead-scoring";
import { navCounts } from "@/lib/server/funnel/nav-counts";
import { requireUser } from "@/lib/server/auth/require-user";

// Every page here depends on who is signed in.
export const dynamic = "force-dynamic";

const MAIN_ID = "main";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const counts = await navCounts(user);
  // Score badges on every page colour against the active rules' threshold (components/score/).
  const { threshold } = (await activeRuleSet()).rules;
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink target={MAIN_ID} />
      <AppHeader user={user} counts={counts} />
      {/* Focusable from the skip link only, so its outline would frame the whole page. */}
      <main id={MAIN_ID} tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        <ScoreThresholdProvider threshold={{ total: threshold.total, fit: threshold.fit, byModel: threshold.probability !== undefined }}>{children}</ScoreThresholdProvider>
      </main>
    </div>
  );
}
