import "server-only";
import type { SavedViewInput } from "@/lib/core/saved-views";
import { canonicalViewQuery } from "@/lib/core/saved-views";
import { db } from "./db";
import { AppError } from "./errors";

export type SavedViewSummary = { id: string; name: string; query: string; shared: boolean; ownerName: string; mine: boolean };

/** The user's own views and the ones teammates shared, by name. */
export async function listSavedViews(userId: string): Promise<SavedViewSummary[]> {
  const views = await db.savedView.findMany({
    where: { OR: [{ ownerId: userId }, { shared: true }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, query: true, shared: true, ownerId: true, owner: { select: { name: true } } },
  });
  return views.map((view) => ({ id: view.id, name: view.name, query: view.query, shared: view.shared, ownerName: view.owner.name, mine: view.ownerId === userId }));
}

function summary(view: { id: string; name: string; query: string; shared: boolean }, ownerName: string): SavedViewSummary {
  return { ...view, ownerName, mine: true };
}

export async function createSavedView(owner: { id: string; name: string }, input: SavedViewInput): Promise<SavedViewSummary> {
  return db.$transaction(async (tx) => {
    const clash = await tx.savedView.findFirst({ where: { ownerId: owner.id, name: input.name }, select: { id: true } });
    if (clash) throw new AppError("VALIDATION", `You already have a view named "${input.name}".`, { name: "You already have a view with this name; pick another or update that one." });
    const view = await tx.savedView.create({
      data: { name: input.name, shared: input.shared, query: canonicalViewQuery(input.query), ownerId: owner.id },
      select: { id: true, name: true, query: true, shared: true },
    });
    return summary(view, owner.name);
  });
}

/** Renames, re-shares or re-saves the filters of a view; only its owner may. */
export async function updateSavedView(owner: { id: string; name: string }, id: string, input: SavedViewInput): Promise<SavedViewSummary> {
  return db.$transaction(async (tx) => {
    const view = await tx.savedView.findUnique({ where: { id }, select: { ownerId: true } });
    if (!view) throw new AppError("NOT_FOUND", "This view no longer exists.");
    if (view.ownerId !== owner.id) throw new AppError("FORBIDDEN", "Only the person who saved a view can change it.");
    const clash = await tx.savedView.findFirst({ where: { ownerId: owner.id, name: input.name, id: { not: id } }, select: { id: true } });
    if (clash) throw new AppError("VALIDATION", `You already have a view named "${input.name}".`, { name: "You already have a view with this name." });
    const updated = await tx.savedView.update({
      where: { id },
      data: { name: input.name, shared: input.shared, query: canonicalViewQuery(input.query) },
      select: { id: true, name: true, query: true, shared: true },
    });
    return summary(updated, owner.name);
  });
}

export async function deleteSavedView(owner: { id: string }, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const view = await tx.savedView.findUnique({ where: { id }, select: { ownerId: true } });
    if (!view) throw new AppError("NOT_FOUND", "This view no longer exists.");
    if (view.ownerId !== owner.id) throw new AppError("FORBIDDEN", "Only the person who saved a view can delete it.");
    await tx.savedView.delete({ where: { id } });
  });
}
