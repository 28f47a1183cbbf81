"use client";

import { useState } from "react";
import type { LeadNote } from "@/lib/server/lead-details";
import { AddNoteForm } from "./add-note-form";
import { SectionCard } from "./section-card";
import { Timestamp } from "./timestamp";

type Props = { leadId: string; initialNotes: LeadNote[]; canAddNotes: boolean; maxLength: number; now: string };

export function LeadNotes({ leadId, initialNotes, canAddNotes, maxLength, now }: Props) {
  const [notes, setNotes] = useState(initialNotes);
  return (
    <SectionCard id="notes" title="Notes" summary={notes.length > 0 ? `${notes.length} ${notes.length === 1 ? "note" : "notes"}` : null}>
      {canAddNotes ? (
        <AddNoteForm leadId={leadId} maxLength={maxLength} onAdded={(note) => setNotes((current) => [note, ...current])} />
      ) : (
        <p className="text-sm text-slate-500">Admins read notes; the managers, marketers and reps working the lead add them.</p>
      )}
      {notes.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">No notes yet.</p>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Notes, newest first">
          {notes.map((note) => (
            <li key={note.id} className="rounded-lg bg-slate-50 px-3 py-2" data-testid="note">
              <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{note.body}</p>
              <p className="mt-1 text-xs text-slate-500">
                <span className="font-medium text-slate-700">{note.authorName}</span> · <Timestamp iso={note.createdAt} now={now} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
