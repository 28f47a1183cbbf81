import { describe, expect, test } from "vitest";
import type { CampaignTouch } from "./campaign";
import { firstTouchCampaign } from "./campaign";

const touch = (id: string, day: number, properties: Record<string, unknown>): CampaignTouch => ({ id, occurredAt: new Date(Date.UTC(2026, 10, day)), properties });

describe("firstTouchCampaign", () => {
  test("the earliest event naming a campaign wins, whatever order the events come in", () => {
    const events = [touch("e1", 12, { campaign: "autumn-webinar" }), touch("e2", 3, { campaign: "spring-ebook" }), touch("e3", 7, { campaign: "trade-show" })];
    expect(firstTouchCampaign(events)).toBe("spring-ebook");
    expect(firstTouchCampaign([...events].reverse())).toBe("spring-ebook");
  });

  test("earlier events without a campaign, or with a blank or non-string one, do not count", () => {
    const events = [touch("e1", 1, { url: "/pricing" }), touch("e2", 2, { campaign: "  " }), touch("e3", 3, { campaign: 42 }), touch("e4", 4, { campaign: " launch " })];
    expect(firstTouchCampaign(events)).toBe("launch");
  });

  test("no event naming a campaign: null", () => {
    expect(firstTouchCampaign([])).toBeNull();
    expect(firstTouchCampaign([touch("e1", 1, {}), touch("e2", 2, { campaign: null })])).toBeNull();
  });

  test("events at the same moment are decided by id, not by load order", () => {
    const a = touch("e1", 5, { campaign: "first-id" });
    const b = touch("e2", 5, { campaign: "second-id" });
    expect(firstTouchCampaign([b, a])).toBe("first-id");
    expect(firstTouchCampaign([a, b])).toBe("first-id");
  });
});
