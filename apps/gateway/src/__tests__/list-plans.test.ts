import type { QueryRunner } from "typeorm";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

/**
 * Every list a console opens all day reads through an index, never the whole ticket table (issue 15).
 * The real gateway on a database filled by the benchmarks' bulk generator (40,000 tickets with history
 * and assignments, analysed: large enough that the planner prefers a sequential scan wherever no index
 * fits), each list requested over HTTP as the apps do; every statement it sent that reads the ticket
 * or the assignment table is EXPLAINed with its parameters, and a sequential scan of either fails.
 */

/** What the generator needs of a pg client: one connection's `query`. */
type SqlClient = { query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }> };
type Generator = { generateTickets(client: SqlClient, options: { tickets: number }): Promise<{ tickets: number }> };
type Statement = { text: string; params: unknown[] };

const TICKETS = 40_000;
const BIG_TABLES = /\b(intake_ticket|routing_assignment)\b/u;
const SEQ_SCAN = /Seq Scan on (intake_ticket|routing_assignment)\b/u;

let gateway: TestGateway;
let runner: QueryRunner;
let client: SqlClient;
const cookies: Record<string, string> = {};
/** A caller of the newest generated ticket (the generator repeats 350,000 phones per million tickets). */
let callerPhone = "";

beforeAll(async () => {
  gateway = await startTestGateway();
  // One connection of the gateway's pool, as a pg client (the generator sets session options and runs transactions on it).
  runner = gateway.app.services.dataSource.createQueryRunner();
  await runner.connect();
  client = { query: async <R>(text: string, params?: unknown[]) => ({ rows: (await runner.query(text, params)) as R[] }) };
  // The benchmarks' generator (plain ESM, outside this package): bulk SQL, deterministic ids, ANALYZEd at the end.
  const generatorPath = new URL("../../../../packages/supervision/bench/generate.mjs", import.meta.url).href;
  const { generateTickets } = (await import(generatorPath)) as Generator;
  await generateTickets(client, { tickets: TICKETS });
  callerPhone = (await client.query<{ phone: string }>(`SELECT citizen_phone AS phone FROM intake_ticket ORDER BY received_at DESC LIMIT 1`)).rows[0]!.phone;
  for (const username of ["operator", "dispatcher", "handler"]) {
    cookies[username] = await gateway.login(username);
  }
}, 300_000);

afterAll(async () => {
  await runner?.release();
  await gateway?.stop();
});

/**
 * The statements reading the ticket or assignment table that `run` sent (sessions, outbox polling and
 * the like left out); with `tables`, those reading any table it matches.
 */
async function statementsOf(run: () => Promise<unknown>, tables = BIG_TABLES): Promise<Statement[]> {
  const seen: Statement[] = [];
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, text: string, params?: unknown[], ...rest: unknown[]) {
    seen.push({ text, params: params ?? [] });
    return (original as (...args: unknown[]) => Promise<unknown>).call(this, text, params, ...rest);
  } as typeof original;
  try {
    await run();
  } finally {
    PostgresQueryRunner.prototype.query = original;
  }
  return seen.filter((statement) => tables.test(statement.text) && !/platform_outbox|^\s*(START|COMMIT|ROLLBACK)/u.test(statement.text));
}

async function plansOf(statements: Statement[]): Promise<string[]> {
  const plans: string[] = [];
  for (const statement of statements) {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.text}`, statement.params);
    plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  return plans;
}

async function graphql(username: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const body = await gateway.gql(query, variables, cookies[username]);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const TICKET_FIELDS = "id trackingNumber status urgency receivedAt category { id nameZh } district { id nameZh }";

describe("list plans at 40,000 tickets", () => {
  // `counters`: may read no big table at all (maintained counters).
  const lists: Array<{ name: string; run: () => Promise<unknown>; counters?: boolean }> = [
    { name: "queue counts", run: () => graphql("operator", "{ queueCounts { waitingForDispatch mineToday emergencies received } }"), counters: true },
    ...["EMERGENCIES", "RECEIVED", "WAITING_FOR_DISPATCH", "MINE_TODAY"].map((kind) => ({
      name: `ticket queue ${kind}`,
      run: () => graphql("operator", `query($kind: QueueKind!) { ticketQueue(kind: $kind, limit: 50) { total items { ${TICKET_FIELDS} } } }`, { kind }),
    })),
    {
      name: "dispatch queue",
      run: () => graphql("dispatcher", `{ dispatchQueue { dispatchDueAt ticket { ${TICKET_FIELDS} } proposal { clear rule { id } leadUnit { id } } pendingReturn { id } } }`),
    },
    { name: "unit inbox", run: () => graphql("handler", `{ unitInbox { id state ticket { ${TICKET_FIELDS} } deadlines { completionDueAt } } }`) },
    { name: "unit inbox with closed", run: () => graphql("handler", `{ unitInbox(includeClosed: true) { id state ticket { id } } }`) },
    {
      name: "caller history",
      run: () => graphql("operator", `query($phone: String!) { callerHistory(phone: $phone) { openCount tickets { ${TICKET_FIELDS} } } }`, { phone: callerPhone }),
    },
    {
      name: "Open311 request list",
      run: async () => {
        // Four days (about 220 requests): at 40,000 generated tickets a full page (1,000 requests) is 2.5 % of
        // the table, and PostgreSQL 15 then rightly reads the page's assignments sequentially (PostgreSQL 17
        // probes the index); at a million tickets (pnpm bench lists) the full page probes the index too.
        const day = 86_400_000;
        const window = `start_date=${new Date(Date.now() - 12 * day).toISOString()}&end_date=${new Date(Date.now() - 8 * day).toISOString()}`;
        for (const query of [`?${window}`, `?status=open&${window}`, `?status=closed&${window}`]) {
          const response = await fetch(`${gateway.url}/open311/v2/requests.json${query}`);
          expect(response.status).toBe(200);
          expect(((await response.json()) as unknown[]).length).toBeGreaterThan(0);
        }
      },
    },
  ];

  it.each(lists)("$name reads no table sequentially", async ({ run, counters }) => {
    await run(); // warm: the first request of a kind also loads caches
    const statements = await statementsOf(run);
    if (!counters) {
      expect(statements.length).toBeGreaterThan(0);
    }
    const plans = await plansOf(statements);
    const scans = plans.flatMap((plan, i) => (SEQ_SCAN.test(plan) ? [`${statements[i]!.text}\n${plan}`] : []));
    expect(scans).toEqual([]);
  });
});

describe("list statements at 40,000 tickets", () => {
  const queue = (kind: string, limit: number) => () =>
    graphql("operator", `query($kind: QueueKind!, $limit: Int!) { ticketQueue(kind: $kind, limit: $limit) { total items { ${TICKET_FIELDS} } } }`, { kind, limit });

  it("an intake queue's total is its maintained counter (the queue counts' figure), not a count over the tickets", async () => {
    const counts = (await graphql("operator", "{ queueCounts { waitingForDispatch mineToday emergencies received } }")).queueCounts as Record<string, number>;
    const sql: Record<string, string> = {
      EMERGENCIES: "urgency = 'emergency' AND status NOT IN ('closed', 'closed_direct', 'merged')",
      RECEIVED: "status IN ('received', 'awaiting_dispatch')",
      WAITING_FOR_DISPATCH: "status = 'awaiting_dispatch'",
    };
    const field: Record<string, string> = { EMERGENCIES: "emergencies", RECEIVED: "received", WAITING_FOR_DISPATCH: "waitingForDispatch", MINE_TODAY: "mineToday" };
    for (const kind of ["EMERGENCIES", "RECEIVED", "WAITING_FOR_DISPATCH", "MINE_TODAY"]) {
      let data: Record<string, unknown> = {};
      const statements = await statementsOf(async () => {
        data = await queue(kind, 5)();
      });
      expect(statements.filter((statement) => /\bcount\s*\(/iu.test(statement.text))).toEqual([]);
      const total = (data.ticketQueue as { total: number }).total;
      expect(total).toBe(counts[field[kind]!]);
      if (sql[kind]) {
        const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM intake_ticket WHERE ${sql[kind]}`)).rows as [{ n: number }];
        expect(total).toBe(n);
      }
    }
  });

  it("a list sends the same statements for a page of 5 rows as for a page of 200", async () => {
    const domainTables = /\b(intake_|routing_)/u;
    const pages: Array<{ name: string; page: (limit: number) => () => Promise<unknown> }> = [
      { name: "received queue", page: (limit) => queue("RECEIVED", limit) },
      { name: "emergency queue", page: (limit) => queue("EMERGENCIES", limit) },
      {
        name: "dispatch queue",
        page: (limit) => () =>
          graphql("dispatcher", `query($limit: Int) { dispatchQueue(limit: $limit) { dispatchDueAt ticket { ${TICKET_FIELDS} } proposal { clear rule { id } leadUnit { id } } pendingReturn { id unit { id } } } }`, { limit }),
      },
    ];
    for (const { name, page } of pages) {
      await page(200)(); // warm: caches (catalogue, calendar)
      const small = await statementsOf(page(5), domainTables);
      const large = await statementsOf(page(200), domainTables);
      expect({ name, statements: large.length }).toEqual({ name, statements: small.length });
    }
  });
});
