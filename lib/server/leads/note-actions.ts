"use server";

import { z } from "zod";
import type { ActivityKind } from "@/lib/core/activities";
import { ACTIVITY_KINDS } from "@/lib/core/activities";
import { authorizedAction } from "../auth/authorized-action";
import { addNote, NOTE_MAX_LENGTH } from "./notes";

const EMPTY_BODY: Record<ActivityKind, string> = {
  note: "Write the note before saving it.",
  call: "Write what was said on the call before logging it.",
  email: "Write what the e-mail said before logging it.",
  meeting: "Write what was discussed in the meeting before logging it.",
};

const addNoteSchema = z
  .strictObject({
    leadId: z.string().min(1, "Which lead the note is for is missing.").max(100),
    kind: z.enum(ACTIVITY_KINDS, "Choose a note, call, e-mail or meeting.").default("note"),
    body: z.string().trim().max(NOTE_MAX_LENGTH, `A note can be at most ${NOTE_MAX_LENGTH.toLocaleString("en-US")} characters.`),
  })
  // The message for an empty body names what is being logged, so it runs once the kind is known.
  .superRefine((input, context) => {
    if (input.body === "") context.addIssue({ code: "custom", path: ["body"], message: EMPTY_BODY[input.kind] });
  });

/** Adds a note, or logs a call, e-mail or meeting, on a lead. */
export const addNoteAction = authorizedAction({ schema: addNoteSchema, permission: "leads.logActivity", labels: { kind: "What to log" } }, (input, user) => addNote(user, input));
