import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTickets } from "./__tests__/generator.js";
import { searchTestDatabase, staff } from "./__tests__/search-db.js";
import { textQuery, type SearchSort, type TicketSearchFilterInput } from "./search-filter.js";
import { buildConditions, checkSearch, pageStatements, searchScope, searchTickets, TEXT_WINDOW } from "./ticket-search.js";

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

describe("the generator's search rows", () => {
  it("equal what the triggers' refresh function builds for the same tickets (document, unit set, dates, counts)", async () => {
    const columns = `ticket_id, tracking_number, status, channel, request_type, urgency, category_id, district_id, township_id, citizen_phone, received_at,
      dispatched_at, replied_at, closed_at, lead_unit_id, (SELECT array_agg(u ORDER BY u) FROM unnest(unit_ids) u) AS unit_ids, active, completion_due_at,
      near_due_at, returned_count, rereport_count, document::text AS document`;
    // a sample with every kind of ticket: replies, notes, returns, assisting units, re-reports, open ones, directly closed ones
    const sample = `SELECT ticket_id FROM supervision_ticket_search WHERE ticket_id IN (
      (SELECT ticket_id FROM supervision_ticket_search ORDER BY received_at DESC LIMIT 400)
      UNION ALL (SELECT ticket_id FROM supervision_ticket_search WHERE returned_count > 0 LIMIT 50)
      UNION ALL (SELECT ticket_id FROM supervision_ticket_search WHERE rereport_count > 0 LIMIT 50)
      UNION ALL (SELECT ticket_id FROM supervision_ticket_search WHERE cardinality(unit_ids) > 1 LIMIT 50)
      UNION ALL (SELECT a.ticket_id FROM routing_progress_note n JOIN routing_assignment a ON a.id = n.assignment_id LIMIT 50)
      UNION ALL (SELECT ticket_id FROM supervision_ticket_search WHERE status = 'closed_direct' LIMIT 50))`;
    const ids = ((await db.dataSource.query(sample)) as Array<{ ticket_id: string }>).map((row) => row.ticket_id);
    const generated = await db.dataSource.query(`SELECT ${columns} FROM supervision_ticket_search WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id`, [ids]);
    expect(generated.length).toBeGreaterThan(500);
    expect(generated.filter((row: { document: string }) => row.document.includes("'破损'")).length).toBeGreaterThan(0);
    await db.dataSource.query(`SELECT supervision_ticket_search_refresh($1::uuid[])`, [ids]);
    const refreshed = await db.dataSource.query(`SELECT ${columns} FROM supervision_ticket_search WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id`, [ids]);
    const counted = await db.dataSource.query(
      `SELECT ticket_id, (SELECT count(*)::int FROM callback_re_report_proposal p WHERE p.ticket_id = s.ticket_id AND p.state = 'ACCEPTED') AS n
       FROM supervision_ticket_search s WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id`,
      [ids],
    );
    expect(generated).toEqual(refreshed);
    expect(generated.map((row: { rereport_count: number }) => row.rereport_count)).toEqual(counted.map((row: { n: number }) => row.n));
  });
});

describe("pages of a text search and of the soonest deadlines", () => {
  // the text search looks at the newest TEXT_WINDOW tickets first and asks the text index only when they hold less
  // than a page; overdue tickets sorted by deadline walk the active tickets' deadline index: the same pages as plain SQL
  const pages = async (filter: TicketSearchFilterInput, sort: SearchSort = "RECEIVED_DESC") => {
    const first = await searchTickets({ db: db.dataSource, actor: supervisor, filter, sort, first: 20 });
    const second = first.endCursor ? await searchTickets({ db: db.dataSource, actor: supervisor, filter, sort, first: 20, after: first.endCursor }) : null;
    return { ids: [...first.hits, ...(second?.hits ?? [])].map((hit) => hit.id), total: first.total, capped: first.totalCapped };
  };
  const plain = async (condition: string, params: unknown[], order = "received_at DESC, ticket_id DESC") => {
    const rows = (await db.dataSource.query(`SELECT ticket_id FROM supervision_ticket_search s WHERE ${condition} ORDER BY ${order} LIMIT 40`, params)) as Array<{ ticket_id: string }>;
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM supervision_ticket_search s WHERE ${condition}`, params);
    return { ids: rows.map((row) => row.ticket_id), total: Math.min(n, 1000), capped: n > 1000 };
  };

  it.each(["井盖破损", "拖欠 工资", "street light", "鲁泰大道", "噪音"])("text %s: the same two pages and total as the plain query", async (text) => {
    const expected = await plain(`s.document @@ $1::tsquery`, [textQuery(text)]);
    expect(expected.ids.length).toBeGreaterThan(20);
    expect(await pages({ text })).toEqual(expected);
  });

  it("a word only old tickets have (fewer than a page among the newest): the text index finds them, in order", async () => {
    const old = (await db.dataSource.query(`SELECT ticket_id FROM supervision_ticket_search ORDER BY received_at ASC LIMIT 25`)) as Array<{ ticket_id: string }>;
    await db.dataSource.query(`UPDATE intake_ticket SET title = '独一无二窨井' WHERE id = ANY($1::uuid[])`, [old.map((row) => row.ticket_id)]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM supervision_ticket_search WHERE received_at >= (SELECT min(received_at) FROM
      (SELECT received_at FROM supervision_ticket_search ORDER BY received_at DESC LIMIT ${TEXT_WINDOW}) w)`);
    expect(n).toBeGreaterThanOrEqual(TEXT_WINDOW);
    const expected = await plain(`s.document @@ $1::tsquery`, [textQuery("独一无二窨井")]);
    expect(expected.ids).toHaveLength(25);
    expect(await pages({ text: "独一无二窨井" })).toEqual(expected);
  });

  it("open and overdue, soonest deadline first: the same pages as the plain query", async () => {
    const expected = await plain(`s.active AND s.completion_due_at < now() AND s.status = ANY('{dispatched,signed_for,in_progress}')`, [], "coalesce(completion_due_at, 'infinity'), ticket_id");
    expect(expected.ids.length).toBeGreaterThan(20);
    expect(await pages({ overdue: true, statuses: ["dispatched", "signed_for", "in_progress"] }, "DUE_ASC")).toEqual(expected);
  });
});

describe("statements of a search", () => {
  type Node = PlanNode & { "Parent Relationship"?: string; "Actual Loops"?: number };
  const initPlans = (node: Node, found: Node[] = []): Node[] => {
    if (node["Parent Relationship"] === "InitPlan") {
      found.push(node);
    }
    for (const child of node.Plans ?? []) {
      initPlans(child as Node, found);
    }
    return found;
  };
  /** The statements one search sends, and how often PostgreSQL ran the count of each first page. */
  const run = async (filter: TicketSearchFilterInput, sort: SearchSort = "RECEIVED_DESC") => {
    const sent: Array<{ text: string; params: unknown[] }> = [];
    const recorder = { query: (text: string, params?: unknown[]) => (sent.push({ text, params: params ?? [] }), db.dataSource.query(text, params)) };
    const page = await searchTickets({ db: recorder, actor: operator, filter, sort, first: 20 });
    const counts = [];
    for (const statement of sent) {
      const [{ "QUERY PLAN": plan }] = await db.dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.params);
      // the count: the InitPlan that reads the search rows (loops 0 when PostgreSQL never ran it)
      counts.push(...initPlans(plan[0].Plan as Node).filter((node) => JSON.stringify(node).includes('"supervision_ticket_search"')).map((node) => node["Actual Loops"]));
    }
    return { page, statements: sent.length, counts };
  };

  it("a first page with every match (a caller's few tickets) is one statement, and its count never runs", async () => {
    const { page, statements, counts } = await run({ phone: facts.phone });
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM supervision_ticket_search WHERE citizen_phone = $1`, [facts.phone]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(20);
    expect(page).toMatchObject({ total: n, totalCapped: false, hasNextPage: false });
    expect(page.hits).toHaveLength(n);
    expect(statements).toBe(1);
    expect(counts).toEqual([0]);
  });

  it("a full first page (open and overdue, soonest due) is one statement that also counts, up to 1,000", async () => {
    const { page, statements, counts } = await run({ overdue: true, statuses: ["dispatched", "signed_for", "in_progress"] as never }, "DUE_ASC");
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM supervision_ticket_search WHERE active AND completion_due_at < now() AND status = ANY('{dispatched,signed_for,in_progress}')`);
    expect(n).toBeGreaterThan(20);
    expect(page).toMatchObject({ total: Math.min(n, 1000), totalCapped: n > 1000, hasNextPage: true });
    expect(statements).toBe(1);
    expect(counts).toEqual([1]);
    // a later page: one statement, no count
    const next = await searchTickets({ db: db.dataSource, actor: operator, filter: { overdue: true }, sort: "DUE_ASC", first: 20, after: page.endCursor });
    expect(next.total).toBeNull();
  });
});

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
