/**
 * What an API key may do. Keys made before scopes existed, and the demo key, have ingest, read and
 * scoring (the database's default); managing webhooks, which sends lead data out, is only ever
 * given on purpose.
 */
export const API_SCOPES = ["ingest", "read", "scoring", "webhooks"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  ingest: "Send leads, events and history",
  read: "Read leads and metrics",
  scoring: "Backtest, suggest and change scoring; train models",
  webhooks: "Register webhooks and see their deliveries",
};

/** The stored comma-separated list as scopes; unknown names are ignored. */
export function parseScopes(text: string): ApiScope[] {
  const names = text.split(",").map((name) => name.trim());
  return API_SCOPES.filter((scope) => names.includes(scope));
}

export function formatScopes(scopes: readonly ApiScope[]): string {
  return API_SCOPES.filter((scope) => scopes.includes(scope)).join(",");
}
