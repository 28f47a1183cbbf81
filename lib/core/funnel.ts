import { closeDate, dealValueCents } from "./deal";
import type { ChecklistItem } from "./qualification";
import { OTHER_REASON_CODE, OTHER_REASON_LABEL, REASON_LIST_NAMES, reasonListOf } from "./reasons";
import { missingChecklistItems } from "./qualification";
import type { Role } from "./roles";
import { ROLE_LABELS } from "./roles";
import type { Stage } from "./stages";
import { STAGE_LABELS } from "./stages";

export const MOVES = [
  "markMql",
  "nurture",
  "accept",
  "reject",
  "qualify",
  "recycle",
  "disqualify",
  "win",
  "lose",
  "reopen",
] as const;
export type Move = (typeof MOVES)[number];

/** Who may make a move: a role, and for sales reps whether they must own the lead. */
type Permission = { role: Role; ownership: "any" | "owner" | "ownerOrUnassigned" };

export type Requirement = "reason" | "listedReason" | "checklist" | "assignee" | "deal";

export type MoveRule = {
  move: Move;
  from: Stage;
  to: Stage;
  label: string;
  permissions: readonly Permission[];
  requires: readonly Requirement[];
  /** The system may make this move on its own (score crossing the MQL threshold). */
  system?: boolean;
};

const anyManager: Permission = { role: "MANAGER", ownership: "any" };
const anyMarketer: Permission = { role: "MARKETER", ownership: "any" };
const owningRep: Permission = { role: "SALES", ownership: "owner" };
const repOfOpenLead: Permission = { role: "SALES", ownership: "ownerOrUnassigned" };

/** The funnel's move table (SPEC section 1). One row per move and starting stage. */
export const MOVE_TABLE: readonly MoveRule[] = [
  { move: "markMql", from: "LEAD", to: "MQL", label: "Mark as MQL", permissions: [anyMarketer, anyManager], requires: [], system: true },
  { move: "nurture", from: "MQL", to: "LEAD", label: "Send to nurture", permissions: [anyMarketer, anyManager], requires: ["reason"] },
  { move: "accept", from: "MQL", to: "SAL", label: "Accept", permissions: [repOfOpenLead, anyManager], requires: ["assignee"] },
  { move: "reject", from: "MQL", to: "LEAD", label: "Reject to marketing", permissions: [repOfOpenLead, anyManager], requires: ["listedReason"] },
  { move: "qualify", from: "SAL", to: "SQL", label: "Qualify", permissions: [owningRep, anyManager], requires: ["checklist"] },
  { move: "recycle", from: "SAL", to: "LEAD", label: "Recycle to nurture", permissions: [owningRep, anyManager], requires: ["reason"] },
  { move: "disqualify", from: "LEAD", to: "DISQUALIFIED", label: "Disqualify", permissions: [anyMarketer, anyManager], requires: ["listedReason"] },
  { move: "disqualify", from: "MQL", to: "DISQUALIFIED", label: "Disqualify", permissions: [anyMarketer, anyManager], requires: ["listedReason"] },
  { move: "disqualify", from: "SAL", to: "DISQUALIFIED", label: "Disqualify", permissions: [owningRep, anyManager], requires: ["listedReason"] },
  { move: "win", from: "SQL", to: "WON", label: "Mark won", permissions: [owningRep, anyManager], requires: ["deal"] },
  { move: "lose", from: "SQL", to: "LOST", label: "Mark lost", permissions: [owningRep, anyManager], requires: ["reason"] },
  { move: "reopen", from: "DISQUALIFIED", to: "LEAD", label: "Reopen", permissions: [anyManager], requires: ["reason"] },
  // A closed deal reopens where it was closed from: sales still owns it, and it is qualified.
  { move: "reopen", from: "WON", to: "SQL", label: "Reopen", permissions: [anyManager], requires: ["reason"] },
  { move: "reopen", from: "LOST", to: "SQL", label: "Reopen", permissions: [anyManager], requires: ["reason"] },
];

export type Actor = { id: string; role: Role };
export type LeadPosition = { stage: Stage; ownerId: string | null };

export type RefusalCode = "UNKNOWN_MOVE" | "WRONG_STAGE" | "FORBIDDEN" | "NOT_OWNER";
export type Authorization =
  | { allowed: true; rule: MoveRule }
  | { allowed: false; code: RefusalCode; message: string };

export function findRule(move: Move, from: Stage): MoveRule | undefined {
  return MOVE_TABLE.find((rule) => rule.move === move && rule.from === from);
}

function ownershipHolds(ownership: Permission["ownership"], actor: Actor, lead: LeadPosition): boolean {
  if (ownership === "any") return true;
  if (ownership === "owner") return lead.ownerId === actor.id;
  return lead.ownerId === null || lead.ownerId === actor.id;
}

function rolesAllowed(rule: MoveRule): string {
  return rule.permissions.map((p) => ROLE_LABELS[p.role].toLowerCase() + "s").join(" and ");
}

/** Decides whether an actor may make a move on a lead in its current position. */
export function authorizeMove(input: { actor: Actor; lead: LeadPosition; move: Move }): Authorization {
  const { actor, lead, move } = input;
  const candidates = MOVE_TABLE.filter((rule) => rule.move === move);
  if (candidates.length === 0) {
    return { allowed: false, code: "UNKNOWN_MOVE", message: `"${move}" is not a funnel move.` };
  }
  const rule = candidates.find((candidate) => candidate.from === lead.stage);
  if (!rule) {
    const fromStages = candidates.map((candidate) => candidate.from).join(" or ");
    return {
      allowed: false,
      code: "WRONG_STAGE",
      message: `${candidates[0].label} applies to leads in ${fromStages}; this lead is in ${lead.stage} (${STAGE_LABELS[lead.stage]}).`,
    };
  }
  const permission = rule.permissions.find((p) => p.role === actor.role);
  if (!permission) {
    return {
      allowed: false,
      code: "FORBIDDEN",
      message: `${ROLE_LABELS[actor.role]}s can't ${rule.label.toLowerCase()} a ${rule.from} lead; only ${rolesAllowed(rule)} can.`,
    };
  }
  if (!ownershipHolds(permission.ownership, actor, lead)) {
    const whose = permission.ownership === "owner" ? "the owning rep" : "its owner (or any rep while it is unassigned)";
    return {
      allowed: false,
      code: "NOT_OWNER",
      message: `This lead belongs to another rep: only ${whose} or a manager can ${rule.label.toLowerCase()} it.`,
    };
  }
  return { allowed: true, rule };
}

/** Every move the actor may make on the lead right now, in table order. */
export function availableMoves(actor: Actor, lead: LeadPosition): MoveRule[] {
  return MOVE_TABLE.filter(
    (rule) => rule.from === lead.stage && authorizeMove({ actor, lead, move: rule.move }).allowed,
  );
}

/** The moves that take the lead to the given stage (a drop on a column may mean more than one). */
export function movesTo(actor: Actor, lead: LeadPosition, to: Stage): MoveRule[] {
  return availableMoves(actor, lead).filter((rule) => rule.to === to);
}

/** Whether choosing the moves opens a form first: a choice between them, or something the move needs (a rep accepting for themselves needs nothing). */
export function asksBeforeMoving(rules: readonly MoveRule[], role: Role): boolean {
  if (rules.length !== 1) return true;
  return rules[0].requires.some((requirement) => requirement !== "assignee" || role === "MANAGER");
}

/** Why each move from the lead's stage that the actor may not make is refused, once per distinct reason. */
export function refusedMoves(actor: Actor, lead: LeadPosition): string[] {
  const reasons = MOVE_TABLE.filter((rule) => rule.from === lead.stage).flatMap((rule) => {
    const decision = authorizeMove({ actor, lead, move: rule.move });
    return decision.allowed ? [] : [decision.message];
  });
  return [...new Set(reasons)];
}

/** Stages said letter by letter: "an MQL". */
const SPELLED_OUT: readonly Stage[] = ["MQL", "SAL", "SQL"];

/** "an MQL" reads as the acronym; a stage that is a word needs the lead named. */
function aLeadIn(stage: Stage): string {
  return SPELLED_OUT.includes(stage) ? `an ${stage}` : `a lead in ${stage}`;
}

/**
 * Why the actor can't take the lead to the stage, in the words the board shows for a refused drop;
 * null when a move does take it there (or it is already there).
 */
export function refusedMoveReason(actor: Actor, lead: LeadPosition, to: Stage): string | null {
  if (to === lead.stage || movesTo(actor, lead, to).length > 0) return null;
  const rules = MOVE_TABLE.filter((rule) => rule.from === lead.stage && rule.to === to);
  if (rules.length === 0) {
    const reachable = [...new Set(MOVE_TABLE.filter((rule) => rule.from === lead.stage).map((rule) => rule.to))];
    const sentence = `${aLeadIn(lead.stage)} can't move to ${to}`;
    const alternatives = reachable.length > 1 ? `${reachable.slice(0, -1).join(", ")} or ${reachable.at(-1)}` : reachable[0];
    return `${sentence[0].toUpperCase()}${sentence.slice(1)}${alternatives ? `, only to ${alternatives}` : ""}.`;
  }
  const ownRule = rules.find((rule) => rule.permissions.some((permission) => permission.role === actor.role));
  if (ownRule) {
    const refusal = authorizeMove({ actor, lead, move: ownRule.move });
    return refusal.allowed ? null : refusal.message;
  }
  const roles = [...new Set(rules.flatMap((rule) => rule.permissions.map((permission) => `${ROLE_LABELS[permission.role].toLowerCase()}s`)))];
  const [rule] = rules;
  const action = rules.length === 1 && !rule.label.includes(" ") ? `${rule.label.toLowerCase()} ${aLeadIn(rule.from)}` : `move ${aLeadIn(rule.from)} to ${to}`;
  return `Only ${roles.join(" and ")} can ${action}.`;
}

export type MoveDetails = {
  reason?: string;
  reasonCode?: string;
  checklist?: Readonly<Record<string, boolean>>;
  assigneeId?: string;
  /** Winning: the deal's value (currency units, up to two decimals) and its close day, YYYY-MM-DD. */
  dealValue?: number;
  closedOn?: string;
};

export type RequirementContext = {
  actor: Actor;
  /** The active codes of the move's reason list (disqualification or reject). */
  reasonCodes: readonly string[];
  checklist: readonly ChecklistItem[];
  /** Active sales reps a manager may assign an accepted lead to. */
  assignableRepIds: readonly string[];
  /** Today (UTC, YYYY-MM-DD): a deal can't close after it. Required for moves that record a deal. */
  today?: string;
};

export const REASON_MIN_LENGTH = 3;
export const REASON_MAX_LENGTH = 500;

/** Checks what the move requires; returns field errors keyed by the input field's name. */
export function checkRequirements(
  rule: MoveRule,
  details: MoveDetails,
  context: RequirementContext,
): Partial<Record<keyof MoveDetails, string>> {
  const errors: Partial<Record<keyof MoveDetails, string>> = {};
  for (const requirement of rule.requires) {
    switch (requirement) {
      case "reason": {
        const reason = details.reason?.trim() ?? "";
        if (reason.length < REASON_MIN_LENGTH) errors.reason = `A reason of at least ${REASON_MIN_LENGTH} characters is required to ${rule.label.toLowerCase()}.`;
        else if (reason.length > REASON_MAX_LENGTH) errors.reason = `The reason can be at most ${REASON_MAX_LENGTH} characters.`;
        break;
      }
      case "listedReason": {
        // A pick from the move's list, or "Other" with the reason written out; a note is optional otherwise.
        const { noun } = REASON_LIST_NAMES[reasonListOf(rule.move) ?? "disqualification"];
        const text = details.reason?.trim() ?? "";
        if (!details.reasonCode) errors.reasonCode = `Pick a ${noun} from the list, or ${OTHER_REASON_LABEL}.`;
        else if (details.reasonCode === OTHER_REASON_CODE) {
          if (text.length < REASON_MIN_LENGTH) errors.reason = `With "${OTHER_REASON_LABEL}", write the reason (at least ${REASON_MIN_LENGTH} characters).`;
        } else if (!context.reasonCodes.includes(details.reasonCode)) errors.reasonCode = `"${details.reasonCode}" is not an active ${noun}.`;
        if (text.length > REASON_MAX_LENGTH) errors.reason = `The reason can be at most ${REASON_MAX_LENGTH} characters.`;
        break;
      }
      case "checklist": {
        const missing = missingChecklistItems(context.checklist, details.checklist ?? {});
        if (missing.length > 0) {
          const labels = context.checklist.filter((item) => missing.includes(item.key)).map((item) => item.label);
          errors.checklist = `Complete the qualification checklist first: ${labels.join(", ")} ${labels.length === 1 ? "is" : "are"} not confirmed.`;
        }
        break;
      }
      case "deal": {
        if (context.today === undefined) throw new Error("Checking a deal needs today's date.");
        const value = dealValueCents(details.dealValue);
        if ("error" in value) errors.dealValue = value.error;
        const closed = closeDate(details.closedOn, context.today);
        if ("error" in closed) errors.closedOn = closed.error;
        break;
      }
      case "assignee":
        if (context.actor.role !== "MANAGER") break;
        if (!details.assigneeId) errors.assigneeId = "Choose the sales rep who will own this lead.";
        else if (!context.assignableRepIds.includes(details.assigneeId)) errors.assigneeId = "The chosen owner is not an active sales rep.";
        break;
      default: {
        const unhandled: never = requirement;
        throw new Error(`Unhandled requirement ${String(unhandled)}`);
      }
    }
  }
  return errors;
}

/** Moves by which a person hands the lead back to marketing: the score alone no longer promotes it. */
export function returnsToMarketing(rule: MoveRule): boolean {
  return rule.move === "nurture" || rule.move === "reject" || rule.move === "recycle";
}

/**
 * Who owns the lead after the move: accepting gives it to the rep (or the manager's pick);
 * going back to LEAD gives it back to marketing, so a later MQL is routed afresh.
 */
export function ownerAfterMove(rule: MoveRule, actor: Actor, lead: LeadPosition, details: MoveDetails): string | null {
  if (rule.to === "LEAD") return null;
  if (rule.move !== "accept") return lead.ownerId;
  return actor.role === "SALES" ? actor.id : (details.assigneeId ?? lead.ownerId);
}

/** The deal a win records (checked by checkRequirements first); null for every other move. */
function recordedDeal(rule: MoveRule, details: MoveDetails): { dealValueCents: number; closedAt: Date } | null {
  if (!rule.requires.includes("deal")) return null;
  const value = dealValueCents(details.dealValue);
  const closed = closeDate(details.closedOn, "9999-12-31");
  if ("error" in value || "error" in closed) throw new Error("A win's deal must be checked before it is recorded.");
  return { dealValueCents: value.cents, closedAt: closed.at };
}

/** What a person's move records: the stage change, who made it, and what the move asked for. */
export function transitionRecord(rule: MoveRule, actorId: string, details: MoveDetails, at: Date) {
  const deal = recordedDeal(rule, details);
  return {
    fromStage: rule.from,
    toStage: rule.to,
    move: rule.move,
    actorId,
    reason: details.reason?.trim() || null,
    reasonCode: rule.requires.includes("listedReason") ? (details.reasonCode ?? null) : null,
    checklist: rule.requires.includes("checklist") ? JSON.stringify(details.checklist ?? {}) : null,
    dealValueCents: deal?.dealValueCents ?? null,
    closedAt: deal?.closedAt ?? null,
    createdAt: at,
  };
}
