import { pendingSchemaChanges, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChasingStage } from "../chasing.enums.js";
import { ALARM_PAGE_SQL, PAGE_SQL, UNIT_PAGE_SQL } from "../chasing-queries.js";
import { chasingTestDatabase } from "./chasing-world.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await chasingTestDatabase();
  // 60,000 late rows over 200 units, 4 stages, 1 % alarms: the board's tables at a big city's scale.
  await db.dataSource.query(`
    INSERT INTO supervision_chasing_item (ticket_id, stage, severity, unit_id, assignment_id, urgency, alarm, due_at, late_since)
    SELECT gen_random_uuid(),
           (ARRAY['WAITING_DISPATCH','WAITING_SIGN_FOR','IN_PROGRESS','EXTENSION_PENDING'])[1 + i % 4],
           CASE WHEN i % 3 = 0 THEN 'NEAR_DUE' ELSE 'OVERDUE' END,
           CASE WHEN i % 4 = 0 THEN NULL ELSE ('00000000-0000-0000-0000-' || lpad((i % 200)::text, 12, '0'))::uuid END,
           NULL, CASE WHEN i % 100 = 0 THEN 'urgent' ELSE 'normal' END, i % 400 = 0,
           now() - make_interval(mins => i), now() - make_interval(mins => i)
      FROM generate_series(1, 60000) AS i`);
  await db.dataSource.query("ANALYZE supervision_chasing_item");
});
afterAll(() => db?.destroy());

async function plan(sql: string, params: unknown[]): Promise<string> {
  const rows = (await db.dataSource.query(`EXPLAIN ${sql}`, params)) as Array<{ "QUERY PLAN": string }>;
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("the chasing lists read only the late rows they show, through their indexes", () => {
  it("a stage's list walks the stage index in deadline order and stops at the page", async () => {
    const text = await plan(PAGE_SQL, [ChasingStage.IN_PROGRESS, null, null, null, null, 51]);
    expect(text).toMatch(/Index Scan using supervision_chasing_item_stage_due_idx/);
    expect(text).toMatch(/Limit/);
    expect(text).not.toMatch(/Sort/);
    expect(text).not.toMatch(/Seq Scan on supervision_chasing_item/);
  });

  it("the next page starts in the index at the cursor", async () => {
    const text = await plan(PAGE_SQL, [ChasingStage.IN_PROGRESS, null, null, new Date(Date.now() - 3_600_000), "00000000-0000-0000-0000-000000000000", 51]);
    expect(text).toMatch(/Index Cond: \(\(stage = 'IN_PROGRESS'::text\) AND \(ROW\(due_at, ticket_id\) > /);
  });

  it("a unit's list walks the unit index", async () => {
    const text = await plan(UNIT_PAGE_SQL, [ChasingStage.WAITING_SIGN_FOR, "00000000-0000-0000-0000-000000000007", null, null, null, 51]);
    expect(text).toMatch(/Index Scan using supervision_chasing_item_unit_due_idx/);
    expect(text).not.toMatch(/Sort/);
  });

  it("the alarm reads its partial index only", async () => {
    const text = await plan(ALARM_PAGE_SQL, [50]);
    expect(text).toMatch(/Index Scan using supervision_chasing_item_alarm_idx/);
    const count = await plan("SELECT count(*)::int AS n FROM supervision_chasing_item WHERE alarm", []);
    expect(count).toMatch(/supervision_chasing_item_alarm_idx/);
  });
});

describe("the chasing migration", () => {
  it("matches the entities (their tables and indexes need no further change)", async () => {
    expect((await pendingSchemaChanges(db.dataSource)).filter((query) => query.includes("supervision_chasing"))).toEqual([]);
  });
});
