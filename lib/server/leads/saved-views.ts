import "server-only";
import type { SavedViewInput } from "@/lib/core/saved-views";
import { canonicalViewQuery } from "@/lib/core/saved-views";
import type { SavedViewSummary } from "@/lib/views/leads";
import { AppError } from "../errors";
import type { SavedViewRow } from "./saved-view-store";
import { savedViewStore } from "./saved-view-store";
import { reads, transaction } from "../store/database";

/** The user's own views and the ones teammates shared, by name. */
export async function listSavedViews(userId: string): Promise<SavedViewSummary[]> {
  const views = await savedViewStore.visibleTo(reads(), userId);
  return views.map((view) => ({ id: view.id, name: view.name, query: view.query, shared: view.shared, ownerName: view.ownerName, mine: view.ownerId === userId }));
}

function summary(view: SavedViewRow, ownerName: string): SavedViewSummary {
  return { ...view, ownerName, mine: true };
}

export async function createSavedView(owner: { id: string; name: string }, input: SavedViewInput): Promise<SavedViewSummary> {
  return transaction(async (tx) => {
    if (await savedViewStore.nameTaken(tx, owner.id, input.name)) throw new AppError("VALIDATION", `You already have a view named "${input.name}".`, { name: "You already have a view with this name; pick another or update that one." });
    const view = await savedViewStore.insert(tx, owner.id, { name: input.name, shared: input.shared, query: canonicalViewQuery(input.query) });
    return summary(view, owner.name);
  });
}

/** Renames, re-shares or re-saves the filters of a view; only its owner may. */
export async function updateSavedView(owner: { id: string; name: string }, id: string, input: SavedViewInput): Promise<SavedViewSummary> {
  return transaction(async (tx) => {
    const ownerId = await savedViewStore.ownerOf(tx, id);
    if (ownerId === undefined) throw new AppError("NOT_FOUND", "This view no longer exists.");
    if (ownerId !== owner.id) throw new AppError("FORBIDDEN", "Only the person who saved a view can change it.");
    if (await savedViewStore.nameTaken(tx, owner.id, input.name, id)) throw new AppError("VALIDATION", `You already have a view named "${input.name}".`, { name: "You already have a view with this name." });
    const updated = await savedViewStore.update(tx, id, { name: input.name, shared: input.shared, query: canonicalViewQuery(input.query) });
    return summary(updated, owner.name);
  });
}

export async function deleteSavedView(owner: { id: string }, id: string): Promise<void> {
  await transaction(async (tx) => {
    const ownerId = await savedViewStore.ownerOf(tx, id);
    if (ownerId === undefined) throw new AppError("NOT_FOUND", "This view no longer exists.");
    if (ownerId !== owner.id) throw new AppError("FORBIDDEN", "Only the person who saved a view can delete it.");
    await savedViewStore.delete(tx, id);
  });
}
