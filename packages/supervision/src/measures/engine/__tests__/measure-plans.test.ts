import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTickets } from "../../../search/__tests__/generator.js";
import { searchTestDatabase, staff } from "../../../search/__tests__/search-db.js";
import { buildConditions, checkSearch, searchScope } from "../../../search/ticket-search.js";
import { factsSql } from "../measure-sql.js";
import { measureTable } from "../measure-rollups.js";
import { filteredDimensions, filterWhere, sumStatement, type MeasureFilter, MeasurePeriodKind } from "../measures.js";
import { rebuildMeasures } from "../rebuild.js";
import { directAggregate, entries, maintainedAggregate } from "./direct.js";

/**
 * The measures' statements use their indexes (EXPLAIN on 30,000 generated tickets over two years,
 * rebuilt into the aggregate): no sequential scan of the aggregate, the facts or the ticket tables.
 */
const TICKETS = 30_000;
let db: TestDatabase;
let sample: { unit: string; category: string; district: string; township: string; ticket: string };

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const walk = (node: PlanNode, visit: (n: PlanNode) => void) => {
  visit(node);
  for (const child of node.Plans ?? []) {
    walk(child, visit);
  }
};
async function plan(sql: string, params: unknown[]): Promise<{ seq: string[]; indexes: string[] }> {
  const [row] = (await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>;
  const seq: string[] = [];
  const indexes: string[] = [];
  walk(row!["QUERY PLAN"][0]!.Plan, (n) => {
    if (n["Node Type"] === "Seq Scan" && n["Relation Name"]) {
      seq.push(n["Relation Name"]);
    }
    if (n["Index Name"]) {
      indexes.push(n["Index Name"]);
    }
  });
  return { seq, indexes };
}

beforeAll(async () => {
  db = await searchTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await generateTickets(client, { tickets: TICKETS, chunk: 15_000, now: new Date("2026-12-01T00:00:00Z") });
  } finally {
    await client.end();
  }
  // the generator writes with triggers off: the rebuild computes the measures from what it wrote
  await rebuildMeasures(db.dataSource);
  await db.dataSource.query(`ANALYZE`);
  const [row] = (await db.dataSource.query(
    `SELECT t.id AS ticket, a.lead_unit_id AS unit, t.category_id AS category, t.district_id AS district, t.township_id AS township
       FROM intake_ticket t JOIN routing_assignment a ON a.ticket_id = t.id AND a.current WHERE t.township_id IS NOT NULL ORDER BY t.received_at DESC LIMIT 1`,
  )) as Array<typeof sample>;
  sample = row!;
}, 300_000);

afterAll(async () => db?.destroy());

describe("measures plans", () => {
  it("the rebuilt aggregate equals the direct computation on the generated tickets", async () => {
    expect(entries(await maintainedAggregate(db.dataSource))).toEqual(entries(await directAggregate(db.dataSource)));
  }, 120_000);

  const month = { from: "2026-10-01", to: "2026-10-31" };
  // each read goes to the table measures() picks for it (a roll-up, or the full cube)
  const cases: Array<[string, () => Partial<MeasureFilter>, string, string]> = [
    ["a month, all units", () => ({}), "supervision_measure_day_all", "PK_"],
    ["a month, one unit with its sub-units", () => ({ unitId: sample.unit }), "supervision_measure_day_by_unit", "supervision_measure_day_by_unit_unit_idx"],
    ["a month, one district", () => ({ districtId: sample.district }), "supervision_measure_day_by_area", "supervision_measure_day_by_area_district_idx"],
    ["a month, one township", () => ({ townshipId: sample.township }), "supervision_measure_day_by_area", "supervision_measure_day_by_area_township_idx"],
    ["a month, one category subtree", () => ({ categoryId: sample.category }), "supervision_measure_day_by_category", "supervision_measure_day_by_category_category_idx"],
    ["a month, one unit and one category (the full cube)", () => ({ unitId: sample.unit, categoryId: sample.category }), "supervision_measure_day", "supervision_measure_day_"],
    ["a month, one channel (the full cube)", () => ({ channels: ["phone"] }), "supervision_measure_day", "PK_99a0ec347e287014b47c8319b00"],
  ];
  for (const [name, extra, table, index] of cases) {
    it(`sums ${name} through an index of ${table}`, async () => {
      const filter: MeasureFilter = { period: { kind: MeasurePeriodKind.MONTH, anchor: month.from }, ...extra() };
      expect(measureTable(filteredDimensions(filter))).toBe(table);
      const statement = sumStatement(await filterWhere(db.dataSource, filter), month, table);
      const { seq, indexes } = await plan(statement.sql, statement.params);
      expect(seq).toEqual([]);
      expect(indexes.some((i) => i.startsWith(index) || i.startsWith("PK_"))).toBe(true);
    });
  }

  it("recomputes one ticket's facts through the ticket indexes (what every trigger runs)", async () => {
    const { seq } = await plan(factsSql("= $1::uuid"), [sample.ticket]);
    // tables the generator fills (the others are empty here, and a scan of an empty table is the right plan)
    expect(seq.filter((t) => ["intake_ticket", "routing_assignment", "routing_return_request", "callback_re_report_proposal"].includes(t))).toEqual([]);
  });

  it("lists the tickets behind a figure through the facts' day index", async () => {
    const supervisor = staff("督办员", [Role.SUPERVISOR]);
    const scope = searchScope(supervisor);
    const filter = checkSearch(scope, { measure: { counter: "OVERDUE", from: month.from, to: month.to } });
    const sql = await buildConditions(db.dataSource, scope, filter, new Date("2026-12-01T00:00:00Z"));
    const { seq, indexes } = await plan(`SELECT s.ticket_id FROM supervision_ticket_search s WHERE ${sql.where.join(" AND ")} ORDER BY s.received_at DESC LIMIT 20`, sql.params);
    expect(seq).not.toContain("supervision_measure_fact");
    // the facts' day index (many matches) or their primary key per candidate ticket (few): either way no scan
    expect(indexes.some((i) => i === "supervision_measure_fact_day_idx" || i === "PK_edd58271cbef0979cfbc0c922e7")).toBe(true);
  });
});
