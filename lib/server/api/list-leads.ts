import "server-only";
import { leadListStore } from "../leads/lead-list-store";
import { reads } from "../store/database";
import { decodeCursor, encodeCursor } from "./cursor";
import { apiLead } from "./lead-resource";
import type { LeadListQuery } from "./schemas";

/** Leads in the order they last changed, oldest first, so a sync can resume from its cursor. */
export async function listLeads(query: LeadListQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await leadListStore.apiPage(
    reads(),
    {
      email: query.email,
      stage: query.stage,
      minScore: query.minScore,
      updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      after: after && { updatedAt: new Date(after.at), id: after.id },
    },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    leads: await Promise.all(page.map(apiLead)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.updatedAt.getTime(), id: last.id }) : null,
  };
}
