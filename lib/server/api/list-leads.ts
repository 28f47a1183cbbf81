import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { validationError } from "./api-route";
import { apiLead, apiLeadSelect } from "./lead-resource";
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
  const where: Prisma.LeadWhereInput = {};
  if (query.stage) where.stage = query.stage;
  if (query.minScore !== undefined) where.totalScore = { gte: query.minScore };
  if (query.updatedSince) where.updatedAt = { gte: new Date(query.updatedSince) };
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.OR = [{ updatedAt: { gt: new Date(after.updatedAt) } }, { updatedAt: new Date(after.updatedAt), id: { gt: after.id } }];
  }
  const rows = await db.lead.findMany({ where, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: query.limit + 1, select: apiLeadSelect });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    leads: await Promise.all(page.map(apiLead)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ updatedAt: last.updatedAt.getTime(), id: last.id }) : null,
  };
}
