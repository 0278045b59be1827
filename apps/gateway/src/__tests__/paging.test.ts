import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["operator", "dispatcher", "callback", "supervisor"]) {
    cookies[user] = await gateway.login(user);
  }
});
afterAll(() => gateway?.stop());

type Field = {
  /** The field, called with `$limit`/`$offset` (or `$year`) as variables. */
  query: string;
  /** Who may read it (null: anyone). */
  as: string | null;
  limit?: { max: number };
  offset?: { max: number };
  year?: { min: number; max: number };
};

const FIELDS: Record<string, Field> = {
  ticketQueue: { query: "query($limit: Int!) { ticketQueue(limit: $limit) { total } }", as: "operator", limit: { max: 200 } },
  dispatchQueue: { query: "query($limit: Int) { dispatchQueue(limit: $limit) { dispatchDueAt } }", as: "dispatcher", limit: { max: 500 } },
  callbackQueue: {
    query: "query($limit: Int, $offset: Int) { callbackQueue(limit: $limit, offset: $offset) { total } }",
    as: "callback",
    limit: { max: 200 },
    offset: { max: 100_000 },
  },
  missedCalls: {
    query: "query($limit: Int, $offset: Int) { missedCalls(limit: $limit, offset: $offset) { total } }",
    as: "callback",
    limit: { max: 200 },
    offset: { max: 100_000 },
  },
  reReportProposals: {
    query: "query($limit: Int, $offset: Int) { reReportProposals(limit: $limit, offset: $offset) { total } }",
    as: "supervisor",
    limit: { max: 200 },
    offset: { max: 100_000 },
  },
  articles: {
    query: "query($limit: Int, $offset: Int) { articles(limit: $limit, offset: $offset) { total } }",
    as: "supervisor",
    limit: { max: 200 },
    offset: { max: 100_000 },
  },
  searchArticles: {
    query: 'query($limit: Int, $offset: Int) { searchArticles(input: { query: "噪音", limit: $limit, offset: $offset }) { total } }',
    as: "operator",
    limit: { max: 50 },
    offset: { max: 1000 },
  },
  publicArticles: {
    query: "query($limit: Int, $offset: Int) { publicArticles(limit: $limit, offset: $offset) { total } }",
    as: null,
    limit: { max: 50 },
    offset: { max: 1000 },
  },
  calendarOverrides: { query: "query($year: Int!) { calendarOverrides(year: $year) { day } }", as: "supervisor", year: { min: 2000, max: 2100 } },
};

type Case = { field: string; variables: Record<string, number>; message: string | null };

function cases(): Case[] {
  const all: Case[] = [];
  for (const [field, spec] of Object.entries(FIELDS)) {
    if (spec.limit) {
      const message = `limit must be between 1 and ${spec.limit.max}.`;
      for (const limit of [-1, 0, spec.limit.max + 1, 1_000_000]) {
        all.push({ field, variables: { limit }, message });
      }
      all.push({ field, variables: { limit: 1 }, message: null }, { field, variables: { limit: spec.limit.max }, message: null });
    }
    if (spec.offset) {
      const message = `offset must be between 0 and ${spec.offset.max}.`;
      for (const offset of [-1, -1_000_000, spec.offset.max + 1, 2_000_000_000]) {
        all.push({ field, variables: { limit: 10, offset }, message });
      }
      all.push({ field, variables: { limit: 10, offset: 0 }, message: null }, { field, variables: { limit: 10, offset: spec.offset.max }, message: null });
    }
    if (spec.year) {
      const message = `year must be between ${spec.year.min} and ${spec.year.max}.`;
      for (const year of [-1, 0, spec.year.min - 1, spec.year.max + 1, 100_000]) {
        all.push({ field, variables: { year }, message });
      }
      all.push({ field, variables: { year: spec.year.min }, message: null }, { field, variables: { year: 2027 }, message: null });
    }
  }
  return all;
}

describe("paging and range arguments over HTTP", () => {
  it.each(cases().map((c) => [c.field, JSON.stringify(c.variables), c] as const))("%s %s", async (_field, _variables, c) => {
    const spec = FIELDS[c.field]!;
    const result = await gateway.gql<Record<string, unknown>>(spec.query, c.variables, spec.as ? cookies[spec.as] : undefined);
    if (c.message === null) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[c.field]).toBeDefined();
      return;
    }
    expect(result.data?.[c.field] ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.message).toBe(c.message);
    expect(error!.extensions?.code).toBe("BAD_USER_INPUT");
    const [name] = Object.keys(c.variables).filter((key) => c.message!.startsWith(key));
    expect(error!.extensions?.fields).toEqual([expect.objectContaining({ field: name, code: "OUT_OF_RANGE", message: c.message })]);
  });

  it("names both ranges when limit and offset are both out of range", async () => {
    const result = await gateway.gql(FIELDS.publicArticles!.query, { limit: 0, offset: -1 });
    expect(result.errors?.[0]?.message).toBe("limit must be between 1 and 50; offset must be between 0 and 1000.");
    expect(result.errors?.[0]?.extensions?.fields).toEqual([
      { field: "limit", code: "OUT_OF_RANGE", message: "limit must be between 1 and 50.", min: 1, max: 50 },
      { field: "offset", code: "OUT_OF_RANGE", message: "offset must be between 0 and 1000.", min: 0, max: 1000 },
    ]);
  });

  it("keeps the defaults when limit and offset are omitted", async () => {
    const omitted = await gateway.gql<{ publicArticles: { total: number; hits: unknown[] } }>("{ publicArticles { total hits { score } } }");
    expect(omitted.errors).toBeUndefined();
    expect(omitted.data!.publicArticles.hits.length).toBe(Math.min(20, omitted.data!.publicArticles.total));
  });
});

describe("totals of a page past the end", () => {
  it("publicArticles(offset: 999) reports the real total, listed or searched", async () => {
    const PAGE = "query($query: String, $offset: Int) { publicArticles(query: $query, limit: 50, offset: $offset) { total hits { article { id } } } }";
    type Page = { publicArticles: { total: number; hits: unknown[] } };
    for (const query of [null, "噪音"]) {
      const first = await gateway.gql<Page>(PAGE, { query, offset: 0 });
      expect(first.errors).toBeUndefined();
      const total = first.data!.publicArticles.total;
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(999);
      const beyond = await gateway.gql<Page>(PAGE, { query, offset: 999 });
      expect(beyond.errors).toBeUndefined();
      expect(beyond.data!.publicArticles).toEqual({ total, hits: [] });
    }
  });

  it("articles(offset: 999) reports the real total", async () => {
    type Page = { articles: { total: number; items: unknown[] } };
    const PAGE = "query($offset: Int) { articles(limit: 10, offset: $offset) { total items { id } } }";
    const first = await gateway.gql<Page>(PAGE, { offset: 0 }, cookies.supervisor);
    const total = first.data!.articles.total;
    expect(total).toBeGreaterThan(0);
    const beyond = await gateway.gql<Page>(PAGE, { offset: 999 }, cookies.supervisor);
    expect(beyond.errors).toBeUndefined();
    expect(beyond.data!.articles).toEqual({ total, items: [] });
  });
});
