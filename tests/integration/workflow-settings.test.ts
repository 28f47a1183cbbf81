import { beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_CHECKLIST } from "@/lib/core/qualification";
import { moveLeadAction } from "@/lib/server/funnel/move-lead-actions";
import {
  createReasonAction,
  renameReasonAction,
  reorderReasonsAction,
  saveChecklistAction,
  saveRoutingRulesAction,
  saveSlaSettingsAction,
  setReasonActiveAction,
} from "@/lib/server/settings/workflow-settings-actions";
import { db } from "@/lib/server/store/db";
import { listReasons } from "@/lib/server/settings/reason-lists";
import { qualificationChecklist, routingRules, slaSettings } from "@/lib/server/settings/workflow-settings";
import type { Team } from "../support/factories";
import { BANT_COMPLETE, createLead, createTeam, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

const reasonByCode = (code: string) => db.disqualificationReason.findUniqueOrThrow({ where: { code } });

describe("only managers and admins change workflow settings", () => {
  test.each(["marketer", "rep"] as const)("a %s is refused and nothing is stored", async (who) => {
    signInAs(users[who]);
    const reason = await reasonByCode("no_budget");
    const results = await Promise.all([
      saveSlaSettingsAction({ mqlResponseHours: 2 }),
      saveRoutingRulesAction({ territories: [], maxOpenSals: 3 }),
      saveChecklistAction({ items: [{ label: "Pain", hint: "", required: true }] }),
      createReasonAction({ label: "Too small" }),
      renameReasonAction({ id: reason.id, label: "Broke" }),
      setReasonActiveAction({ id: reason.id, active: false }),
      reorderReasonsAction({ ids: [reason.id] }),
    ]);
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.setting.count()).toBe(0);
    expect(await reasonByCode("no_budget")).toMatchObject({ label: "No budget", active: true });
  });

  test("nobody signed in is refused", async () => {
    signInAs(null);
    expect(await saveSlaSettingsAction({ mqlResponseHours: 2 })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});

describe("response SLA", () => {
  test("defaults to 24 hours; an admin saves 8 and it reads back", async () => {
    expect(await slaSettings()).toEqual({ mqlResponseHours: 24 });
    signInAs(users.admin);
    expect(await saveSlaSettingsAction({ mqlResponseHours: 8 })).toEqual({ ok: true, data: { mqlResponseHours: 8 } });
    expect(await slaSettings()).toEqual({ mqlResponseHours: 8 });
    expect(await db.setting.findUniqueOrThrow({ where: { key: "sla" } })).toMatchObject({ updatedById: users.admin.id });
  });

  test("0 hours and fractions are refused on the field", async () => {
    signInAs(users.manager);
    expect(await saveSlaSettingsAction({ mqlResponseHours: 0 })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { mqlResponseHours: "The SLA must be at least 1 hour." } },
    });
    expect(await saveSlaSettingsAction({ mqlResponseHours: 1.5 })).toMatchObject({ ok: false, error: { fieldErrors: { mqlResponseHours: "Use whole hours." } } });
    expect(await slaSettings()).toEqual({ mqlResponseHours: 8 });
  });
});

describe("routing rules", () => {
  test("territories and the cap are saved, with country codes upper-cased", async () => {
    signInAs(users.manager);
    const rules = { territories: [{ name: "DACH", countries: ["de", " at", "CH"], repIds: [users.rep.id] }, { name: "Nordics", countries: ["SE", "NO"], repIds: [users.otherRep.id, users.rep.id] }], maxOpenSals: 12 };
    expect(await saveRoutingRulesAction(rules)).toMatchObject({ ok: true });
    expect(await routingRules()).toEqual({
      territories: [
        { name: "DACH", countries: ["DE", "AT", "CH"], repIds: [users.rep.id] },
        { name: "Nordics", countries: ["SE", "NO"], repIds: [users.otherRep.id, users.rep.id] },
      ],
      maxOpenSals: 12,
    });
  });

  test("a bad country code, a country in two territories and a cap of 0 are each named", async () => {
    signInAs(users.manager);
    const result = await saveRoutingRulesAction({
      territories: [
        { name: "DACH", countries: ["DE", "Germany"], repIds: [users.rep.id] },
        { name: "Europe", countries: ["FR", "DE"], repIds: [users.rep.id] },
      ],
      maxOpenSals: 0,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        fieldErrors: {
          "territories.0.countries.1": "Countries are two-letter ISO codes, like DE or US.",
          maxOpenSals: "The cap must be at least 1.",
          "territories.1.countries": 'DE is already in the territory "DACH".',
        },
      },
    });
    expect((await routingRules()).maxOpenSals).toBe(12);
  });

  test("a territory may only name active sales reps", async () => {
    const gone = await createUser("SALES", { name: "Gone Rep", active: false });
    signInAs(users.manager);
    const result = await saveRoutingRulesAction({
      territories: [
        { name: "DACH", countries: ["DE"], repIds: [users.rep.id] },
        { name: "France", countries: ["FR"], repIds: [gone.id, users.marketer.id] },
      ],
      maxOpenSals: null,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { "territories.1.repIds": "Gone Rep, Maya Marketer are not active sales reps; remove them from France." } },
    });
    if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(["territories.1.repIds"]);
    expect((await routingRules()).territories.map((territory) => territory.name)).toEqual(["DACH", "Nordics"]);
  });

  test("a territory without a name or reps is named", async () => {
    signInAs(users.manager);
    const result = await saveRoutingRulesAction({ territories: [{ name: " ", countries: ["DE"], repIds: [] }], maxOpenSals: null });
    expect(result).toMatchObject({
      ok: false,
      error: { fieldErrors: { "territories.0.name": "Give the territory a name.", "territories.0.repIds": "A territory needs at least one sales rep." } },
    });
  });
});

describe("qualification checklist", () => {
  test("new items get a key from their label, unique in the list; existing items keep theirs", async () => {
    signInAs(users.manager);
    const items = [
      ...DEFAULT_CHECKLIST.map((item) => ({ ...item, label: item.key === "need" ? "Pain" : item.label })),
      { label: "Budget", hint: "Second budget check", required: false },
      { label: "Decision process", hint: "We know who signs and how.", required: true },
    ];
    const result = await saveChecklistAction({ items });
    expect(result.ok && result.data.map((item) => item.key)).toEqual(["budget", "authority", "need", "timeline", "budget_2", "decision_process"]);
    expect((await qualificationChecklist()).map((item) => item.label)).toEqual(["Budget", "Authority", "Pain", "Timeline", "Budget", "Decision process"]);
  });

  test("a custom required item must be confirmed to qualify; an optional one need not be", async () => {
    const lead = await createLead({ stage: "SAL", ownerId: users.rep.id });
    signInAs(users.rep);
    const refused = await moveLeadAction({ leadId: lead.id, version: 1, move: "qualify", checklist: BANT_COMPLETE });
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { checklist: "Complete the qualification checklist first: Decision process is not confirmed." } } });
    const qualified = await moveLeadAction({ leadId: lead.id, version: 1, move: "qualify", checklist: { ...BANT_COMPLETE, decision_process: true } });
    expect(qualified).toMatchObject({ ok: true, data: { stage: "SQL" } });
  });

  test("an empty checklist, an empty label and a duplicate key are named", async () => {
    signInAs(users.manager);
    expect(await saveChecklistAction({ items: [] })).toMatchObject({ ok: false, error: { fieldErrors: { items: "The checklist needs at least one item." } } });
    expect(await saveChecklistAction({ items: [{ label: "  ", hint: "", required: true }] })).toMatchObject({ ok: false, error: { fieldErrors: { "items.0.label": "Every item needs a label." } } });
    const twice = { key: "budget", label: "Budget", hint: "", required: true };
    expect(await saveChecklistAction({ items: [twice, { ...twice, label: "Money" }] })).toMatchObject({ ok: false, error: { fieldErrors: { "items.1.key": 'Two items share the key "budget".' } } });
    expect(await qualificationChecklist()).toHaveLength(6);
  });
});

describe("disqualification reasons", () => {
  test("a new reason gets a code from its label and goes last; a duplicate label is refused", async () => {
    signInAs(users.manager);
    const created = await createReasonAction({ label: " Too small (under 10 people) " });
    expect(created).toMatchObject({ ok: true, data: { code: "too_small_under_10_people", label: "Too small (under 10 people)", active: true, uses: 0 } });
    expect((await listReasons("disqualification")).at(-1)?.code).toBe("too_small_under_10_people");
    expect(await createReasonAction({ label: "too small (under 10 people)" })).toMatchObject({ ok: false, error: { fieldErrors: { label: expect.stringContaining("already a reason") } } });
    expect(await createReasonAction({ label: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { label: "Give the reason a label." } } });
  });

  test("a deactivated reason is refused when disqualifying and a new one is accepted", async () => {
    signInAs(users.manager);
    const spam = await reasonByCode("spam");
    expect(await setReasonActiveAction({ id: spam.id, active: false })).toEqual({ ok: true, data: undefined });
    const created = await createReasonAction({ label: "Acquired by a customer" });
    if (!created.ok) throw new Error(created.error.message);

    const lead = await createLead();
    signInAs(users.marketer);
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: "spam" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reasonCode: expect.stringContaining("not an active") } },
    });
    expect(await moveLeadAction({ leadId: lead.id, version: 1, move: "disqualify", reasonCode: created.data.code })).toMatchObject({ ok: true, data: { stage: "DISQUALIFIED" } });

    const listed = await listReasons("disqualification");
    expect(listed.find((reason) => reason.code === "spam")).toMatchObject({ active: false });
    expect(listed.find((reason) => reason.code === created.data.code)).toMatchObject({ uses: 1 });
    signInAs(users.manager);
    expect(await setReasonActiveAction({ id: spam.id, active: true })).toEqual({ ok: true, data: undefined });
  });

  test("a reason the active scoring rules disqualify with stays active", async () => {
    signInAs(users.manager);
    const student = await reasonByCode("student");
    expect(await setReasonActiveAction({ id: student.id, active: false })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("scoring rules (v1)") } });
    expect(await reasonByCode("student")).toMatchObject({ active: true });
  });

  test("renaming keeps the code; reordering follows the given order and needs every reason", async () => {
    signInAs(users.admin);
    const noBudget = await reasonByCode("no_budget");
    expect(await renameReasonAction({ id: noBudget.id, label: "No budget this year" })).toEqual({ ok: true, data: undefined });
    expect(await reasonByCode("no_budget")).toMatchObject({ label: "No budget this year" });
    expect(await renameReasonAction({ id: noBudget.id, label: "Competitor" })).toMatchObject({ ok: false, error: { code: "CONFLICT", fieldErrors: { label: expect.any(String) } } });

    const ids = (await listReasons("disqualification")).map((reason) => reason.id);
    const reversed = [...ids].reverse();
    expect(await reorderReasonsAction({ ids: reversed })).toEqual({ ok: true, data: undefined });
    expect((await listReasons("disqualification")).map((reason) => reason.id)).toEqual(reversed);
    expect(await reorderReasonsAction({ ids: reversed.slice(1) })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});
