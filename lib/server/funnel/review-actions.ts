"use server";

import { z } from "zod";
import { authorizedAction } from "../auth/authorized-action";
import { reviewExplanation } from "./review-queue";

const explainSchema = z.strictObject({
  leadId: z.string().min(1, "Which lead to explain is missing.").max(100, "The lead id is too long."),
});

/** The "Why this score" panel of the review: loaded only when a marketer opens it. */
export const explainScoreAction = authorizedAction({ schema: explainSchema, permission: "review.work" }, ({ leadId }) => reviewExplanation(leadId));
