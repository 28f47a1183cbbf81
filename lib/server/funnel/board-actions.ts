"use server";

import { z } from "zod";
import { BOARD_SORTS, DEFAULT_BOARD_SORT, decodeCursor, parseOwnerFilter } from "@/lib/core/board";
import { normalizeSearch } from "@/lib/core/lead-search";
import { STAGES } from "@/lib/core/stages";
import { authorizedAction } from "../auth/authorized-action";
import { loadColumnPage } from "./board";
import { AppError } from "../errors";

const loadColumnSchema = z.strictObject({
  stage: z.enum(STAGES),
  cursor: z.string().max(200).optional(),
  owner: z.string().max(100).optional(),
  search: z.string().max(200).optional(),
  probMin: z.int().min(0).max(100).nullable().optional(),
  sort: z.enum(BOARD_SORTS).default(DEFAULT_BOARD_SORT),
});

/** The next page of one board column ("load more"), with the board's filters. */
export const loadColumnAction = authorizedAction({ schema: loadColumnSchema, permission: "leads.view" }, async (input, user) => {
  const after = input.cursor ? decodeCursor(input.cursor, input.sort) : undefined;
  if (after === null) throw new AppError("VALIDATION", "The page cursor is not valid; reload the board.", { cursor: "Invalid cursor." });
  return loadColumnPage(input.stage, { owner: parseOwnerFilter(input.owner, user.id), search: normalizeSearch(input.search), probMin: input.probMin }, after, input.sort);
});
