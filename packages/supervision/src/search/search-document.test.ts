import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingSchemaChanges, type TestDatabase } from "@civicline/platform/testing";
import { generateTickets } from "./__tests__/generator.js";
import { searchTestDatabase } from "./__tests__/search-db.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await searchTestDatabase();
});

afterAll(async () => {
  await db?.destroy();
});

const lexemes = async (text: string): Promise<string> => (await db.dataSource.query("SELECT supervision_search_vector($1)::text AS v", [text]))[0].v;

describe("the ticket search's schema", () => {
  it("matches its entities (the migration needs nothing more for the search and the saved views)", async () => {
    const pending = await pendingSchemaChanges(db.dataSource);
    expect(pending.filter((statement) => /supervision_ticket_search|supervision_saved_view/.test(statement))).toEqual([]);
  });
});

describe("the ticket search's SQL tokeniser", () => {
  it("splits Han runs into bigrams with positions, keeps Latin words and digits, lower-cased and NFKC", async () => {
    expect(await lexemes("路灯不亮")).toBe("'不亮':3 '灯不':2 '路灯':1");
    expect(await lexemes("Street LIGHT 12号")).toBe("'12':3 'light':2 'street':1 '号':4");
    expect(await lexemes("ＡＢＣ１２")).toBe("'abc12':1");
    expect(await lexemes("")).toBe("");
  });

  it("matches a phrase of bigrams only in order", async () => {
    const [row] = await db.dataSource.query(
      `SELECT supervision_search_vector('柳泉路路灯不亮') @@ '路灯 <-> 灯不 <-> 不亮'::tsquery AS yes, supervision_search_vector('柳泉路不亮路灯') @@ '路灯 <-> 灯不 <-> 不亮'::tsquery AS no`,
    );
    expect(row).toEqual({ yes: true, no: false });
  });
});

describe("the bench generator", () => {
  it("generates tickets with history and assignments in bulk and their search rows", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const stats = await generateTickets(client, { tickets: 3000, chunk: 1000 });
      expect(stats.tickets).toBe(3000);
      expect(stats.search_rows).toBe(3000);
      expect(stats.assignments).toBeGreaterThan(2500);
      expect(stats.history).toBeGreaterThan(6000);
      const [facts] = await db.dataSource.query(`SELECT count(*) FILTER (WHERE returned_count > 0)::int AS returned, count(*) FILTER (WHERE rereport_count > 0)::int AS rereported,
        count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS closed, count(*) FILTER (WHERE cardinality(unit_ids) > 1)::int AS multi
        FROM supervision_ticket_search`);
      expect(facts.returned).toBeGreaterThan(50);
      expect(facts.rereported).toBeGreaterThan(20);
      expect(facts.active).toBeGreaterThan(10);
      expect(facts.closed).toBeGreaterThan(2500);
      expect(facts.multi).toBeGreaterThan(200);
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM supervision_ticket_search WHERE document @@ '路灯'::tsquery`);
      expect(n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
