import "server-only";
import { leadListStore } from "../leads/lead-list-store";
import { reads } from "../store/database";
import { validationError } from "./api-route";
import { apiLead } from "./lead-resource";
import type { LeadListQuery } from "./schemas";

type Cursor = { updatedAt: number; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAt, cursor.id])).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof updatedAt === "number" && typeof id === "string") return { updatedAt, id };
  } catch {
    // falls through to the error below
  }
  throw validationError({ cursor: "Not a cursor this API returned." });
}

/** Leads in the order they last changed, oldest first, so a sync can resume from its cursor. */
export async function listLeads(query: LeadListQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await leadListStore.apiPage(
    reads(),
    {
      stage: query.stage,
      minScore: query.minScore,
      updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      after: after && { updatedAt: new Date(after.updatedAt), id: after.id },
    },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    leads: await Promise.all(page.map(apiLead)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ updatedAt: last.updatedAt.getTime(), id: last.id }) : null,
  };
}
