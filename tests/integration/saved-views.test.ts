import { beforeAll, describe, expect, test } from "vitest";
import { createSavedViewAction, deleteSavedViewAction, updateSavedViewAction } from "@/lib/server/leads/saved-view-actions";
import { listSavedViews } from "@/lib/server/leads/saved-views";
import type { Team } from "../support/factories";
import { createTeam } from "../support/factories";
import { signInAs } from "../support/sign-in";

let users: Team;

beforeAll(async () => {
  users = await createTeam();
});

describe("saved views", () => {
  test("a personal view is its owner's alone; a shared one shows for the whole team with its owner's name", async () => {
    signInAs(users.marketer);
    const personal = await createSavedViewAction({ name: "My hot leads", shared: false, query: "stage=LEAD&minScore=70&page=4&view=review" });
    const shared = await createSavedViewAction({ name: "DACH pipeline", shared: true, query: "country=DE&country=AT&stage=MQL,SAL" });
    expect(personal).toMatchObject({ ok: true, data: { name: "My hot leads", shared: false, mine: true } });
    // Stored without page or view marker, in the table's canonical form.
    expect(personal.ok && personal.data.query).toBe("stage=LEAD&minScore=70");
    expect(shared.ok && shared.data.query).toBe("stage=MQL%2CSAL&country=DE&country=AT");

    expect((await listSavedViews(users.marketer.id)).map((view) => view.name)).toEqual(["DACH pipeline", "My hot leads"]);
    expect(await listSavedViews(users.rep.id)).toEqual([
      expect.objectContaining({ name: "DACH pipeline", shared: true, mine: false, ownerName: "Maya Marketer" }),
    ]);
  });

  test("names are required, at most 60 characters, and unique per person", async () => {
    signInAs(users.manager);
    expect(await createSavedViewAction({ name: "  ", shared: false, query: "" })).toMatchObject({ ok: false, error: { fieldErrors: { name: "Give the view a name." } } });
    expect(await createSavedViewAction({ name: "x".repeat(61), shared: false, query: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { name: "A view name can be at most 60 characters." } },
    });
    expect(await createSavedViewAction({ name: "Overdue DE", shared: false, query: "overdue=1&country=DE" })).toMatchObject({ ok: true });
    expect(await createSavedViewAction({ name: "Overdue DE", shared: true, query: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { name: expect.stringContaining("already") } } });
    signInAs(users.rep);
    expect(await createSavedViewAction({ name: "Overdue DE", shared: false, query: "" })).toMatchObject({ ok: true });
  });

  test("only the owner updates, shares or deletes a view", async () => {
    signInAs(users.otherRep);
    const created = await createSavedViewAction({ name: "Mine to keep", shared: true, query: "owner=me" });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.data.id;

    signInAs(users.manager);
    expect(await updateSavedViewAction({ id, name: "Taken over", shared: true, query: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await deleteSavedViewAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    signInAs(users.otherRep);
    expect(await updateSavedViewAction({ id, name: "Kept, private now", shared: false, query: "owner=me&sort=updatedAt.desc" })).toMatchObject({
      ok: true,
      data: { name: "Kept, private now", shared: false, query: "owner=me&sort=updatedAt.desc" },
    });
    expect((await listSavedViews(users.manager.id)).some((view) => view.id === id)).toBe(false);
    expect(await deleteSavedViewAction({ id })).toMatchObject({ ok: true, data: { id } });
    expect(await deleteSavedViewAction({ id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  test("signed-out callers are refused", async () => {
    signInAs(null);
    expect(await createSavedViewAction({ name: "Nope", shared: false, query: "" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});
