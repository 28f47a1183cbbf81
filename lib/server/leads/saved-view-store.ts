import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";

const viewSelect = { id: true, name: true, query: true, shared: true } satisfies Prisma.SavedViewSelect;

/** A saved view; `query` is the lead table's filters as a canonical query string (lib/core/saved-views.ts). */
export type SavedViewRow = Prisma.SavedViewGetPayload<{ select: typeof viewSelect }>;
export type VisibleSavedViewRow = SavedViewRow & { ownerId: string; ownerName: string };
export type SavedViewFields = { name: string; shared: boolean; query: string };

/** The lead table's saved views: each user's own, some shared with the team. */
export interface SavedViewStore {
  /** The user's own views and the ones anyone shared, by name. */
  visibleTo(q: Queryable, userId: string): Promise<VisibleSavedViewRow[]>;
  /** Who saved the view; undefined: no such view. */
  ownerOf(q: Queryable, id: string): Promise<string | undefined>;
  /** Whether the owner has a view of this name, other than `exceptId`. */
  nameTaken(q: Queryable, ownerId: string, name: string, exceptId?: string): Promise<boolean>;
  insert(tx: Tx, ownerId: string, view: SavedViewFields): Promise<SavedViewRow>;
  update(tx: Tx, id: string, view: SavedViewFields): Promise<SavedViewRow>;
  delete(tx: Tx, id: string): Promise<void>;
}

// Written with the ORM, so the same implementation serves every engine the ORM supports.
export const savedViewStore: SavedViewStore = {
  async visibleTo(q, userId) {
    const views = await q.orm.savedView.findMany({
      where: { OR: [{ ownerId: userId }, { shared: true }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { ...viewSelect, ownerId: true, owner: { select: { name: true } } },
    });
    return views.map(({ owner, ...view }) => ({ ...view, ownerName: owner.name }));
  },
  ownerOf: async (q, id) => (await q.orm.savedView.findUnique({ where: { id }, select: { ownerId: true } }))?.ownerId,
  nameTaken: async (q, ownerId, name, exceptId) =>
    (await q.orm.savedView.findFirst({ where: { ownerId, name, ...(exceptId === undefined ? {} : { id: { not: exceptId } }) }, select: { id: true } })) !== null,
  insert: (tx, ownerId, view) => tx.orm.savedView.create({ data: { ...view, ownerId }, select: viewSelect }),
  update: (tx, id, view) => tx.orm.savedView.update({ where: { id }, data: view, select: viewSelect }),
  async delete(tx, id) {
    await tx.orm.savedView.delete({ where: { id }, select: { id: true } });
  },
};
