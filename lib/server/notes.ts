import "server-only";
import { db } from "./db";
import { AppError } from "./errors";
import type { LeadNote } from "./lead-details";

export const NOTE_MAX_LENGTH = 5_000;

/** Adds a note to a lead; the lead must still exist when the note is written. */
export async function addNote(author: { id: string }, input: { leadId: string; body: string }): Promise<LeadNote> {
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: input.leadId }, select: { id: true } });
    if (!lead) throw new AppError("NOT_FOUND", "This lead no longer exists, so the note was not saved.");
    const note = await tx.note.create({
      data: { leadId: lead.id, authorId: author.id, body: input.body },
      include: { author: { select: { name: true } } },
    });
    return { id: note.id, body: note.body, authorName: note.author.name, createdAt: note.createdAt.toISOString() };
  });
}
