"use server";

import { z } from "zod";
import { authorizedAction } from "../action";
import { addNote, NOTE_MAX_LENGTH } from "../notes";

// Admins manage the workspace but don't work leads, so they read notes without adding any.
const LEAD_WORKERS = ["MANAGER", "MARKETER", "SALES"] as const;

const addNoteSchema = z.strictObject({
  leadId: z.string().min(1, "Which lead the note is for is missing.").max(100),
  body: z
    .string()
    .trim()
    .min(1, "Write the note before saving it.")
    .max(NOTE_MAX_LENGTH, `A note can be at most ${NOTE_MAX_LENGTH.toLocaleString("en-US")} characters.`),
});

export const addNoteAction = authorizedAction({ schema: addNoteSchema, roles: LEAD_WORKERS }, (input, user) => addNote(user, input));
