import "server-only";

/**
 * Every function authorizedAction and authorizedRoute return, so a test can check that each
 * server action and signed-in route handler the app exports went through one of them.
 */
export const guardedHandlers = new WeakSet<object>();

export function guarded<T extends object>(handler: T): T {
  guardedHandlers.add(handler);
  return handler;
}
