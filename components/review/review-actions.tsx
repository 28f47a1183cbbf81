"use client";

import type { Move, MoveRule } from "@/lib/core/funnel";
import { Button } from "@/components/ui/button";

type Props = { leadName: string; rules: MoveRule[]; pendingMove: Move | null; onChoose: (rule: MoveRule, opener: HTMLButtonElement) => void };

const VARIANTS: Partial<Record<Move, { variant: "primary" | "secondary"; className?: string; pendingLabel: string }>> = {
  markMql: { variant: "primary", pendingLabel: "Marking…" },
  nurture: { variant: "secondary", pendingLabel: "Sending…" },
  disqualify: { variant: "secondary", className: "text-red-700 hover:bg-red-50", pendingLabel: "Disqualifying…" },
};

/** The review moves the viewer may make on this lead; moves that need a reason ask for it first. */
export function ReviewActions({ leadName, rules, pendingMove, onChoose }: Props) {
  if (rules.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {rules.map((rule) => {
        const look = VARIANTS[rule.move] ?? { variant: "secondary", pendingLabel: "Moving…" };
        const pending = pendingMove === rule.move;
        return (
          <Button
            key={rule.move}
            variant={look.variant}
            className={`py-1.5 ${look.className ?? ""}`}
            disabled={pendingMove !== null}
            aria-busy={pending || undefined}
            aria-haspopup={rule.requires.length > 0 ? "dialog" : undefined}
            onClick={(event) => onChoose(rule, event.currentTarget)}
          >
            {pending ? look.pendingLabel : rule.label}
            <span className="sr-only">: {leadName}</span>
          </Button>
        );
      })}
    </div>
  );
}
