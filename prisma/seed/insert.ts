import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { searchTextOf } from "../../lib/core/lead-search";
import type { Dataset } from "./generate";

type Client = Pick<PrismaClient, "lead" | "event" | "stageTransition" | "leadAssignment">;
export type SeedActors = { marketerId: string; managerId: string; salesRepIds: string[] };

const CHUNK = 2_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

/** Writes a generated dataset; owners and actors are the given users. */
export async function insertDataset(client: Client, dataset: Dataset, actors: SeedActors): Promise<void> {
  const repOf = (index: number | null) => (index === null ? null : actors.salesRepIds[index % actors.salesRepIds.length]);
  const ownerOfLead = new Map<string, number | null>();

  await inChunks(dataset.leads, (chunk) =>
    client.lead.createMany({
      data: chunk.map(({ ownerIndex, ...lead }) => {
        ownerOfLead.set(lead.id, ownerIndex);
        return { ...lead, ownerId: repOf(ownerIndex), searchText: searchTextOf(lead), updatedAt: lead.stageEnteredAt };
      }),
    }),
  );
  await inChunks(dataset.events, (chunk) => client.event.createMany({ data: chunk }));
  await inChunks(dataset.transitions, (chunk) =>
    client.stageTransition.createMany({
      data: chunk.map(({ actor, ...transition }) => ({
        ...transition,
        actorId:
          actor === "system" ? null
          : actor === "marketer" ? actors.marketerId
          : actor === "manager" ? actors.managerId
          : repOf(ownerOfLead.get(transition.leadId) ?? 0),
      })),
    }),
  );
  await inChunks(dataset.assignments, (chunk) =>
    client.leadAssignment.createMany({
      data: chunk.map((assignment) => ({ leadId: assignment.leadId, toOwnerId: repOf(assignment.ownerIndex), actorId: null, rule: "Round robin", createdAt: assignment.createdAt })),
    }),
  );
}
