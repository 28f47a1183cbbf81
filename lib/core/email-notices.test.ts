import { describe, expect, test } from "vitest";
import { digestEmail, emailChoicesFor, formatEmailChoices, noticeEmail, parseEmailChoices } from "./email-notices";

describe("who can choose what", () => {
  test("reps get their leads' notices, managers the digest too, admins webhooks, marketers nothing", () => {
    expect(emailChoicesFor("SALES")).toEqual(["routed", "sent_back", "reopened", "sla_due_soon", "sla_overdue"]);
    expect(emailChoicesFor("MANAGER")).toEqual(["routed", "sent_back", "reopened", "sla_due_soon", "sla_overdue", "digest"]);
    expect(emailChoicesFor("ADMIN")).toEqual(["webhook_disabled"]);
    expect(emailChoicesFor("MARKETER")).toEqual([]);
  });

  test("choices are stored in a fixed order; unknown ones are dropped", () => {
    expect(formatEmailChoices(["digest", "routed"])).toBe("routed,digest");
    expect(parseEmailChoices("digest, nonsense,routed")).toEqual(["routed", "digest"]);
    expect(parseEmailChoices("")).toEqual([]);
  });
});

describe("the e-mails", () => {
  test("a notice links to its lead and to the settings that chose it", () => {
    const email = noticeEmail({ text: "New MQL routed to you: Ada Lovelace (Engines)", path: "/leads/l1" }, "https://leads.example.com");
    expect(email.subject).toBe("New MQL routed to you: Ada Lovelace (Engines)");
    expect(email.text).toContain("Open it: https://leads.example.com/leads/l1");
    expect(email.text).toContain("https://leads.example.com/settings/notifications");
  });

  test("a digest counts all and lists the first, oldest first, with a link for the rest", () => {
    const lead = (id: string, hours: number) => ({ id, name: `Lead ${id}`, company: null, ownerName: "Sam Sales", hours });
    const email = digestEmail({ day: "2026-12-08", overdue: [lead("a", 30)], overdueTotal: 12, waiting: [], waitingTotal: 0 }, "https://leads.example.com");
    expect(email.subject).toBe("Leadgate 2026-12-08: 12 MQLs past the SLA, 0 waiting");
    expect(email.text).toContain("- Lead a, Sam Sales: 30 h overdue\n  https://leads.example.com/leads/a");
    expect(email.text).toContain("…and 11 more: https://leads.example.com/queue");
    expect(email.text).toContain("Waiting, within the SLA (0):\nNone.");
  });
});
