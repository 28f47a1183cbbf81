import "server-only";
import { parseStoredJson } from "@/lib/core/stored-json";
import { leadStore } from "../leads/lead-store";
import { reads } from "../store/database";
import { decodeCursor, encodeCursor } from "./cursor";
import type { LeadEventsQuery } from "./schemas";

/** A lead's events, newest first by when they happened (then by id), a page at a time; null when there is no such lead. */
export async function listLeadEvents(leadId: string, query: LeadEventsQuery) {
  const q = reads();
  const before = query.cursor ? decodeCursor(query.cursor) : null;
  if (!(await leadStore.exists(q, leadId))) return null;
  const rows = await leadStore.timelineEvents(q, leadId, before && { at: new Date(before.at), id: before.id }, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      source: event.source,
      properties: parseStoredJson(event.properties, {}),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.occurredAt.getTime(), id: last.id }) : null,
  };
}
