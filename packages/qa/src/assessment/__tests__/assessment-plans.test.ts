import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qaTestDatabase } from "../../__tests__/factories.js";
import { monthlyAssessment } from "../monthly-assessment.js";
import { MONTHLY_FIGURES_SQL, monthBounds } from "../monthly-figures.js";

let db: TestDatabase;

/**
 * A year of generated data for 60 call-takers, in bulk SQL: 120,000 calls, 12,000 inspections,
 * 60,000 tickets, 12,000 callback answers — large enough that the planner prefers an index to
 * reading a whole table when it can.
 */
beforeAll(async () => {
  db = await qaTestDatabase();
  const q = (sql: string) => db.dataSource.query(sql);
  await q(`INSERT INTO platform_user (username, display_name, password_hash, roles, active)
           SELECT 'gen-' || n, '话务员' || n, 'x', ARRAY['operator'], true FROM generate_series(1, 60) n`);
  await q(`CREATE TEMP TABLE takers AS SELECT id, row_number() OVER (ORDER BY username) - 1 AS n FROM platform_user WHERE username LIKE 'gen-%'`);
  await q(`INSERT INTO qa_call (call_id, seat_code, call_taker_id, caller_number, direction, started_at, answered_at, ended_at, wait_seconds, talk_seconds, reported_by_name)
           SELECT 'g-' || i, 'A01', t.id, '13900000000', 'INBOUND', s, s + interval '5 seconds', s + interval '185 seconds', 5, 180, 'gen'
             FROM generate_series(1, 120000) i
             JOIN takers t ON t.n = i % 60
             CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01 00:00+08' + (i * interval '262 seconds') AS s) x`);
  await q(`INSERT INTO qa_inspection (sample_id, call_record_id, call_taker_id, call_started_at, inspector_id, inspector_name, form_version_id, state, total, critical, score_version, scored_at, appeal_deadline)
           SELECT gen_random_uuid(), c.id, c.call_taker_id, c.started_at, gen_random_uuid(), 'gen', '9a0c1e55-7a11-4c3e-8d2b-0f5a9c1d2e02', 'SCORED', 80 + (length(c.call_id) % 20), false, 1, c.started_at + interval '1 day', c.started_at + interval '4 days'
             FROM qa_call c WHERE substr(c.call_id, 3)::int % 10 = 0`);
  await q(`INSERT INTO intake_ticket (tracking_number, status, channel, request_type, category_id, description, district_id, address, citizen_name, citizen_phone, received_at, created_by, version)
           SELECT 'GEN-' || substr(c.call_id, 3), CASE WHEN substr(c.call_id, 3)::int % 3 = 0 THEN 'closed_direct' ELSE 'dispatched' END, 'phone', 'consultation',
                  gen_random_uuid(), '咨询', gen_random_uuid(), '张店区', '市民', '13900000000', c.started_at + interval '1 minute', c.call_taker_id, 1
             FROM qa_call c WHERE substr(c.call_id, 3)::int % 2 = 0`);
  await q(`INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, resolution, result_satisfaction, process_satisfaction, reasonable, answered_at, category_id, request_type)
           SELECT gen_random_uuid(), t.id, true, 'PHONE', 'RESOLVED', 'SATISFIED', 'SATISFIED', true, t.received_at + interval '3 days', t.category_id, 'consultation'
             FROM intake_ticket t WHERE t.tracking_number LIKE 'GEN-%' AND substr(t.tracking_number, 5)::int % 10 = 0`);
  await q("ANALYZE");
}, 240_000);
afterAll(() => db?.destroy());

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(node: PlanNode, found: PlanNode[] = []): PlanNode[] {
  found.push(node);
  for (const child of node.Plans ?? []) {
    nodes(child, found);
  }
  return found;
}

describe("a call-taker's results are read by their index", () => {
  it("myQaResults' statement reads qa_inspection_taker_idx, not the whole table", async () => {
    const [taker] = (await db.dataSource.query(`SELECT id FROM platform_user WHERE username = 'gen-7'`)) as Array<{ id: string }>;
    const [row] = (await db.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT i.id FROM qa_inspection i WHERE i.call_taker_id = ANY($1::uuid[]) AND i.call_taker_id = $2 ORDER BY i.call_started_at DESC, i.id DESC LIMIT 50`,
      [[taker!.id], taker!.id],
    )) as Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>;
    const used = nodes(row!["QUERY PLAN"][0]!.Plan);
    expect(used.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"])).toEqual([]);
    expect(used.map((node) => node["Index Name"])).toContain("qa_inspection_taker_idx");
  });
});

describe("the monthly assessment reads each table by its index (a year of generated data)", () => {
  it("scans none of calls, inspections, tickets or callback answers whole", async () => {
    const { from, to } = monthBounds("2026-10");
    const [row] = (await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${MONTHLY_FIGURES_SQL}`, [from, to])) as Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>;
    const used = nodes(row!["QUERY PLAN"][0]!.Plan);
    if (process.env.SHOW_PLAN) {
      const text = (await db.dataSource.query(`EXPLAIN ${MONTHLY_FIGURES_SQL}`, [from, to])) as Array<{ "QUERY PLAN": string }>;
      console.log(text.map((line) => line["QUERY PLAN"]).join("\n"));
    }
    const big = ["qa_call", "qa_inspection", "intake_ticket", "callback_survey"];
    expect(used.filter((node) => node["Node Type"] === "Seq Scan" && big.includes(node["Relation Name"] ?? "")).map((node) => node["Relation Name"])).toEqual([]);
    const indexes = used.map((node) => node["Index Name"]).filter(Boolean);
    expect(indexes).toEqual(expect.arrayContaining(["qa_call_started_idx", "qa_inspection_started_idx"]));
  });

  it("gives every call-taker's month (60 call-takers, ~10,000 calls) with the generated figures", async () => {
    const started = Date.now();
    const result = await monthlyAssessment(db.dataSource, "2026-10");
    const elapsed = Date.now() - started;
    const generated = result.rows.filter((row) => row.figures.name.startsWith("话务员"));
    expect(generated).toHaveLength(60);
    const calls = generated.reduce((sum, row) => sum + row.figures.callsHandled, 0);
    const [expected] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM qa_call WHERE started_at >= '2026-10-01 00:00+08' AND started_at < '2026-11-01 00:00+08'`,
    )) as Array<{ n: number }>;
    expect(calls).toBe(expected!.n);
    expect(generated.every((row) => row.averageHandleSeconds === 180)).toBe(true);
    expect(elapsed).toBeLessThan(5000);
  });
});
