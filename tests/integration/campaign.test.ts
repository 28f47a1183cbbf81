import { describe, expect, test } from "vitest";
import { db } from "@/lib/server/store/db";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { rescoreAllLeads } from "@/lib/server/scoring/rescore-all";
import { upsertLead } from "@/lib/server/ingest/upsert-lead";

const day = (n: number) => new Date(Date.UTC(2026, 9, n, 12)).toISOString();
const campaignOf = async (email: string) => (await db.lead.findUniqueOrThrow({ where: { email }, select: { campaign: true } })).campaign;
const firstEventOf = async (email: string) => (await db.lead.findUniqueOrThrow({ where: { email }, select: { firstEventAt: true } })).firstEventAt?.toISOString() ?? null;

describe("a lead's first-touch campaign", () => {
  test("is the campaign of its earliest event naming one, however the events arrive", async () => {
    const email = "first.touch@prospect.example";
    await ingestEvents([{ email, type: "page_view", occurredAt: day(10), properties: { campaign: "autumn-webinar" } }], { source: "api" });
    expect(await campaignOf(email)).toBe("autumn-webinar");

    await ingestEvents(
      [
        { email, type: "email_click", occurredAt: day(12), properties: { campaign: "newsletter" } },
        { email, type: "content_download", occurredAt: day(4), properties: { campaign: "spring-ebook", content: "Guide" } },
        { email, type: "page_view", occurredAt: day(1), properties: { url: "/pricing" } },
      ],
      { source: "api" },
    );
    expect(await campaignOf(email)).toBe("spring-ebook");

    await ingestEvents([{ email, type: "email_open", occurredAt: day(20), properties: { campaign: "late-push" } }], { source: "import" });
    expect(await campaignOf(email)).toBe("spring-ebook");
  });

  test("a lead whose events name no campaign has none", async () => {
    const email = "no.campaign@prospect.example";
    await ingestEvents([{ email, type: "page_view", occurredAt: day(3), properties: { url: "/", campaign: "" } }], { source: "api" });
    expect(await campaignOf(email)).toBeNull();
  });

  test("updating the lead's attributes keeps its campaign", async () => {
    const email = "kept.campaign@prospect.example";
    await ingestEvents([{ email, type: "page_view", occurredAt: day(2), properties: { campaign: "trade-show" } }], { source: "api" });
    await upsertLead({ email, company: "Kept Ltd" });
    expect(await campaignOf(email)).toBe("trade-show");
  });

  test("re-scoring fills the campaign of leads stored before it was kept", async () => {
    const email = "legacy.lead@prospect.example";
    await ingestEvents(
      [
        { email, type: "page_view", occurredAt: day(8), properties: { campaign: "retargeting" } },
        { email, type: "page_view", occurredAt: day(6), properties: { campaign: "launch" } },
      ],
      { source: "api" },
    );
    await db.lead.updateMany({ data: { campaign: null } });
    await rescoreAllLeads();
    expect(await campaignOf(email)).toBe("launch");
    expect(await campaignOf("first.touch@prospect.example")).toBe("spring-ebook");
  });
});

describe("a lead's first event time", () => {
  test("is its earliest event's, however the events arrive, and equals reading it from the events", async () => {
    const email = "first.event@prospect.example";
    await ingestEvents([{ email, type: "page_view", occurredAt: day(14) }], { source: "api" });
    expect(await firstEventOf(email)).toBe(day(14));
    await ingestEvents(
      [
        { email, type: "page_view", occurredAt: day(20) },
        { email, type: "email_open", occurredAt: day(9) },
      ],
      { source: "import" },
    );
    expect(await firstEventOf(email)).toBe(day(9));

    const leads = await db.lead.findMany({ select: { id: true, firstEventAt: true, events: { select: { occurredAt: true }, orderBy: { occurredAt: "asc" }, take: 1 } } });
    expect(leads.length).toBeGreaterThan(1);
    for (const lead of leads) expect(lead.firstEventAt).toEqual(lead.events[0]?.occurredAt ?? null);
  });

  test("a lead without events has none", async () => {
    await upsertLead({ email: "no.events@prospect.example", company: "Quiet Ltd" });
    expect(await firstEventOf("no.events@prospect.example")).toBeNull();
  });
});
