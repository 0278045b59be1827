import { AuditEntry, Role, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { Unit } from "@civicline/routing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchWorld, searchTestDatabase, staff } from "../../../search/__tests__/search-db.js";
import { departmentRanking } from "../department-ranking.js";
import { listWeightVersions, saveRankingWeights, weightsForPeriod } from "../ranking-weights.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await searchTestDatabase();
});
afterAll(async () => db?.destroy());

const admin: Actor = staff("管理员", [Role.ADMIN]);
const supervisor: Actor = staff("督办员", [Role.SUPERVISOR]);
const ZERO = "00000000-0000-0000-0000-000000000000";

type Counters = { dispatched: number; due: number; on_time: number; survey_reasonable: number; result_satisfied: number; returned?: number; replied?: number; rereported?: number; extended?: number };

/**
 * A unit with its month of figures written into the measures aggregate as the engine would have
 * summed them (the engine's own tests prove how tickets become these counters); the ranking reads them
 * through the engine's per-unit breakdown.
 */
async function unitWithFigures(world: Awaited<ReturnType<typeof buildSearchWorld>>, name: string, day: string, counters: Counters) {
  const unit = await db.dataSource.getRepository(Unit).save({ code: `RK-${randomUUID().slice(0, 8)}`, nameZh: name, nameEn: `${name} (en)`, kind: "BUREAU", areaId: world.district.id, parentId: null });
  const columns = { returned: 0, replied: counters.due, rereported: 0, extended: 0, ...counters };
  const keys = Object.keys(columns);
  await db.dataSource.query(
    `INSERT INTO supervision_measure_day (day, unit_id, category_id, district_id, township_id, channel, request_type, ${keys.join(", ")})
     VALUES ($1, $2, $3, $4, $5, 'phone', 'complaint', ${keys.map((_, index) => `$${index + 6}`).join(", ")})`,
    [day, unit.id, world.leaf.id, world.district.id, ZERO, ...keys.map((key) => columns[key as keyof typeof columns])],
  );
  return unit;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: string }).code);
  }
  throw new Error("expected a coded error");
}

const names = (ranking: Awaited<ReturnType<typeof departmentRanking>>) => ranking.ranked.map((entry) => [entry.rank, entry.unit.unitName, entry.score]);

describe("versioned ranking weights", () => {
  it("ranks last month the same after the weights change, and the new weights apply from then on", async () => {
    const world = await buildSearchWorld(db);
    // October 2026: 快 is always on time but disliked; 好 is liked but slow; 少 has too few tickets.
    await unitWithFigures(world, "快办局", "2026-10-15", { dispatched: 20, due: 20, on_time: 20, survey_reasonable: 10, result_satisfied: 6 });
    await unitWithFigures(world, "好评局", "2026-10-16", { dispatched: 20, due: 20, on_time: 14, survey_reasonable: 10, result_satisfied: 10 });
    await unitWithFigures(world, "少件局", "2026-10-17", { dispatched: 3, due: 3, on_time: 3, survey_reasonable: 1, result_satisfied: 1 });
    // November: the same two again.
    await unitWithFigures(world, "快办局11", "2026-11-15", { dispatched: 20, due: 20, on_time: 20, survey_reasonable: 10, result_satisfied: 6 });
    await unitWithFigures(world, "好评局11", "2026-11-16", { dispatched: 20, due: 20, on_time: 14, survey_reasonable: 10, result_satisfied: 10 });
    const october = { actor: supervisor, fromDay: "2026-10-01", toDay: "2026-10-31" };
    const before = await departmentRanking(db.dataSource, october);
    // v1 (40/30/10/10/10): 快 (4000 + 1800 + 1000 + 1000 + 1000) / 100 = 88.00; 好 (2800 + 3000 + 3000) / 100 = 88.00 → tie broken by on-time rate
    expect(before.weights.version).toBe(1);
    expect(names(before).filter(([, name]) => !String(name).endsWith("11"))).toEqual([
      [1, "快办局", 88],
      [2, "好评局", 88],
    ]);
    expect(before.apart.map((entry) => [entry.unit.unitName, entry.reason])).toContainEqual(["少件局", "TOO_FEW_TICKETS"]);

    const v2 = await saveRankingWeights(db.dataSource, {
      actor: admin,
      now: new Date("2026-11-05T09:00:00+08:00"),
      request: { onTime: 10, satisfaction: 60, notReturned: 10, notReReported: 10, notExtended: 10, minTickets: 2, note: "满意度优先" },
    });
    expect(v2.version).toBe(2);
    const after = await departmentRanking(db.dataSource, october);
    expect(after.weights.version).toBe(1);
    expect(after.ranked).toEqual(before.ranked);
    expect(after.apart).toEqual(before.apart);

    // November ends after v2 was saved: v2 applies — 好 (1000·0.7 + 6000 + 3000)/100 = 97.00, 快 (1000 + 3600 + 3000)/100 = 76.00
    const november = await departmentRanking(db.dataSource, { actor: supervisor, fromDay: "2026-11-01", toDay: "2026-11-30" });
    expect(november.weights.version).toBe(2);
    expect(names(november).filter(([, name]) => String(name).endsWith("11"))).toEqual([
      [1, "好评局11", 97],
      [2, "快办局11", 76],
    ]);
    // October re-ranked with v2 on purpose: 少件局 (3 tickets ≥ 2) is ranked too
    const octoberV2 = await departmentRanking(db.dataSource, { ...october, weightsVersion: 2 });
    expect(names(octoberV2).filter(([, name]) => !String(name).endsWith("11"))).toEqual([
      [1, "少件局", 100],
      [2, "好评局", 97],
      [3, "快办局", 76],
    ]);
    const audit = await db.dataSource.getRepository(AuditEntry).findBy({ entityType: "ranking_weights", entityId: "2" });
    expect(audit.map((entry) => [entry.action, (entry.before as { version: number }).version, (entry.after as { satisfaction: number }).satisfaction])).toEqual([["ranking_weights.save", 1, 60]]);
  });

  it("gives concurrent saves consecutive versions and never changes an old one", async () => {
    const request = { onTime: 50, satisfaction: 20, notReturned: 10, notReReported: 10, notExtended: 10, minTickets: 10 };
    const first = await listWeightVersions(db.dataSource);
    const saved = await Promise.all([1, 2, 3].map(() => saveRankingWeights(db.dataSource, { actor: admin, request })));
    const top = first[0]!.version;
    expect(saved.map((row) => row.version).sort()).toEqual([top + 1, top + 2, top + 3]);
    const all = await listWeightVersions(db.dataSource);
    expect(all.slice(3)).toEqual(first);
    expect((await weightsForPeriod(db.dataSource, { version: 1, end: new Date() })).onTime).toBe(40);
  });

  it("refuses bad weights, other roles and unknown versions, storing nothing", async () => {
    const before = (await listWeightVersions(db.dataSource)).length;
    const good = { onTime: 40, satisfaction: 30, notReturned: 10, notReReported: 10, notExtended: 10, minTickets: 10 };
    expect(await codeOf(saveRankingWeights(db.dataSource, { actor: admin, request: { ...good, onTime: 101 } }))).toBe("BAD_USER_INPUT");
    expect(await codeOf(saveRankingWeights(db.dataSource, { actor: admin, request: { ...good, onTime: 0, satisfaction: 0, notReturned: 0, notReReported: 0, notExtended: 0 } }))).toBe("BAD_USER_INPUT");
    expect(await codeOf(saveRankingWeights(db.dataSource, { actor: admin, request: { ...good, minTickets: 0 } }))).toBe("BAD_USER_INPUT");
    expect(await codeOf(saveRankingWeights(db.dataSource, { actor: supervisor, request: good }))).toBe("FORBIDDEN");
    expect(await codeOf(saveRankingWeights(db.dataSource, { actor: null, request: good }))).toBe("UNAUTHENTICATED");
    expect((await listWeightVersions(db.dataSource)).length).toBe(before);
    expect(await codeOf(departmentRanking(db.dataSource, { actor: supervisor, fromDay: "2026-10-01", toDay: "2026-10-31", weightsVersion: 999 }))).toBe("SUPERVISION/WEIGHTS_VERSION_NOT_FOUND");
    expect(await codeOf(departmentRanking(db.dataSource, { actor: supervisor, fromDay: "2026-10-31", toDay: "2026-10-01" }))).toBe("BAD_USER_INPUT");
    expect(await codeOf(departmentRanking(db.dataSource, { actor: staff("h", [Role.HANDLER]), fromDay: "2026-10-01", toDay: "2026-10-31" }))).toBe("FORBIDDEN");
  });
});
