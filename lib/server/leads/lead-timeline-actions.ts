"use server";

import { z } from "zod";
import { authorizedAction } from "../auth/authorized-action";
import { listLeadTimeline } from "./lead-details";

const loadMoreTimelineSchema = z.strictObject({
  leadId: z.string().min(1).max(100),
  before: z.string().min(1).max(200),
});

/** The next, older page of a lead's timeline ("Load more"). */
export const loadMoreTimelineAction = authorizedAction({ schema: loadMoreTimelineSchema, permission: "leads.view" }, (input) => listLeadTimeline(input.leadId, { before: input.before }));
