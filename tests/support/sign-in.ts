import { AsyncLocalStorage } from "node:async_hooks";

const state = globalThis as unknown as { leadgateTestUserId?: string | null; leadgateTestSession?: AsyncLocalStorage<string | null> };
const session = (state.leadgateTestSession ??= new AsyncLocalStorage<string | null>());

/** Who the following server action calls run as (null: nobody is signed in). */
export function signInAs(user: { id: string } | null) {
  state.leadgateTestUserId = user?.id ?? null;
}

/** Runs one call as the given user, so concurrent calls can each have their own session. */
export function asUser<T>(user: { id: string }, call: () => Promise<T>): Promise<T> {
  return session.run(user.id, call);
}

export function signedInUserId(): string | null {
  const scoped = session.getStore();
  return scoped !== undefined ? scoped : (state.leadgateTestUserId ?? null);
}
