/* What the tracking settings show: plain types built by lib/server/tracking/write-keys.ts. */

export type WriteKeyView = {
  id: string;
  name: string;
  /** lg_pub_…: public by design, shown in full for the snippet. */
  key: string;
  /** The origins it answers; "self" stands for the app's own pages. */
  origins: string[];
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
};
