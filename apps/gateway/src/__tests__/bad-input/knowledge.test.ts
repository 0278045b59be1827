import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../harness.js";
import { ONE_MB, RLO, VALID_UNUSUAL, expectRefused, fieldOf, postGraphQL, rowCounts, textCases, type TextCase } from "./kit.js";

// The bad-input suite for the knowledge base: createArticle, updateArticle (and the other article
// mutations by id), searchArticles and publicArticles with metacharacters.

const CREATE = "mutation($input: ArticleInput!) { createArticle(input: $input) { id lockVersion } }";
const UPDATE = "mutation($id: ID!, $v: Int!, $input: ArticleInput!) { updateArticle(id: $id, lockVersion: $v, input: $input) { id lockVersion } }";
const READ = "query($id: ID!) { article(id: $id) { title summary body source keywords versionNumber lockVersion } }";
const ARTICLES = ["knowledge_article", "knowledge_article_version", "knowledge_article_history"] as const;
const MISSING = "00000000-0000-4000-8000-000000000000";

let gateway: TestGateway;
let admin: string;
let categoryId: string;
let unitId: string;
let existing: { id: string; lockVersion: number };

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = await gateway.login("admin");
  const lookup = await gateway.gql<{ categories: Array<{ id: string; code: string }>; units: Array<{ id: string; code: string }> }>("{ categories { id code } units { id code } }", undefined, admin);
  categoryId = lookup.data!.categories.find((c) => c.code === "URBAN.NOISE")!.id;
  unitId = lookup.data!.units.find((u) => u.code === "BUR-URBAN")!.id;
  const created = await gateway.gql<{ createArticle: { id: string; lockVersion: number } }>(CREATE, { input: article() }, admin);
  existing = created.data!.createArticle;
});
afterAll(() => gateway?.stop());

function article(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "夜间施工噪音的投诉办法",
    summary: "夜间22时后施工须有许可，可向城管投诉。",
    body: "## 办法\n\n夜间施工噪音可拨打热线。",
    categoryIds: [categoryId],
    keywords: ["噪音", "施工"],
    owningUnitId: unitId,
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    ...overrides,
  };
}

const TEXT_FIELDS = {
  title: { max: 200, required: true, kind: "line", valid: "噪音投诉" },
  summary: { max: 1000, required: true, kind: "text", valid: "可以投诉" },
  body: { max: 100_000, required: true, kind: "text", valid: "正文" },
  source: { max: 500, required: false, kind: "line", valid: "城管局" },
} as const;
const textTable = Object.entries(TEXT_FIELDS).flatMap(([field, limits]) => textCases(limits).map((c): [string, string, TextCase] => [field, c.label, c]));

/** The article as stored, read back through the API. */
async function read(id: string): Promise<Record<string, unknown>> {
  return (await gateway.gql<{ article: Record<string, unknown> }>(READ, { id }, admin)).data!.article;
}

// Refusals run concurrently with each other only (they write nothing, so the counts hold), stored cases after them.
describe.each([
  ["refused", textTable.filter(([, , c]) => c.expect !== "stored")],
  ["stored exactly", textTable.filter(([, , c]) => c.expect === "stored")],
] as const)("createArticle text fields: %s", (_kind, table) => {
  it.concurrent.each(table)("%s: %s", async (field, _label, c) => {
    const before = await rowCounts(gateway, ARTICLES);
    const response = await postGraphQL(gateway, CREATE, { input: article({ [field]: c.value }) }, { cookie: admin });
    if (c.expect === "stored") {
      expect(response.errors).toBeUndefined();
      expect((await read((response.data as { createArticle: { id: string } }).createArticle.id))[field]).toBe(c.value);
      return;
    }
    expectRefused(response, c.expect.code, fieldOf(field, c.expect));
    expect(await rowCounts(gateway, ARTICLES)).toEqual(before);
  });
});

describe("createArticle: keywords, dates, enums and ids", () => {
  const cases: Array<[string, Record<string, unknown>, string, string?]> = [
    ["a keyword with a NUL byte", { keywords: ["噪音", "施工\u0000"] }, "BAD_USER_INPUT", "keywords.1"],
    ["a keyword with a right-to-left override", { keywords: [`${RLO}音噪`] }, "BAD_USER_INPUT", "keywords"],
    ["a keyword of 51 characters", { keywords: ["字".repeat(51)] }, "BAD_USER_INPUT", "keywords"],
    ["31 keywords", { keywords: Array.from({ length: 31 }, (_, i) => `词${i}`) }, "BAD_USER_INPUT", "keywords"],
    ["an impossible day", { effectiveFrom: "2025-02-30" }, "BAD_USER_INPUT", "effectiveFrom"],
    ["month 13", { effectiveFrom: "2025-13-01" }, "BAD_USER_INPUT", "effectiveFrom"],
    ["a five-digit year", { effectiveFrom: "99999-01-01" }, "BAD_USER_INPUT", "effectiveFrom"],
    ["a negative year", { effectiveFrom: "-001-01-01" }, "BAD_USER_INPUT", "effectiveFrom"],
    ["a timestamp instead of a day", { effectiveFrom: "2025-01-01T00:00:00Z" }, "BAD_USER_INPUT", "effectiveFrom"],
    ["an empty day", { effectiveFrom: "" }, "BAD_USER_INPUT", "effectiveFrom"],
    ["an expiry before the start", { expiresOn: "2024-12-31" }, "BAD_USER_INPUT", "expiresOn"],
    ["an unknown audience", { audience: "EVERYONE" }, "BAD_USER_INPUT"],
    ["an unknown language", { language: "KLINGON" }, "BAD_USER_INPUT"],
    ["no category", { categoryIds: [] }, "BAD_USER_INPUT", "categoryIds"],
    ["a category id that is no UUID", { categoryIds: ["x"] }, "BAD_USER_INPUT", "categoryIds"],
    ["a category id that is a number", { categoryIds: [42] }, "BAD_USER_INPUT", "categoryIds"],
    ["a category id that does not exist", { categoryIds: [MISSING] }, "BAD_USER_INPUT", "categoryIds"],
    ["a unit id with SQL in it", { owningUnitId: "' OR 1=1 --" }, "BAD_USER_INPUT", "owningUnitId"],
    ["a unit id that does not exist", { owningUnitId: MISSING }, "BAD_USER_INPUT", "owningUnitId"],
  ];
  it.concurrent.each(cases)("refuses %s", async (_label, overrides, code, field) => {
    const before = await rowCounts(gateway, ARTICLES);
    expectRefused(await postGraphQL(gateway, CREATE, { input: article(overrides) }, { cookie: admin }), code, field ? { field } : undefined);
    expect(await rowCounts(gateway, ARTICLES)).toEqual(before);
  });
  it("keeps emoji and metacharacters in keywords exactly", async () => {
    const keywords = [VALID_UNUSUAL.emoji, "100%", "a_b", "c\\d", ":*", "<->"];
    const response = await postGraphQL(gateway, CREATE, { input: article({ keywords }) }, { cookie: admin });
    expect(response.errors).toBeUndefined();
    expect((await read((response.data as { createArticle: { id: string } }).createArticle.id)).keywords).toEqual(keywords);
  });
});

describe("updateArticle and the other article mutations by id", () => {
  it.each([
    ["an id that is no UUID", "not-a-uuid"],
    ["an id that is a number", 1],
    ["an empty id", ""],
    ["an id with SQL in it", "1' OR '1'='1"],
    ["an id that does not exist", MISSING],
    ["an id with a NUL byte", "\u0000"],
  ])("answers KNOWLEDGE/ARTICLE_NOT_FOUND (BAD_USER_INPUT for a NUL) for %s", async (_label, id) => {
    const before = await rowCounts(gateway, ARTICLES);
    const code = id === "\u0000" ? "BAD_USER_INPUT" : "KNOWLEDGE/ARTICLE_NOT_FOUND";
    expectRefused(await postGraphQL(gateway, UPDATE, { id, v: 1, input: article() }, { cookie: admin }), code);
    expectRefused(await postGraphQL(gateway, READ, { id }, { cookie: admin }), code);
    for (const mutation of ["submitArticleForReview", "archiveArticle"]) {
      expectRefused(await postGraphQL(gateway, `mutation($id: ID!) { ${mutation}(id: $id, lockVersion: 1) { id } }`, { id }, { cookie: admin }), code);
    }
    expectRefused(await postGraphQL(gateway, "mutation($id: ID!) { reviewArticle(id: $id, lockVersion: 1, decision: APPROVE) { id } }", { id }, { cookie: admin }), code);
    expect(await rowCounts(gateway, ARTICLES)).toEqual(before);
  });

  it.each([
    ["a stale lock version", { v: -1 }, "CONFLICT"],
    ["a lock version over 32 bits", { v: 2 ** 31 }, "BAD_USER_INPUT"],
    ["a lock version that is a string", { v: "1" }, "BAD_USER_INPUT"],
    ["a NUL byte in the title", { input: article({ title: "标题\u0000" }) }, "BAD_USER_INPUT"],
    ["a right-to-left override in the title", { input: article({ title: `标题${RLO}` }) }, "BAD_USER_INPUT"],
    ["a body of 1 MB", { input: article({ body: ONE_MB }) }, "PAYLOAD_TOO_LARGE"],
    ["an empty summary", { input: article({ summary: " " }) }, "BAD_USER_INPUT"],
    ["an impossible expiry", { input: article({ expiresOn: "2025-04-31" }) }, "BAD_USER_INPUT"],
    ["a change note with a NUL byte", { note: "修改\u0000" }, "BAD_USER_INPUT"],
  ])("refuses %s and leaves the article as it was", async (_label, overrides, code) => {
    const before = await read(existing.id);
    const variables = { id: existing.id, v: existing.lockVersion, input: article({ title: "改过的标题" }), note: "改标题", ...overrides };
    const query = "mutation($id: ID!, $v: Int!, $input: ArticleInput!, $note: String) { updateArticle(id: $id, lockVersion: $v, input: $input, changeNote: $note) { id } }";
    expectRefused(await postGraphQL(gateway, query, variables, { cookie: admin }), code);
    expect(await read(existing.id)).toEqual(before);
  });
});

describe("search with metacharacters and bad text", () => {
  const queries = ["'; DROP TABLE knowledge_article; --", "%", "_", "\\", "%_\\", ":*", "噪音:*", "& | ! ( ) <->", "!!!", "(((", "<->", "a:* & b", RLO, "🎵", "", "   ", "字".repeat(500)];
  it.concurrent.each(queries)("searchArticles and publicArticles answer %j without an error", async (query) => {
    const staff = await postGraphQL(gateway, "query($q: String!) { searchArticles(input: { query: $q, status: DRAFT }) { total hits { article { id } } } }", { q: query }, { cookie: admin });
    expect(staff.errors).toBeUndefined();
    const citizens = await postGraphQL(gateway, "query($q: String) { publicArticles(query: $q) { total } }", { q: query });
    expect(citizens.errors).toBeUndefined();
    if (/^[%_\\]+$/.test(query)) {
      expect((staff.data as { searchArticles: { total: number } }).searchArticles.total).toBe(0);
    }
  });

  it("finds an article by words around metacharacters and reads its emoji title back exactly", async () => {
    const title = `退款100%保障 a_b ${VALID_UNUSUAL.emoji}`;
    const created = await postGraphQL(gateway, CREATE, { input: article({ title, keywords: ["退款"] }) }, { cookie: admin });
    const id = (created.data as { createArticle: { id: string } }).createArticle.id;
    const search = async (q: string) =>
      ((await postGraphQL(gateway, "query($q: String!) { searchArticles(input: { query: $q, status: DRAFT, limit: 50 }) { hits { article { id title } } } }", { q }, { cookie: admin })).data as {
        searchArticles: { hits: Array<{ article: { id: string; title: string } }> };
      }).searchArticles.hits;
    for (const q of ["100%", "退款100%", "a_b", "退款"]) {
      expect((await search(q)).map((hit) => hit.article.id), q).toContain(id);
    }
    expect((await search("100%")).find((hit) => hit.article.id === id)?.article.title).toBe(title);
  });

  it("refuses a NUL byte and a lone surrogate in a search with a coded error", async () => {
    const before = await rowCounts(gateway, ["knowledge_search_log"]);
    expectRefused(await postGraphQL(gateway, "query($q: String!) { searchArticles(input: { query: $q }) { total } }", { q: "噪音\u0000" }, { cookie: admin }), "BAD_USER_INPUT", { field: "query" });
    expectRefused(await postGraphQL(gateway, "query($q: String) { publicArticles(query: $q) { total } }", { q: "噪音\u0000" }), "BAD_USER_INPUT", { field: "query" });
    expectRefused(await postGraphQL(gateway, 'query { publicArticles(query: "噪音\\u0000") { total } }', {}), "BAD_USER_INPUT", { field: "query" });
    expectRefused(await postGraphQL(gateway, "query($q: String) { publicArticles(query: $q) { total } }", { q: "噪音\ud800" }), "INVALID_UTF8");
    expect(await rowCounts(gateway, ["knowledge_search_log"])).toEqual(before);
  });
});
