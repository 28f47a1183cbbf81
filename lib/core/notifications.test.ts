import { describe, expect, test } from "vitest";
import { isNotificationKind, notificationForOwner, notificationText, slaNoticeKind } from "./notifications";

describe("notificationForOwner", () => {
  test("a reopen says reopened; a return to marketing says sent back; any other move says nothing", () => {
    expect(notificationForOwner({ reopens: true, returnsToMarketing: false })).toBe("reopened");
    expect(notificationForOwner({ reopens: false, returnsToMarketing: true })).toBe("sent_back");
    expect(notificationForOwner({ reopens: false, returnsToMarketing: false })).toBeNull();
  });
});

describe("notificationText", () => {
  test("names the lead, its company when known, and who did it", () => {
    expect(notificationText({ kind: "routed", leadName: "Ada Lovelace", company: "Analytical Engines", actorName: null })).toBe("New MQL routed to you: Ada Lovelace (Analytical Engines)");
    expect(notificationText({ kind: "routed", leadName: "Ada Lovelace", company: null, actorName: "Morgan Manager" })).toBe("Morgan Manager assigned you Ada Lovelace");
    expect(notificationText({ kind: "sent_back", leadName: "Ada Lovelace", company: null, actorName: "Morgan Manager" })).toBe("Morgan Manager sent Ada Lovelace back to marketing");
    expect(notificationText({ kind: "reopened", leadName: "Ada Lovelace", company: "Analytical Engines", actorName: "Morgan Manager" })).toBe("Morgan Manager reopened Ada Lovelace (Analytical Engines)");
  });

  test("a disabled webhook names its address", () => {
    expect(notificationText({ kind: "webhook_disabled", webhookUrl: "https://crm.example.com/hooks" })).toBe(
      "The webhook to https://crm.example.com/hooks was disabled: every attempt failed for a day",
    );
  });

  test("kinds are checked, as stored text", () => {
    expect(isNotificationKind("routed")).toBe(true);
    expect(isNotificationKind("anything")).toBe(false);
  });
});

describe("SLA notices", () => {
  test("due soon and overdue each have their notice; on track has none", () => {
    expect(slaNoticeKind("dueSoon")).toBe("sla_due_soon");
    expect(slaNoticeKind("overdue")).toBe("sla_overdue");
    expect(slaNoticeKind("onTrack")).toBeNull();
    expect(notificationText({ kind: "sla_due_soon", leadName: "Ada Lovelace", company: null, actorName: null })).toBe("Ada Lovelace is waiting for your answer: the response SLA runs out soon");
    expect(notificationText({ kind: "sla_overdue", leadName: "Ada Lovelace", company: "Analytical Engines", actorName: null })).toBe("Ada Lovelace (Analytical Engines) is past the response SLA");
  });
});
