import type { TestDatabase } from "@civicline/platform/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTickets } from "../../../search/__tests__/generator.js";
import { searchTestDatabase } from "../../../search/__tests__/search-db.js";
import { rebuildMeasures } from "../../engine/rebuild.js";
import { HOT_TABLE, hotCellsStatement } from "../hot-counts.js";
import { HOT_TICKETS_COUNT_SQL, HOT_TICKETS_SQL } from "../hot-issues.js";
import { hotSpan, shanghaiDay } from "../hot-window.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await searchTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await generateTickets(client, { tickets: 20_000, chunk: 10_000 });
  } finally {
    await client.end();
  }
  await rebuildMeasures(db.dataSource);
  await db.dataSource.query("ANALYZE");
}, 240_000);
afterAll(async () => db?.destroy());

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(node: PlanNode, found: PlanNode[] = []): PlanNode[] {
  found.push(node);
  for (const child of node.Plans ?? []) {
    nodes(child, found);
  }
  return found;
}

async function plan(sql: string, params: unknown[]): Promise<PlanNode[]> {
  const [row] = (await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>;
  return nodes(row!["QUERY PLAN"][0]!.Plan);
}

describe("hot issues' statements use their indexes (20,000 generated tickets)", () => {
  it("reads 9 weeks of the category × area roll-up by a range of its primary key, not the whole table", async () => {
    const span = hotSpan(shanghaiDay(new Date()), 7, 8);
    const statement = hotCellsStatement(span, 5);
    const used = await plan(statement.sql, statement.params);
    expect(used.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"])).toEqual([]);
    // an index scan of the table, or a bitmap heap scan of it driven by its primary key's index
    expect(used.some((node) => node["Relation Name"] === HOT_TABLE && /Index|Bitmap Heap/.test(node["Node Type"]))).toBe(true);
    expect(used.some((node) => node["Index Name"]?.startsWith("PK_") && node["Node Type"] !== "Seq Scan")).toBe(true);
  });

  it("lists and counts a hot issue's tickets through intake_ticket_duplicates_idx", async () => {
    const [cell] = (await db.dataSource.query("SELECT category_id, district_id FROM intake_ticket GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")) as Array<{ category_id: string; district_id: string }>;
    const params = [cell!.category_id, cell!.district_id, new Date(Date.now() - 7 * 86_400_000), new Date(), null];
    for (const sql of [HOT_TICKETS_SQL, HOT_TICKETS_COUNT_SQL]) {
      const used = await plan(sql, params);
      expect(used.filter((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === "intake_ticket")).toEqual([]);
      expect(used.some((node) => node["Index Name"] === "intake_ticket_duplicates_idx")).toBe(true);
    }
  });
});
