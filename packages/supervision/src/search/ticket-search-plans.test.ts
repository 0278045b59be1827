import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTickets } from "./__tests__/generator.js";
import { searchTestDatabase, staff } from "./__tests__/search-db.js";
import type { SearchSort, TicketSearchFilterInput } from "./search-filter.js";
import { buildConditions, checkSearch, pageStatements, searchScope } from "./ticket-search.js";

const TICKETS = 30_000;
let db: TestDatabase;
let facts: { ticket: string; phone: string; category: string; parent: string | null; district: string; township: string; unit: string };

beforeAll(async () => {
  db = await searchTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await generateTickets(client, { tickets: TICKETS, chunk: 15_000 });
  } finally {
    await client.end();
  }
  const [row] = await db.dataSource.query(
    `SELECT s.tracking_number AS ticket, s.citizen_phone AS phone, s.category_id AS category, c.parent_id AS parent, s.district_id AS district, s.township_id AS township, s.lead_unit_id AS unit
     FROM supervision_ticket_search s JOIN intake_category c ON c.id = s.category_id WHERE s.lead_unit_id IS NOT NULL ORDER BY s.received_at DESC LIMIT 1`,
  );
  facts = row;
}, 240_000);

afterAll(async () => {
  await db?.destroy();
});

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode, found: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) {
    found.push(node["Relation Name"]);
  }
  for (const child of node.Plans ?? []) {
    seqScans(child, found);
  }
  return found;
}

const supervisor = staff("督办员", [Role.SUPERVISOR]);
const operator = staff("话务员", [Role.OPERATOR]);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);

describe(`ticket search plans on ${TICKETS.toLocaleString("en")} generated tickets`, () => {
  const paths: Array<[string, () => TicketSearchFilterInput, { sort?: SearchSort; handler?: boolean; phone?: boolean }?]> = [
    ["tracking number, whole", () => ({ trackingNumber: facts.ticket })],
    ["tracking number, part", () => ({ trackingNumber: facts.ticket.slice(-6) })],
    ["phone, whole", () => ({ phone: facts.phone }), { phone: true }],
    ["phone, part", () => ({ phone: facts.phone.slice(-6) }), { phone: true }],
    ["text, Chinese", () => ({ text: "井盖破损" })],
    ["text, English prefix", () => ({ text: "electric" })],
    ["no criteria", () => ({})],
    ["status (rare)", () => ({ statuses: ["awaiting_dispatch" as never] })],
    ["status (common)", () => ({ statuses: ["closed" as never] })],
    ["request type", () => ({ requestTypes: ["praise" as never] })],
    ["channel", () => ({ channels: ["walk_in" as never] })],
    ["urgency", () => ({ urgencies: ["emergency" as never] })],
    ["category subtree", () => ({ categoryId: facts.parent ?? facts.category })],
    ["district", () => ({ districtId: facts.district })],
    ["township", () => ({ townshipId: facts.township })],
    ["lead unit", () => ({ leadUnitId: facts.unit })],
    ["received range", () => ({ received: { from: day(-3), to: day(0) } })],
    ["dispatched range", () => ({ dispatched: { from: day(-3) } })],
    ["replied range", () => ({ replied: { from: day(-3) } })],
    ["closed range", () => ({ closed: { from: day(-2) } })],
    ["overdue now", () => ({ overdue: true })],
    ["near due", () => ({ nearDue: true })],
    ["returned", () => ({ returned: true })],
    ["re-reported", () => ({ reReported: true })],
    ["under supervision", () => ({ underSupervision: true })],
    ["handler's unit", () => ({}), { handler: true }],
    ["handler's unit + text", () => ({ text: "路灯" }), { handler: true }],
    ["text + status + district", () => ({ text: "噪音", statuses: ["closed" as never], districtId: facts.district })],
    ["category + received range", () => ({ categoryId: facts.category, received: { from: day(-60) } })],
    ["overdue + lead unit", () => ({ overdue: true, leadUnitId: facts.unit })],
    ["oldest first", () => ({ statuses: ["in_progress" as never] }), { sort: "RECEIVED_ASC" }],
    ["soonest due first", () => ({ overdue: true }), { sort: "DUE_ASC" }],
  ];

  it.each(paths)("%s: no sequential scan of the ticket tables", async (_name, filterOf, options = {}) => {
    const actor = options.handler ? staff("承办人", [Role.HANDLER], facts.unit) : options.phone ? operator : supervisor;
    const scope = searchScope(actor);
    const filter = checkSearch(scope, filterOf());
    const sql = await buildConditions(db.dataSource, scope, filter, new Date());
    const { page } = pageStatements(sql, options.sort ?? "RECEIVED_DESC", null, 20, false);
    const [{ "QUERY PLAN": plan }] = await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${page.text}`, page.params);
    const scans = seqScans(plan[0].Plan as PlanNode).filter((relation) => ["supervision_ticket_search", "intake_ticket"].includes(relation));
    expect(scans, JSON.stringify(plan[0].Plan, null, 1).slice(0, 3000)).toEqual([]);
  });
});
