import { AsyncLocalStorage } from "node:async_hooks";

/** What a session token carries: the user and the session version it was issued with. */
type FakeSession = { id: string; sessionVersion: number };
type SessionUser = { id: string; sessionVersion?: number };

const state = globalThis as unknown as { leadgateTestSession?: FakeSession | null; leadgateTestSessions?: AsyncLocalStorage<FakeSession | null> };
const session = (state.leadgateTestSessions ??= new AsyncLocalStorage<FakeSession | null>());

// A user row read before its version was bumped stands for a session from that time;
// without a version the session is as fresh as a new sign-in on a never-bumped user.
function sessionOf(user: SessionUser): FakeSession {
  return { id: user.id, sessionVersion: user.sessionVersion ?? 0 };
}

/** Who the following server action calls run as (null: nobody is signed in). */
export function signInAs(user: SessionUser | null) {
  state.leadgateTestSession = user ? sessionOf(user) : null;
}

/** Runs one call as the given user, so concurrent calls can each have their own session. */
export function asUser<T>(user: SessionUser, call: () => Promise<T>): Promise<T> {
  return session.run(sessionOf(user), call);
}

export function signedInSession(): FakeSession | null {
  const scoped = session.getStore();
  return scoped !== undefined ? scoped : (state.leadgateTestSession ?? null);
}
