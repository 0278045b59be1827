import { randomUUID } from "node:crypto";
import type { TestDatabase } from "@civicline/platform/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchWorld, searchTestDatabase, staff, type SearchWorld } from "../../../search/__tests__/search-db.js";
import { MEASURE_CUBE, measureTable, rollupDifferencesSql } from "../measure-rollups.js";
import { filterWhere, measures, MeasurePeriodKind, sumStatement, type MeasureFilter } from "../measures.js";
import { rebuildMeasures } from "../rebuild.js";
import { Role } from "@civicline/platform";

/**
 * The roll-ups of the measures cube (all units, by unit, by area, by category) stay equal to the cube
 * summed the same way while many connections change tickets at once (each adds into its own stripe
 * of the all-units roll-up), and after a rebuild; reads pick the smallest table that can answer.
 */
let db: TestDatabase;
let world: SearchWorld;
let pool: pg.Pool;

const T0 = Date.parse("2026-11-02T09:00:00+08:00");

beforeAll(async () => {
  db = await searchTestDatabase();
  world = await buildSearchWorld(db);
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
});

afterAll(async () => {
  await pool?.end();
  await db?.destroy();
});

async function differences(): Promise<Array<{ rollup: string; differing: number }>> {
  return (await db.dataSource.query(rollupDifferencesSql())) as Array<{ rollup: string; differing: number }>;
}

/** Ticket n: received, dispatched to one of three units, replied, answered in a survey — in three transactions. */
async function lifeOf(n: number): Promise<void> {
  const client = await pool.connect();
  try {
    const id = randomUUID();
    const at = new Date(T0 + (n % 20) * 3_600_000 * 7);
    const unit = [world.unitA.id, world.unitB.id, world.unitC.id][n % 3];
    const township = n % 4 === 0 ? null : world.township.id;
    await client.query(
      `INSERT INTO intake_ticket (id, tracking_number, status, channel, request_type, category_id, description, district_id, township_id, address, citizen_name, citizen_phone, received_at, version)
       VALUES ($1, $2, $3, $4, 'complaint', $5, '测试工单', $6, $7, '地址', '王先生', '13911112222', $8, 1)`,
      [id, `RU-${id.slice(0, 13)}`, n % 5 === 0 ? "closed_direct" : "received", n % 2 ? "phone" : "portal", n % 3 ? world.leaf.id : world.otherLeaf.id, world.district.id, township, at],
    );
    if (n % 5 === 0) {
      return;
    }
    const assignment = randomUUID();
    await client.query("BEGIN");
    await client.query(`UPDATE intake_ticket SET status = 'dispatched' WHERE id = $1`, [id]);
    await client.query(
      `INSERT INTO routing_assignment (id, ticket_id, current, state, lead_unit_id, dispatched_at, dispatched_by_name, dispatch_minutes, sign_for_minutes, completion_minutes, near_due_percent,
         dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at)
       VALUES ($1, $2, true, 'DISPATCHED', $3, $4, 'test', 240, 120, 2250, 80, $4, $4, $5, $5)`,
      [assignment, id, unit, new Date(at.getTime() + 3_600_000), new Date(at.getTime() + 5 * 86_400_000)],
    );
    await client.query("COMMIT");
    await client.query(`UPDATE routing_assignment SET state = 'REPLIED', replied_at = $2, reply_text = '已处理', reply_outcome = 'RESOLVED' WHERE id = $1`, [
      assignment,
      new Date(at.getTime() + (n % 7) * 86_400_000 + 7_200_000),
    ]);
    await client.query(
      `INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, resolution, result_satisfaction, process_satisfaction, reasonable, answered_at, lead_unit_id, category_id, request_type)
       VALUES ($1, $2, true, 'PHONE', 'RESOLVED', $3, 'SATISFIED', true, $4, $5, $6, 'complaint')`,
      [randomUUID(), id, n % 6 ? "SATISFIED" : "DISSATISFIED", new Date(at.getTime() + 8 * 86_400_000), unit, world.leaf.id],
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

describe("measure roll-ups", () => {
  it("choose the smallest table that has the filter's and the breakdown's columns", () => {
    expect(measureTable([])).toBe("supervision_measure_day_all");
    expect(measureTable([], "day")).toBe("supervision_measure_day_all");
    expect(measureTable(["unit_id"])).toBe("supervision_measure_day_by_unit");
    expect(measureTable([], "unit_id")).toBe("supervision_measure_day_by_unit");
    expect(measureTable(["district_id"], "township_id")).toBe("supervision_measure_day_by_area");
    expect(measureTable(["category_id"])).toBe("supervision_measure_day_by_category");
    expect(measureTable(["category_id", "district_id"])).toBe("supervision_measure_day_by_category_area");
    expect(measureTable(["category_id"], "township_id")).toBe("supervision_measure_day_by_category_area");
    expect(measureTable(["district_id"], "unit_id")).toBe(MEASURE_CUBE);
    expect(measureTable(["channel"])).toBe(MEASURE_CUBE);
  });

  it("equal the cube while six connections change tickets at once, and after a rebuild", async () => {
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 12 }, (_, i) => lifeOf(batch * 12 + i)));
    }
    const [stripes] = (await db.dataSource.query(`SELECT count(DISTINCT stripe)::int AS n FROM supervision_measure_day_all`)) as Array<{ n: number }>;
    expect(stripes?.n).toBeGreaterThan(1); // the writers' deltas went to several stripes
    expect(await differences()).toEqual([
      { rollup: "supervision_measure_day_all", differing: 0 },
      { rollup: "supervision_measure_day_by_unit", differing: 0 },
      { rollup: "supervision_measure_day_by_area", differing: 0 },
      { rollup: "supervision_measure_day_by_category", differing: 0 },
      { rollup: "supervision_measure_day_by_category_area", differing: 0 },
    ]);

    // a roll-up cell changed behind the trigger's back is put right by the rebuild
    await db.dataSource.query(`UPDATE supervision_measure_day_by_unit SET received = received + 5 WHERE ctid = (SELECT ctid FROM supervision_measure_day_by_unit LIMIT 1)`);
    expect((await differences()).find((d) => d.rollup === "supervision_measure_day_by_unit")?.differing).toBeGreaterThan(0);
    await rebuildMeasures(db.dataSource);
    expect((await differences()).every((d) => d.differing === 0)).toBe(true);
    // and the trigger is on again after the rebuild
    await lifeOf(1000);
    expect((await differences()).every((d) => d.differing === 0)).toBe(true);
  });

  it("answer the measures exactly as the cube does, for every filter that uses one", async () => {
    const period = { kind: MeasurePeriodKind.MONTH, anchor: "2026-11-10" };
    const filters: MeasureFilter[] = [
      { period },
      { period, unitId: world.unitA.id },
      { period, districtId: world.district.id },
      { period, townshipId: world.township.id },
      { period, categoryId: world.group.id },
    ];
    const supervisor = staff("督办员", [Role.SUPERVISOR]);
    for (const filter of filters) {
      const result = await measures(db.dataSource, { actor: supervisor, filter, now: new Date("2026-12-06T10:00:00+08:00") });
      const cube = sumStatement(await filterWhere(db.dataSource, filter), result.period, MEASURE_CUBE);
      const [row] = (await db.dataSource.query(cube.sql, cube.params)) as Array<Record<string, number>>;
      expect(result.current.counts.received).toBe(Number(row!.received));
      expect(result.current.counts.replied).toBe(Number(row!.replied));
      expect(result.current.counts.handlingWorkMs).toBe(Number(row!.handling_work_ms));
      expect(result.current.counts.resultSatisfied).toBe(Number(row!.result_satisfied));
    }
    const all = await measures(db.dataSource, { actor: supervisor, filter: { period }, now: new Date("2026-12-06T10:00:00+08:00") });
    expect(all.current.counts.received).toBeGreaterThan(0);
  });
});
