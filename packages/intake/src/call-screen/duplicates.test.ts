import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, callbackAgent, intakeTestDatabase, operator } from "../__tests__/factories.js";
import { answerDirectly } from "./answer-directly.js";
import { findDuplicateCandidates } from "./duplicates.js";
import { sameAddress, similarity, tokens } from "./similarity.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

describe("text similarity", () => {
  it("splits Chinese into bigrams and other scripts into words", () => {
    expect([...tokens("水管爆裂 Main St 12号")]).toEqual(["水管", "管爆", "爆裂", "main", "st", "12", "号"]);
  });

  it("scores the same matter higher than a different one", () => {
    const burst = "柳泉路88号小区门口自来水管爆裂，路面积水严重";
    expect(similarity(burst, "柳泉路88号门口水管爆裂了，积水很深")).toBeGreaterThan(similarity(burst, "楼上装修噪音扰民，晚上十一点还在施工"));
    expect(similarity("", burst)).toBe(0);
  });

  it("treats addresses as the same when they differ only in spacing, width or a district prefix", () => {
    expect(sameAddress("张店区柳泉路８８号", "柳泉路 88 号")).toBe(true);
    expect(sameAddress("柳泉路88号", "柳泉路8号")).toBe(false);
  });
});

describe("duplicateCandidates", () => {
  it("ranks open tickets of the same category and district by address, township and text, with reasons", async () => {
    const catalog = await buildCatalog(db);
    const sameSpot = await buildCall(db, catalog, { address: "张店区柳泉路88号", description: "柳泉路88号门口自来水管爆裂，路面积水严重，车辆无法通行。" });
    const sameText = await buildCall(db, catalog, { address: "共青团西路3号", townshipId: catalog.otherTownship.id, description: "自来水管爆裂，路面积水严重，车辆无法通行。" });
    const sameTownship = await buildCall(db, catalog, { address: "华光路200号", description: "路灯不亮已经一周了。" });
    const unrelated = await buildCall(db, catalog, { address: "人民西路5号", townshipId: catalog.otherTownship.id, description: "小区垃圾清运不及时。" });
    const closed = await buildCall(db, catalog, { address: "柳泉路88号", description: "自来水管爆裂，路面积水严重" });
    await answerDirectly(db.dataSource, { actor: operator, ticketId: closed.id, version: closed.version, articleIds: [], answer: "已告知抢修电话" });
    const old = await buildCall(db, catalog, { address: "柳泉路88号" });
    await db.dataSource.query("UPDATE intake_ticket SET received_at = now() - interval '8 days' WHERE id = $1", [old.id]);
    const otherCategory = await buildCall(db, await buildCatalog(db), { address: "柳泉路88号" });

    const candidates = await findDuplicateCandidates(db.dataSource, {
      actor: operator,
      query: {
        categoryId: catalog.leaf.id,
        districtId: catalog.district.id,
        townshipId: catalog.township.id,
        address: "柳泉路 88 号",
        description: "柳泉路88号自来水管爆裂，积水严重",
      },
    });
    const ids = candidates.map((c) => c.ticket.id);
    expect(ids[0]).toBe(sameSpot.id);
    expect(ids).toContain(sameText.id);
    expect(ids.indexOf(sameText.id)).toBeLessThan(ids.indexOf(sameTownship.id) === -1 ? Infinity : ids.indexOf(sameTownship.id));
    for (const excluded of [unrelated.id, closed.id, old.id, otherCategory.id]) {
      expect(ids).not.toContain(excluded);
    }
    expect(candidates[0]!.reasons).toEqual(expect.arrayContaining(["same address", "same township", expect.stringMatching(/^similar description \d+%$/)]));
    expect(candidates[0]!.score).toBeGreaterThan(0.6);
    expect(candidates.find((c) => c.ticket.id === sameText.id)!.reasons).toEqual([expect.stringMatching(/^similar description \d+%$/)]);
    for (let i = 1; i < candidates.length; i++) {
      expect(candidates[i]!.score).toBeLessThanOrEqual(candidates[i - 1]!.score);
    }
  });

  it("returns at most five, leaves out the ticket being edited, and needs an operator or dispatcher", async () => {
    const catalog = await buildCatalog(db);
    const tickets = [];
    for (let i = 0; i < 7; i++) {
      tickets.push(await buildCall(db, catalog, { address: "柳泉路88号" }));
    }
    const query = { categoryId: catalog.leaf.id, districtId: catalog.district.id, address: "柳泉路88号", excludeTicketId: tickets[6]!.id };
    const candidates = await findDuplicateCandidates(db.dataSource, { actor: operator, query });
    expect(candidates).toHaveLength(5);
    expect(candidates.map((c) => c.ticket.id)).not.toContain(tickets[6]!.id);
    expect(candidates.map((c) => c.ticket.id)).toEqual([tickets[5]!.id, tickets[4]!.id, tickets[3]!.id, tickets[2]!.id, tickets[1]!.id]);
    await expect(findDuplicateCandidates(db.dataSource, { actor: callbackAgent, query })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findDuplicateCandidates(db.dataSource, { actor: operator, query: { ...query, address: "柳泉路\u0000" } })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "address", code: "INVALID_CHARACTERS" }] },
    });
    expect(await findDuplicateCandidates(db.dataSource, { actor: operator, query: { ...query, categoryId: "nope" } })).toEqual([]);
  });
});
