import { beforeAll, describe, expect, test } from "vitest";
import { BOARD_PAGE_SIZE } from "@/lib/core/board";
import { loadColumnAction } from "@/lib/server/funnel/board-actions";
import { loadBoard } from "@/lib/server/funnel/board";
import { db } from "@/lib/server/store/db";
import { createLead, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";

let rep: { id: string };
let otherRep: { id: string };

beforeAll(async () => {
  rep = await createUser("SALES");
  otherRep = await createUser("SALES");
  for (let i = 0; i < 120; i++) await createLead({ stage: "LEAD", totalScore: i % 40 });
  for (let i = 0; i < 7; i++) await createLead({ stage: "SAL", ownerId: i % 2 === 0 ? rep.id : otherRep.id, totalScore: 60 + i });
  await createLead({ stage: "MQL", firstName: "Grace", lastName: "Hopper", company: "Cobol Systems" });
  await createLead({ stage: "MQL", firstName: "Alan", lastName: "Turing", company: "Enigma Analytics" });
});

describe("the board", () => {
  test("each column holds one page, highest score first, and the full count", async () => {
    const [lead, mql, sal] = await loadBoard(["LEAD", "MQL", "SAL"], { owner: { kind: "all" } });
    expect(lead.count).toBe(120);
    expect(lead.cards).toHaveLength(BOARD_PAGE_SIZE);
    expect(lead.nextCursor).not.toBeNull();
    const scores = lead.cards.map((card) => card.totalScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(mql).toMatchObject({ count: 2, nextCursor: null });
    expect(sal.cards.map((card) => card.totalScore)).toEqual([66, 65, 64, 63, 62, 61, 60]);
  });

  test("load more walks the whole column once, with no lead twice and none missing", async () => {
    signInAs(rep);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await loadColumnAction({ stage: "LEAD", cursor });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.data.cards.map((card) => card.id));
      cursor = page.data.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(new Set(seen)).toEqual(new Set((await db.lead.findMany({ where: { stage: "LEAD" }, select: { id: true } })).map((lead) => lead.id)));
  });

  test("filters by owner: mine, another rep's, unassigned", async () => {
    signInAs(rep);
    const mine = await loadColumnAction({ stage: "SAL", owner: "me" });
    expect(mine.ok && mine.data.cards.every((card) => card.ownerId === rep.id)).toBe(true);
    expect(mine.ok && mine.data.cards).toHaveLength(4);
    const theirs = await loadBoard(["SAL"], { owner: { kind: "user", userId: otherRep.id } });
    expect(theirs[0].count).toBe(3);
    const unassigned = await loadBoard(["SAL", "LEAD"], { owner: { kind: "unassigned" } });
    expect(unassigned.map((column) => column.count)).toEqual([0, 120]);
  });

  test("searches name, e-mail and company, ignoring case", async () => {
    const byCompany = await loadBoard(["MQL"], { owner: { kind: "all" }, search: "enigma" });
    expect(byCompany[0].cards.map((card) => card.name)).toEqual(["Alan Turing"]);
    const byName = await loadBoard(["MQL"], { owner: { kind: "all" }, search: "grace hop" });
    expect(byName[0]).toMatchObject({ count: 1, cards: [{ name: "Grace Hopper", company: "Cobol Systems" }] });
    signInAs(rep);
    const viaAction = await loadColumnAction({ stage: "MQL", search: "  HOPPER " });
    expect(viaAction.ok && viaAction.data.cards.map((card) => card.name)).toEqual(["Grace Hopper"]);
  });

  test("a forged cursor or stage is refused with the field named", async () => {
    signInAs(rep);
    expect(await loadColumnAction({ stage: "LEAD", cursor: "1; drop table Lead" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { cursor: expect.any(String) } } });
    expect(await loadColumnAction({ stage: "NOPE" as never })).toMatchObject({ ok: false, error: { fieldErrors: { stage: expect.any(String) } } });
    signInAs(null);
    expect(await loadColumnAction({ stage: "LEAD" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});
