import { describe, expect, test } from "vitest";
import { scoreLead } from "./engine";
import type { Condition, EngagementRule, FitField, FitRule, LeadAttributes, ScoringEvent, ScoringRules } from "./types";

const NOW = new Date("2026-11-24T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

const baseLead: LeadAttributes = { email: "ann@acme.example" };
const rules = (overrides: Partial<ScoringRules>): ScoringRules => ({ fit: [], engagement: [], disqualify: [], threshold: { total: 60 }, ...overrides });
const fitRule = (field: FitField, condition: Condition, points = 10): FitRule => ({ id: "r", label: "Rule", field, condition, points });
const event = (id: string, type: string, daysAgo: number, properties: Record<string, unknown> = {}): ScoringEvent => ({
  id,
  type,
  occurredAt: new Date(NOW.getTime() - daysAgo * DAY),
  properties,
});
const score = (input: { lead?: Partial<LeadAttributes>; events?: ScoringEvent[]; rules: ScoringRules }) =>
  scoreLead({ lead: { ...baseLead, ...input.lead }, events: input.events ?? [], rules: input.rules, now: NOW });
const engagementOnly = (rule: EngagementRule, events: ScoringEvent[]) => score({ rules: rules({ engagement: [rule] }), events });

describe("fit conditions", () => {
  // reason: null means the rule must not match.
  const cases: Array<{ name: string; field: FitField; condition: Condition; lead: Partial<LeadAttributes>; reason: string | null }> = [
    { name: "equals ignores case", field: "industry", condition: { operator: "equals", value: "Software" }, lead: { industry: "software" }, reason: 'Industry is "software"' },
    { name: "equals a different text", field: "industry", condition: { operator: "equals", value: "Software" }, lead: { industry: "Retail" }, reason: null },
    { name: "equals a missing field", field: "industry", condition: { operator: "equals", value: "Software" }, lead: { industry: null }, reason: null },
    { name: "equals a number", field: "companySize", condition: { operator: "equals", value: 250 }, lead: { companySize: 250 }, reason: "Company size is 250" },
    { name: "equals a number given as text", field: "companySize", condition: { operator: "equals", value: "250" }, lead: { companySize: 250 }, reason: "Company size is 250" },
    { name: "equals a number against a numeric custom text", field: "custom.seats", condition: { operator: "equals", value: 250 }, lead: { customFields: { seats: " 250.0 " } }, reason: 'Custom field seats is " 250.0 "' },
    { name: "equals a number against other text", field: "custom.seats", condition: { operator: "equals", value: 250 }, lead: { customFields: { seats: "250 seats" } }, reason: null },
    { name: "equals a custom yes/no", field: "custom.partner", condition: { operator: "equals", value: "TRUE" }, lead: { customFields: { partner: true } }, reason: "Custom field partner is true" },
    { name: "in: e-mail domain, lower-cased", field: "emailDomain", condition: { operator: "in", values: ["gmail.com", "yahoo.com"] }, lead: { email: "Ann.Lee@GMAIL.com" }, reason: 'E-mail domain "gmail.com" is one of gmail.com, yahoo.com' },
    { name: "in: a business domain", field: "emailDomain", condition: { operator: "in", values: ["gmail.com", "yahoo.com"] }, lead: { email: "ann@gmail.com.acme.example" }, reason: null },
    { name: "in: numbers against numeric text", field: "custom.tier", condition: { operator: "in", values: [1, 2] }, lead: { customFields: { tier: "2" } }, reason: 'Custom field tier "2" is one of 1, 2' },
    { name: "range: at the minimum", field: "companySize", condition: { operator: "range", min: 200, max: 999 }, lead: { companySize: 200 }, reason: "Company size 200 is between 200 and 999" },
    { name: "range: at the maximum", field: "companySize", condition: { operator: "range", min: 200, max: 999 }, lead: { companySize: 999 }, reason: "Company size 999 is between 200 and 999" },
    { name: "range: just above", field: "companySize", condition: { operator: "range", min: 200, max: 999 }, lead: { companySize: 1000 }, reason: null },
    { name: "range: minimum only", field: "companySize", condition: { operator: "range", min: 1000 }, lead: { companySize: 1200 }, reason: "Company size 1,200 is at least 1,000" },
    { name: "range: maximum only", field: "annualRevenue", condition: { operator: "range", max: 10_000_000 }, lead: { annualRevenue: 2_500_000 }, reason: "Annual revenue 2,500,000 is at most 10,000,000" },
    { name: "range: numeric custom text", field: "custom.seats", condition: { operator: "range", min: 100 }, lead: { customFields: { seats: "150" } }, reason: "Custom field seats 150 is at least 100" },
    { name: "range: non-numeric text", field: "custom.seats", condition: { operator: "range", min: 100 }, lead: { customFields: { seats: "lots" } }, reason: null },
    { name: "range: empty text", field: "custom.seats", condition: { operator: "range", max: 100 }, lead: { customFields: { seats: "" } }, reason: null },
    { name: "range: missing number", field: "companySize", condition: { operator: "range", max: 49 }, lead: { companySize: null }, reason: null },
    { name: "contains ignores case", field: "title", condition: { operator: "contains", value: "SALES" }, lead: { title: "VP of Sales" }, reason: 'Title "VP of Sales" contains "SALES"' },
    { name: "contains: not there", field: "title", condition: { operator: "contains", value: "sales" }, lead: { title: "CTO" }, reason: null },
    { name: "contains: no title", field: "title", condition: { operator: "contains", value: "sales" }, lead: {}, reason: null },
    { name: "matches ignores case", field: "title", condition: { operator: "matches", pattern: "^chief .* officer$" }, lead: { title: "Chief Revenue Officer" }, reason: 'Title "Chief Revenue Officer" matches the pattern ^chief .* officer$' },
    { name: "matches: no match", field: "title", condition: { operator: "matches", pattern: "^chief" }, lead: { title: "Deputy chief" }, reason: null },
    { name: "matches: an invalid pattern never matches", field: "title", condition: { operator: "matches", pattern: "(" }, lead: { title: "(" }, reason: null },
    { name: "isEmpty: null", field: "website", condition: { operator: "isEmpty" }, lead: { website: null }, reason: "Website is empty" },
    { name: "isEmpty: absent", field: "website", condition: { operator: "isEmpty" }, lead: {}, reason: "Website is empty" },
    { name: "isEmpty: blank", field: "website", condition: { operator: "isEmpty" }, lead: { website: "   " }, reason: "Website is empty" },
    { name: "isEmpty: given", field: "website", condition: { operator: "isEmpty" }, lead: { website: "https://acme.example" }, reason: null },
    { name: "isEmpty: zero is a value", field: "companySize", condition: { operator: "isEmpty" }, lead: { companySize: 0 }, reason: null },
    { name: "isEmpty: an address without @ has no domain", field: "emailDomain", condition: { operator: "isEmpty" }, lead: { email: "nobody" }, reason: "E-mail domain is empty" },
    { name: "a custom field the lead lacks", field: "custom.constructor", condition: { operator: "isEmpty" }, lead: { customFields: {} }, reason: "Custom field constructor is empty" },
  ];

  test.each(cases)("$name", ({ field, condition, lead, reason }) => {
    const result = score({ lead, rules: rules({ fit: [fitRule(field, condition)] }) });
    if (reason === null) {
      expect(result.fit).toBe(0);
      expect(result.contributions).toEqual([]);
    } else {
      expect(result.fit).toBe(10);
      expect(result.contributions).toEqual([{ ruleId: "r", ruleLabel: "Rule", kind: "fit", points: 10, reason }]);
    }
  });

  test("fit adds every matching rule, negative ones included, and lists zero-point matches", () => {
    const fit: FitRule[] = [
      { id: "small", label: "Small", field: "companySize", condition: { operator: "range", max: 49 }, points: 0 },
      { id: "vp", label: "VP", field: "seniority", condition: { operator: "equals", value: "VP" }, points: 18 },
      { id: "gmail", label: "Personal", field: "emailDomain", condition: { operator: "in", values: ["gmail.com"] }, points: -15 },
      { id: "big", label: "Big", field: "companySize", condition: { operator: "range", min: 1000 }, points: 25 },
    ];
    const result = score({ lead: { email: "a@gmail.com", seniority: "vp", companySize: 12 }, rules: rules({ fit }) });
    // 0 + 18 - 15 = 3; "big" does not match.
    expect(result.fit).toBe(3);
    expect(result.contributions.map((c) => [c.ruleId, c.points])).toEqual([["small", 0], ["vp", 18], ["gmail", -15]]);
  });
});

describe("engagement", () => {
  const download: EngagementRule = { id: "dl", label: "Download", eventType: "content_download", points: 8 };

  test("each matching event earns the rule's points and names its event", () => {
    const result = engagementOnly(download, [event("e1", "content_download", 12, { content: "Buyer's guide" }), event("e2", "content_download", 3), event("e3", "page_view", 1)]);
    expect(result.engagement).toBe(16);
    expect(result.contributions).toEqual([
      { ruleId: "dl", ruleLabel: "Download", kind: "engagement", points: 8, eventId: "e1", reason: `content_download "Buyer's guide" 12 days ago: 8 points` },
      { ruleId: "dl", ruleLabel: "Download", kind: "engagement", points: 8, eventId: "e2", reason: "content_download 3 days ago: 8 points" },
    ]);
  });

  // 10 points halve every 30 days: 10 · 0.5^(age/30).
  test.each([
    { daysAgo: 0, points: 10 },
    { daysAgo: 30, points: 5 },
    { daysAgo: 60, points: 2.5 },
    { daysAgo: 90, points: 1.3 }, // 1.25, shown to one decimal
    { daysAgo: -5, points: 10 }, // a future date counts as today, never more
  ])("decay: 10 points, half-life 30, $daysAgo days old → $points", ({ daysAgo, points }) => {
    const result = engagementOnly({ ...download, points: 10, halfLifeDays: 30 }, [event("e", "content_download", daysAgo)]);
    expect(result.contributions[0].points).toBe(points);
  });

  test("the reason shows the points before and after decay", () => {
    // 15 · 0.5^(12/30) = 15 · 0.7579 = 11.37
    const result = engagementOnly({ ...download, points: 15, halfLifeDays: 30 }, [event("e", "content_download", 12, { content: "Buyer's guide" })]);
    expect(result.contributions[0]).toMatchObject({ points: 11.4, reason: `content_download "Buyer's guide" 12 days ago: 15 points, halved every 30 days → 11.4` });
    expect(result.engagement).toBe(11);
  });

  test("the engagement score rounds the exact sum, not the rounded contributions", () => {
    // 1 point, half-life 10, 30 days old: 0.125 each, shown as 0.1. Four of them: 0.5 → 1, not 0.4 → 0.
    const events = ["a", "b", "c", "d"].map((id) => event(id, "page_view", 30));
    const result = engagementOnly({ id: "pv", label: "View", eventType: "page_view", points: 1, halfLifeDays: 10 }, events);
    expect(result.contributions.map((c) => c.points)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(result.engagement).toBe(1);
  });

  test("a cap applies over a window that slides with each event", () => {
    // 1 point, at most 3 per 30 days. Awards are counted in (t − 30 days, t]:
    // 50→1, 45→1, 44→1, 43→0 (3 in window), 20→1 (50 has left: exactly 30 days), 15→1 (45 left), 14→1 (44 left).
    const rule: EngagementRule = { id: "pv", label: "View", eventType: "page_view", points: 1, cap: { points: 3, windowDays: 30 } };
    const daysAgo = [50, 45, 44, 43, 20, 15, 14];
    const result = engagementOnly(rule, daysAgo.map((days) => event(`e${days}`, "page_view", days)));
    expect(result.contributions.map((c) => c.points)).toEqual([1, 1, 1, 0, 1, 1, 1]);
    expect(result.contributions[3].reason).toBe("page_view 43 days ago: 0 points, cap of 3 points per 30 days reached");
    expect(result.engagement).toBe(6);
  });

  test("the last award under a cap is partial when less than the points remain", () => {
    const rule: EngagementRule = { id: "click", label: "Click", eventType: "email_click", points: 3, cap: { points: 5, windowDays: 30 } };
    const result = engagementOnly(rule, [event("a", "email_click", 10), event("b", "email_click", 5), event("c", "email_click", 1)]);
    expect(result.contributions.map((c) => [c.points, c.reason])).toEqual([
      [3, "email_click 10 days ago: 3 points"],
      [2, "email_click 5 days ago: 2 of 3 points (cap of 5 points per 30 days reached)"],
      [0, "email_click 1 day ago: 0 points, cap of 5 points per 30 days reached"],
    ]);
    expect(result.engagement).toBe(5);
  });

  test("caps count awards before decay, and decay applies to what was awarded", () => {
    // 60 and 59 days old: 3 + 2 (cap 5) awarded; then halved twice (half-life 30): 0.75 + ~0.51.
    const rule: EngagementRule = { id: "click", label: "Click", eventType: "email_click", points: 3, cap: { points: 5, windowDays: 30 }, halfLifeDays: 30 };
    const result = engagementOnly(rule, [event("a", "email_click", 60), event("b", "email_click", 59)]);
    expect(result.contributions.map((c) => c.points)).toEqual([0.8, 0.5]);
    expect(result.contributions[1].reason).toBe("email_click 59 days ago: 2 of 3 points (cap of 5 points per 30 days reached), halved every 30 days → 0.5");
  });

  test("events at the same moment are taken in id order, whatever order they arrive in", () => {
    const rule: EngagementRule = { id: "pv", label: "View", eventType: "page_view", points: 1, cap: { points: 1, windowDays: 1 } };
    const result = engagementOnly(rule, [event("b", "page_view", 2), event("a", "page_view", 2)]);
    expect(result.contributions.map((c) => [c.eventId, c.points])).toEqual([["a", 1], ["b", 0]]);
  });

  test("negative points are never capped and decay like positive ones", () => {
    const unsubscribe: EngagementRule = { id: "unsub", label: "Unsubscribed", eventType: "unsubscribe", points: -15, cap: { points: 5, windowDays: 30 } };
    expect(engagementOnly(unsubscribe, [event("a", "unsubscribe", 2), event("b", "unsubscribe", 1)]).engagement).toBe(-30);
    const bounce: EngagementRule = { id: "bounce", label: "Bounced", eventType: "email_bounce", points: -10, halfLifeDays: 30 };
    const result = engagementOnly(bounce, [event("a", "email_bounce", 30)]);
    expect(result.contributions[0]).toMatchObject({ points: -5, reason: "email_bounce 30 days ago: -10 points, halved every 30 days → -5" });
  });

  test("a property filter picks the events it names", () => {
    const pricing: EngagementRule = { id: "pricing", label: "Pricing", eventType: "page_view", property: { key: "url", condition: { operator: "contains", value: "/pricing" } }, points: 5 };
    const events = [
      event("a", "page_view", 3, { url: "https://acme.example/pricing" }),
      event("b", "page_view", 2, { url: "/PRICING/enterprise", content: "ignored" }),
      event("c", "page_view", 2, { url: "/product" }),
      event("d", "page_view", 1, {}),
      event("e", "email_click", 1, { url: "/pricing" }),
    ];
    const result = engagementOnly(pricing, events);
    expect(result.contributions.map((c) => [c.eventId, c.reason])).toEqual([
      ["a", 'page_view "https://acme.example/pricing" 3 days ago: 5 points'],
      ["b", 'page_view "/PRICING/enterprise" 2 days ago: 5 points'],
    ]);
  });

  test("a property filter compares numbers numerically", () => {
    const longWebinar: EngagementRule = { id: "long", label: "Stayed", eventType: "webinar_attended", property: { key: "minutes", condition: { operator: "range", min: 30 } }, points: 12 };
    const events = [event("a", "webinar_attended", 1, { minutes: "45" }), event("b", "webinar_attended", 1, { minutes: 20 }), event("c", "webinar_attended", 1, { minutes: true })];
    expect(engagementOnly(longWebinar, events).contributions.map((c) => c.eventId)).toEqual(["a"]);
  });

  test("events without a valid date are left out", () => {
    const result = engagementOnly(download, [{ id: "x", type: "content_download", occurredAt: new Date("not a date"), properties: {} }]);
    expect(result.contributions).toEqual([]);
  });
});

describe("totals and the MQL threshold", () => {
  // Fit from one rule of `fit` points; engagement from `engagement` one-point events, no decay.
  const scored = (fit: number, engagement: number, threshold: ScoringRules["threshold"]) =>
    score({
      lead: { industry: "Software" },
      rules: rules({
        fit: [{ id: "f", label: "Fit", field: "industry", condition: { operator: "equals", value: "Software" }, points: fit }],
        engagement: [{ id: "e", label: "Any", eventType: "page_view", points: 1 }],
        threshold,
      }),
      events: Array.from({ length: engagement }, (_, i) => event(`e${i}`, "page_view", i)),
    });

  test.each([
    { fit: 20, engagement: 40, threshold: { total: 60 }, meets: true },
    { fit: 20, engagement: 39, threshold: { total: 60 }, meets: false },
    { fit: 10, engagement: 50, threshold: { total: 60 }, meets: true },
    { fit: 10, engagement: 50, threshold: { total: 60, fit: 15 }, meets: false },
    { fit: 15, engagement: 45, threshold: { total: 60, fit: 15 }, meets: true },
    { fit: 30, engagement: 20, threshold: { total: 60, fit: 15 }, meets: false },
    { fit: -5, engagement: 0, threshold: { total: -10 }, meets: true },
  ])("fit $fit + engagement $engagement against $threshold → $meets", ({ fit, engagement, threshold, meets }) => {
    const result = scored(fit, engagement, threshold);
    expect([result.fit, result.engagement, result.total, result.meetsThreshold]).toEqual([fit, engagement, fit + engagement, meets]);
  });
});

describe("disqualifying rules", () => {
  test("a matching rule raises a flag in words and leaves the score alone", () => {
    const competitor = { id: "comp", label: "Competitor", field: "emailDomain" as const, condition: { operator: "in" as const, values: ["competitor.example"] }, action: "disqualify" as const, reasonCode: "competitor" };
    const student = { ...competitor, id: "student", label: "Student", field: "seniority" as const, condition: { operator: "equals" as const, value: "Student" }, reasonCode: "student" };
    const result = score({ lead: { email: "spy@Competitor.example", seniority: "VP" }, rules: rules({ disqualify: [competitor, student] }) });
    expect(result.flags).toEqual([
      { ruleId: "comp", label: "Competitor", action: "disqualify", reasonCode: "competitor", reason: 'E-mail domain "competitor.example" is one of competitor.example' },
    ]);
    expect([result.total, result.contributions]).toEqual([0, []]);
  });
});

test("the same lead and events give the same result, in any order", () => {
  const rule: EngagementRule = { id: "pv", label: "View", eventType: "page_view", points: 2, cap: { points: 5, windowDays: 7 }, halfLifeDays: 14 };
  const events = [event("a", "page_view", 9), event("b", "page_view", 3), event("c", "page_view", 3), event("d", "page_view", 1)];
  const first = engagementOnly(rule, events);
  expect(engagementOnly(rule, [...events].reverse())).toEqual(first);
  expect(engagementOnly(rule, events)).toEqual(first);
});
