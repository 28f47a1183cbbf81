"use server";

import { z } from "zod";
import { authorizedAction } from "../action";
import { listLeadEvents } from "../lead-details";

const loadMoreEventsSchema = z.strictObject({
  leadId: z.string().min(1).max(100),
  before: z.string().min(1).max(200),
});

/** The next, older page of a lead's timeline ("Load more"). */
export const loadMoreEventsAction = authorizedAction({ schema: loadMoreEventsSchema }, (input) => listLeadEvents(input.leadId, { before: input.before }));
