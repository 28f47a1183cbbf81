import "server-only";
import type { ActivityKind } from "@/lib/core/activities";
import { db } from "./db";
import { AppError } from "./errors";
import type { LeadActivity } from "./lead-details";
import { leadActivitySelect, toLeadActivity } from "./lead-details";

export const NOTE_MAX_LENGTH = 5_000;

/** Adds a note, or logs a call, e-mail or meeting, on a lead; the lead must still exist when it is written. */
export async function addNote(author: { id: string }, input: { leadId: string; kind: ActivityKind; body: string }): Promise<LeadActivity> {
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: input.leadId }, select: { id: true } });
    if (!lead) throw new AppError("NOT_FOUND", `This lead no longer exists, so the ${input.kind === "note" ? "note was not saved" : "activity was not logged"}.`);
    const note = await tx.note.create({
      data: { leadId: lead.id, authorId: author.id, kind: input.kind, body: input.body },
      select: leadActivitySelect,
    });
    return toLeadActivity(note);
  });
}
