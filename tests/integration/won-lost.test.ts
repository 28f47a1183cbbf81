import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { GET as getFunnel } from "@/app/api/v1/metrics/funnel/route";
import { todayUtc } from "@/lib/core/deal";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import { dashboardMetricsSchema } from "@/lib/server/api/openapi";
import { resetRateLimits } from "@/lib/server/api/rate-limit";
import { db } from "@/lib/server/store/db";
import { getLeadDetails } from "@/lib/server/leads/lead-details";
import { dashboardMetrics } from "@/lib/server/metrics/metrics";
import { call, createKey } from "../support/api";
import type { Team } from "../support/factories";
import { createLead, createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

afterEach(() => resetRateLimits());

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => todayUtc(new Date(Date.now() - days * DAY_MS));

/** An SQL owned by `ownerId`, from `source`: the stage a deal is won or lost from. */
async function sqlLead(ownerId: string | null, source: string | null = null) {
  const lead = await createLead({ stage: "SQL", ownerId });
  return db.lead.update({ where: { id: lead.id }, data: { source } });
}

const transitionsOf = (leadId: string) => db.stageTransition.findMany({ where: { leadId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const leadOf = (leadId: string) => db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { stage: true, ownerId: true, version: true } });

describe("marking a lead won records the deal", () => {
  test("the value and close date are kept on the win's transition, in cents and as the UTC day", async () => {
    const lead = await sqlLead(users.rep.id);
    signInAs(users.rep);
    const closedOn = daysAgo(3);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "win", dealValue: 12_500.5, closedOn })).toMatchObject({ ok: true, data: { stage: "WON" } });
    const [win] = await transitionsOf(lead.id);
    expect(win).toMatchObject({ move: "win", toStage: "WON", actorId: users.rep.id, dealValueCents: 1_250_050n, closedAt: new Date(`${closedOn}T00:00:00Z`) });
    const history = (await getLeadDetails(lead.id)).history;
    expect(history[0]).toMatchObject({ move: "win", actorName: "Sam Sales", deal: { value: 12_500.5, closedOn } });
  });

  const invalid = [
    { what: "no value or date", details: {}, fieldErrors: { dealValue: "Enter the deal value.", closedOn: "Enter the close date (YYYY-MM-DD)." } },
    { what: "a zero value", details: { dealValue: 0, closedOn: daysAgo(1) }, fieldErrors: { dealValue: "The deal value must be more than 0." } },
    { what: "a negative value", details: { dealValue: -100, closedOn: daysAgo(1) }, fieldErrors: { dealValue: "The deal value must be more than 0." } },
    { what: "fractions of a cent", details: { dealValue: 99.999, closedOn: daysAgo(1) }, fieldErrors: { dealValue: "The deal value can have at most two decimals (cents)." } },
    { what: "a close date tomorrow", details: { dealValue: 100, closedOn: daysAgo(-1) }, fieldErrors: { closedOn: `The close date can't be in the future (today is ${daysAgo(0)}, UTC).` } },
    { what: "a day that doesn't exist", details: { dealValue: 100, closedOn: "2026-02-30" }, fieldErrors: { closedOn: "2026-02-30 is not a date." } },
  ];
  test.each(invalid)("$what is refused with the field named, and nothing changes", async ({ details, fieldErrors }) => {
    const lead = await sqlLead(users.rep.id);
    signInAs(users.rep);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "win", ...details });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors } });
    expect(await leadOf(lead.id)).toMatchObject({ stage: "SQL", version: 1 });
    expect(await transitionsOf(lead.id)).toEqual([]);
  });

  test("a value that isn't a number is refused by the action's schema, naming the field", async () => {
    const lead = await sqlLead(users.rep.id);
    signInAs(users.rep);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "win", dealValue: "lots" as unknown as number, closedOn: daysAgo(0) });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { dealValue: "The deal value must be a number." } } });
  });

  test("losing keeps no deal; a value sent with it is ignored", async () => {
    const lead = await sqlLead(users.rep.id);
    signInAs(users.rep);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "lose", reason: "Chose a competitor", dealValue: 500, closedOn: daysAgo(0) })).toMatchObject({ ok: true, data: { stage: "LOST" } });
    expect((await transitionsOf(lead.id))[0]).toMatchObject({ reason: "Chose a competitor", dealValueCents: null, closedAt: null });
  });
});

describe("reopening a won or lost lead", () => {
  test.each(["WON", "LOST"] as const)("a manager reopens a %s lead to SQL with a reason; the owner keeps it and the move shows in its history", async (stage) => {
    const lead = await sqlLead(users.rep.id);
    signInAs(users.rep);
    const close = stage === "WON" ? { move: "win" as const, dealValue: 800, closedOn: daysAgo(1) } : { move: "lose" as const, reason: "Went quiet" };
    expect(await moveLeadAction({ leadId: lead.id, version: 1, ...close })).toMatchObject({ ok: true, data: { stage } });

    signInAs(users.manager);
    const reopened = await moveLeadAction({ leadId: lead.id, version: 2, move: "reopen", reason: "  Signed the contract after all  " });
    expect(reopened).toMatchObject({ ok: true, data: { stage: "SQL", ownerId: users.rep.id, version: 3 } });
    expect(await leadOf(lead.id)).toMatchObject({ stage: "SQL", ownerId: users.rep.id });

    const transitions = await transitionsOf(lead.id);
    expect(transitions.at(-1)).toMatchObject({ move: "reopen", fromStage: stage, toStage: "SQL", actorId: users.manager.id, reason: "Signed the contract after all" });
    // The owner didn't change, so no assignment was recorded.
    expect(await db.leadAssignment.count({ where: { leadId: lead.id } })).toBe(0);
    const [latest] = (await getLeadDetails(lead.id)).history;
    expect(latest).toMatchObject({ move: "reopen", fromStage: stage, toStage: "SQL", actorName: "Morgan Manager", reason: "Signed the contract after all", automatic: false });
  });

  test("a reason is required", async () => {
    const lead = await createLead({ stage: "WON", ownerId: users.rep.id });
    signInAs(users.manager);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "reopen", reason: " " });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { reason: "A reason of at least 3 characters is required to reopen." } } });
    expect(await leadOf(lead.id)).toMatchObject({ stage: "WON", version: 1 });
  });

  const refusals = [
    { who: "rep" as const, stage: "WON" as const, message: "Sales reps can't reopen a WON lead; only managers can." },
    { who: "rep" as const, stage: "LOST" as const, message: "Sales reps can't reopen a LOST lead; only managers can." },
    { who: "marketer" as const, stage: "WON" as const, message: "Marketers can't reopen a WON lead; only managers can." },
    { who: "admin" as const, stage: "LOST" as const, message: "Admins can't reopen a LOST lead; only managers can." },
  ];
  test.each(refusals)("the $who may not reopen a $stage lead, even their own, and is told who may", async ({ who, stage, message }) => {
    const lead = await createLead({ stage, ownerId: users.rep.id });
    signInAs(users[who]);
    const result = await moveLeadAction({ leadId: lead.id, version: 1, move: "reopen", reason: "Customer came back" });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: "FORBIDDEN", message }) });
    expect(await leadOf(lead.id)).toMatchObject({ stage, version: 1 });
    expect(await transitionsOf(lead.id)).toEqual([]);
  });
});

describe("won value on the dashboard", () => {
  const source = "won-value-test";
  const range = { from: daysAgo(20), to: daysAgo(0), source };

  async function win(ownerId: string, dealValue: number, closedOn: string) {
    const lead = await sqlLead(ownerId, source);
    signInAs(users.manager);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "win", dealValue, closedOn })).toMatchObject({ ok: true });
    return lead;
  }

  test("sums by source and by owner the deals that closed in the range and are still won", async () => {
    const key = (await createKey()).key;
    await win(users.rep.id, 1_000.25, daysAgo(2));
    await win(users.rep.id, 500, daysAgo(10));
    await win(users.otherRep.id, 3_000, daysAgo(5));
    // Closed before the range starts, though marked won today.
    await win(users.otherRep.id, 9_999, daysAgo(30));
    // Won, then reopened: no longer a won deal.
    const reopened = await win(users.otherRep.id, 7_000, daysAgo(1));
    expect(await moveLeadAction({ leadId: reopened.id, version: 2, move: "reopen", reason: "Contract fell through" })).toMatchObject({ ok: true });

    const { wonValue } = await dashboardMetrics(range);
    expect(wonValue).toEqual({
      deals: 3,
      value: 4_500.25,
      withoutValue: 0,
      bySource: [{ source, deals: 3, value: 4_500.25 }],
      byRep: [
        { repId: users.otherRep.id, deals: 1, value: 3_000 },
        { repId: users.rep.id, deals: 2, value: 1_500.25 },
      ],
    });

    // A narrower range keeps only the deals that closed in it.
    expect((await dashboardMetrics({ ...range, from: daysAgo(4) })).wonValue).toMatchObject({ deals: 1, value: 1_000.25 });

    // The API answers the same figures, in the documented shape.
    const response = await call(getFunnel, { path: `/metrics/funnel?from=${range.from}&to=${range.to}&source=${source}`, key });
    expect(response.status).toBe(200);
    expect(dashboardMetricsSchema.parse(response.body)).toEqual(response.body);
    expect((response.body as { wonValue: unknown }).wonValue).toEqual(wonValue);
  });
});
