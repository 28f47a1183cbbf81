"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BoardCard } from "@/lib/core/board";
import type { Actor, MoveDetails, MoveRule } from "@/lib/core/funnel";
import { asksBeforeMoving, availableMoves, refusedMoves } from "@/lib/core/funnel";
import { can } from "@/lib/core/permissions";
import type { ChecklistItem } from "@/lib/core/qualification";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import type { FieldErrors } from "@/lib/server/errors";
import type { ReasonOption, UserOption } from "@/lib/views/settings";
import { MoveDialog } from "@/components/board/move-dialog";
import { Button } from "@/components/ui/button";
import type { FormMessageValue } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";

type Props = {
  lead: BoardCard;
  viewer: Actor;
  reps: UserOption[];
  reasons: ReasonOption[];
  rejectReasons: ReasonOption[];
  checklist: readonly ChecklistItem[];
};

/**
 * The moves the signed-in user may make on this lead, as the board offers them: the same rules,
 * the same form for what a move needs, the same server action. Moves the role can't make are
 * explained with the board's refusal reasons instead of being offered.
 */
export function LeadStageActions({ lead, viewer, reps, reasons, rejectReasons, checklist }: Props) {
  const router = useRouter();
  const [dialogRule, setDialogRule] = useState<MoveRule | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const rules = availableMoves(viewer, lead);

  async function move(rule: MoveRule, details: MoveDetails) {
    setPending(true);
    setMessage(null);
    const result = await moveLeadAction({ leadId: lead.id, version: lead.version, move: rule.move, ...details });
    setPending(false);
    if (!result.ok && result.error.code === "VALIDATION" && dialogRule) {
      setErrors(result.error.fieldErrors ?? { form: result.error.message });
      return;
    }
    setDialogRule(null);
    setMessage(result.ok ? { tone: "success", text: `${lead.name} moved to ${result.data.stage}.` } : { tone: "error", text: result.error.message });
    // The page shows the lead as it is now: moved, or moved by someone else meanwhile.
    router.refresh();
  }

  function choose(rule: MoveRule) {
    setMessage(null);
    if (asksBeforeMoving([rule], viewer.role)) {
      setErrors({});
      setDialogRule(rule);
    } else {
      void move(rule, {});
    }
  }

  const refusals = rules.length === 0 ? refusedMoves(viewer, lead) : [];
  return (
    <div className="mt-4 space-y-2">
      {rules.length > 0 && (
        <div role="group" aria-label="Stage actions" className="flex flex-wrap gap-2">
          {rules.map((rule) => (
            <Button
              key={`${rule.move}-${rule.from}`}
              variant={rule.to === "LOST" || rule.to === "DISQUALIFIED" ? "secondary" : "primary"}
              disabled={pending}
              onClick={() => choose(rule)}
            >
              {rule.label}
              <span className="text-xs opacity-80">→ {rule.to}</span>
            </Button>
          ))}
        </div>
      )}
      {refusals.length > 0 && (
        <ul className="space-y-0.5 text-sm text-slate-600" data-testid="stage-refusals">
          {refusals.map((refusal) => (
            <li key={refusal}>{refusal}</li>
          ))}
        </ul>
      )}
      <FormMessage message={message} />
      {dialogRule && (
        <MoveDialog
          key={`${dialogRule.move}-${dialogRule.from}`}
          request={{ card: lead, rules: [dialogRule] }}
          viewerRole={viewer.role}
          reps={reps.filter((rep) => can(rep.role, "leads.receive"))}
          reasons={reasons}
          rejectReasons={rejectReasons}
          checklist={checklist}
          errors={errors}
          pending={pending}
          onCancel={() => setDialogRule(null)}
          onConfirm={(rule, details) => void move(rule, details)}
        />
      )}
    </div>
  );
}
