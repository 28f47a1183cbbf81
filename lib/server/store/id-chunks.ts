import "server-only";

// Prisma caps the bound parameters of one SQLite statement (999), so long id lists go in parts.
const ID_CHUNK = 500;

/** Runs `work` on consecutive slices of `ids`, one after another (inside the caller's transaction). */
export async function forIdChunks(ids: readonly string[], work: (chunk: string[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < ids.length; start += ID_CHUNK) await work(ids.slice(start, start + ID_CHUNK));
}
