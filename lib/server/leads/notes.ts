import "server-only";
import type { ActivityKind } from "@/lib/core/activities";
import type { LeadActivity } from "@/lib/views/leads";
import { AppError } from "../errors";
import { toLeadActivity } from "./lead-details";
import { leadStore } from "./lead-store";
import { transaction } from "../store/database";

export const NOTE_MAX_LENGTH = 5_000;

/** Adds a note, or logs a call, e-mail or meeting, on a lead; the lead must still exist when it is written. */
export async function addNote(author: { id: string }, input: { leadId: string; kind: ActivityKind; body: string }): Promise<LeadActivity> {
  return transaction(async (tx) => {
    if (!(await leadStore.exists(tx, input.leadId))) throw new AppError("NOT_FOUND", `This lead no longer exists, so the ${input.kind === "note" ? "note was not saved" : "activity was not logged"}.`);
    const note = await leadStore.insertActivity(tx, { leadId: input.leadId, authorId: author.id, kind: input.kind, body: input.body });
    return toLeadActivity(note);
  });
}
